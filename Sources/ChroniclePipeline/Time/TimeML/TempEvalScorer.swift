/// The TempEval-3 measures for temporal expressions (UzZaman et al. 2013): strict matches share
/// their exact span, relaxed matches overlap; precision, recall and F1 of both; and for the type
/// and value attributes, accuracy over relaxed matches and attribute F1, where a system timex
/// counts only if it matches a gold one relaxedly and has the same attribute (so attribute F1 is
/// relaxed F1 times attribute accuracy). Counts are summed over documents (micro-averaged).
public struct TempEvalScorer: Sendable {
    public struct Counts: Sendable, Equatable {
        public var gold = 0
        public var system = 0
        public var strict = 0
        public var relaxed = 0
        public var type = 0
        public var value = 0

        public init() {}

        mutating func add(_ other: Counts) {
            gold += other.gold
            system += other.system
            strict += other.strict
            relaxed += other.relaxed
            type += other.type
            value += other.value
        }

        public func precision(_ matched: Int) -> Double { system == 0 ? 0 : Double(matched) / Double(system) }
        public func recall(_ matched: Int) -> Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
        public func f1(_ matched: Int) -> Double {
            let p = precision(matched), r = recall(matched)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        public func accuracy(_ matched: Int) -> Double { relaxed == 0 ? 0 : Double(matched) / Double(relaxed) }
    }

    /// One disagreement between gold and system, for development.
    public struct Difference: Sendable {
        public enum Kind: String, Sendable { case missed, spurious, span, type, value }
        public var kind: Kind
        public var document: String
        public var gold: TimeMLDocument.Timex?
        public var system: TimexMention?
    }

    public private(set) var total = Counts()
    public private(set) var documents: [(name: String, counts: Counts)] = []
    public private(set) var differences: [Difference] = []

    public init() {}

    /// Scores one document. Each gold timex is matched to the first system timex overlapping it
    /// that no earlier gold timex took, as the TempEval-3 scorer pairs them.
    public mutating func add(document name: String, gold: [TimeMLDocument.Timex], system: [TimexMention]) {
        var counts = Counts()
        counts.gold = gold.count
        counts.system = system.count
        var taken = Set<Int>()
        for timex in gold {
            guard let index = system.indices.first(where: { !taken.contains($0) && system[$0].span.overlaps(timex.span) }) else {
                differences.append(Difference(kind: .missed, document: name, gold: timex, system: nil))
                continue
            }
            taken.insert(index)
            let found = system[index]
            counts.relaxed += 1
            if found.span == timex.span {
                counts.strict += 1
            } else {
                differences.append(Difference(kind: .span, document: name, gold: timex, system: found))
            }
            if found.type.rawValue == timex.type {
                counts.type += 1
            } else {
                differences.append(Difference(kind: .type, document: name, gold: timex, system: found))
            }
            if found.value == timex.value {
                counts.value += 1
            } else {
                differences.append(Difference(kind: .value, document: name, gold: timex, system: found))
            }
        }
        for index in system.indices where !taken.contains(index) && !gold.contains(where: { $0.span.overlaps(system[index].span) }) {
            differences.append(Difference(kind: .spurious, document: name, gold: nil, system: system[index]))
        }
        documents.append((name, counts))
        total.add(counts)
    }

    /// The scores as a table.
    public func report() -> String {
        func row(_ name: String, _ matched: Int) -> String {
            let p = total.precision(matched), r = total.recall(matched), f = total.f1(matched)
            return name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + [p, r, f].map { formatted($0).leftPadded(10) }.joined()
        }
        var lines = ["documents \(documents.count), gold timexes \(total.gold), system timexes \(total.system)"]
        lines.append("measure".padding(toLength: 10, withPad: " ", startingAt: 0) + ["precision", "recall", "F1"].map { $0.leftPadded(10) }.joined())
        lines.append(row("strict", total.strict))
        lines.append(row("relaxed", total.relaxed))
        lines.append(row("type", total.type) + "   accuracy \(formatted(total.accuracy(total.type)))")
        lines.append(row("value", total.value) + "   accuracy \(formatted(total.accuracy(total.value)))")
        return lines.joined(separator: "\n")
    }

    private func formatted(_ value: Double) -> String {
        let scaled = Int((value * 10000).rounded())
        return "\(scaled / 10000).\(String(scaled % 10000).leftPadded(4, with: "0"))"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
