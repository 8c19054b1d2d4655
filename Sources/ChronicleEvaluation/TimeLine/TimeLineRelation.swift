import ChroniclePipeline

/// A TimeML temporal relation (TLINK) between two nodes of a timeline's graph: events, named by
/// their first mention (`11714-2-exercising`), and the dates they are anchored to (`2005-06-13`).
/// A timeline only ever says BEFORE and SIMULTANEOUS.
package struct TimeLineRelation: Hashable, Sendable, CustomStringConvertible {
    package enum Node: Hashable, Sendable, CustomStringConvertible {
        case event(String)
        case time(String)

        package var description: String {
            switch self {
            case .event(let name): name
            case .time(let date): "t:\(date)"
            }
        }
    }

    package enum Kind: String, Sendable {
        case before = "BEFORE"
        case simultaneous = "SIMULTANEOUS"
    }

    package var source: Node
    package var kind: Kind
    package var target: Node

    package init(_ source: Node, _ kind: Kind, _ target: Node) {
        self.source = source
        self.kind = kind
        self.target = target
    }

    package var description: String { "\(source) \(kind.rawValue) \(target)" }
}
