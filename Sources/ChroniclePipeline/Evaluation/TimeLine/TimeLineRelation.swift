/// A TimeML temporal relation (TLINK) between two nodes of a timeline's graph: events, named by
/// their first mention (`11714-2-exercising`), and the dates they are anchored to (`2005-06-13`).
/// A timeline only ever says BEFORE and SIMULTANEOUS.
public struct TimeLineRelation: Hashable, Sendable, CustomStringConvertible {
    public enum Node: Hashable, Sendable, CustomStringConvertible {
        case event(String)
        case time(String)

        public var description: String {
            switch self {
            case .event(let name): name
            case .time(let date): "t:\(date)"
            }
        }
    }

    public enum Kind: String, Sendable {
        case before = "BEFORE"
        case simultaneous = "SIMULTANEOUS"
    }

    public var source: Node
    public var kind: Kind
    public var target: Node

    public init(_ source: Node, _ kind: Kind, _ target: Node) {
        self.source = source
        self.kind = kind
        self.target = target
    }

    public var description: String { "\(source) \(kind.rawValue) \(target)" }
}
