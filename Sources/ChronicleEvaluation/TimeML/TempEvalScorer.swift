import ChroniclePipeline

/// The TempEval-3 measures for temporal expressions (UzZaman et al. 2013), as the official
/// toolkit computes them (TE3-evaluation.py: TimeML-Normalizer gives a gold and a system timex
/// the same id when they overlap, then evaluation-entities/evaluate_entities.py counts):
/// - a relaxed match is a gold and a system timex whose extents overlap, each paired at most once;
///   a strict match is a relaxed match with the same extent;
/// - precision = matches / system timexes, recall = matches / gold timexes, F1 their harmonic mean;
/// - type (value) accuracy = relaxed matches with the gold type (value) / relaxed matches;
/// - type (value) F1 = accuracy × relaxed F1, the scorer's formula, which (matches being one to
///   one) is the F1 of precision = relaxed matches with the right attribute / system timexes and
///   recall = the same / gold timexes;
/// - with no gold and no system timexes at all every F1 is 1, as in the scorer.
/// Counts are summed over documents before dividing (micro-averaged), as the scorer does.
package struct TempEvalScorer: Sendable {
    package struct Counts: Sendable, Equatable {
        package var gold = 0
        package var system = 0
        package var strict = 0
        package var relaxed = 0
        /// Relaxed matches with the gold type, and with the gold value.
        package var type = 0
        package var value = 0

        package init() {}

        mutating func add(_ other: Counts) {
            gold += other.gold
            system += other.system
            strict += other.strict
            relaxed += other.relaxed
            type += other.type
            value += other.value
        }

        /// `matched` is one of `strict`, `relaxed`, `type`, `value`.
        package func precision(_ matched: Int) -> Double { system == 0 ? 0 : Double(matched) / Double(system) }
        package func recall(_ matched: Int) -> Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
        package func f1(_ matched: Int) -> Double {
            if gold == 0 && system == 0 { return 1 }
            let p = precision(matched), r = recall(matched)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        /// Of the relaxed matches, the share with the right attribute (`type` or `value`).
        package func accuracy(_ matched: Int) -> Double { relaxed == 0 ? 0 : Double(matched) / Double(relaxed) }
    }

    package struct DocumentScore: Sendable {
        package var name: String
        package var counts: Counts
    }

    /// One disagreement between gold and system, for development: a missed gold timex, a spurious
    /// system one (with the gold timex it overlaps, if another system timex took it), or a relaxed
    /// match with a different extent, type or value.
    package struct Difference: Sendable {
        package enum Kind: String, Sendable { case missed, spurious, span, type, value }
        package var kind: Kind
        package var document: String
        package var gold: TimeMLDocument.Timex?
        package var system: TimexMention?
    }

    package private(set) var total = Counts()
    package private(set) var documents: [DocumentScore] = []
    /// By document, then by position in the text.
    package private(set) var differences: [Difference] = []

    package init() {}

    /// Scores one document. Gold timexes are taken in text order, each paired with the first
    /// overlapping system timex not yet paired, as the normalizer pairs them; empty extents match
    /// nothing (the scorer skips timexes without text) but are counted.
    package mutating func add(document name: String, gold: [TimeMLDocument.Timex], system: [TimexMention]) {
        var counts = Counts()
        counts.gold = gold.count
        counts.system = system.count
        var found: [(position: Int, difference: Difference)] = []
        func note(_ kind: Difference.Kind, _ gold: TimeMLDocument.Timex?, _ system: TimexMention?) {
            let position = gold?.span.start ?? system?.span.start ?? 0
            found.append((position, Difference(kind: kind, document: name, gold: gold, system: system)))
        }
        let systemOrder = system.indices.sorted { system[$0].span < system[$1].span }
        var pairedSystem = Set<Int>()
        for timex in gold.sorted(by: { $0.span < $1.span }) {
            guard !timex.span.isEmpty,
                let index = systemOrder.first(where: {
                    !pairedSystem.contains($0) && !system[$0].span.isEmpty && system[$0].span.overlaps(timex.span)
                })
            else {
                note(.missed, timex, nil)
                continue
            }
            pairedSystem.insert(index)
            let match = system[index]
            counts.relaxed += 1
            if match.span == timex.span { counts.strict += 1 } else { note(.span, timex, match) }
            if match.type.rawValue == timex.type { counts.type += 1 } else { note(.type, timex, match) }
            if match.value == timex.value { counts.value += 1 } else { note(.value, timex, match) }
        }
        for index in systemOrder where !pairedSystem.contains(index) {
            note(.spurious, gold.first { !$0.span.isEmpty && $0.span.overlaps(system[index].span) }, system[index])
        }
        differences += found.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map(\.element.difference)
        documents.append(DocumentScore(name: name, counts: counts))
        total.add(counts)
    }

    /// The scores as a table: matches, precision, recall and F1 for strict and relaxed extents,
    /// type and value, and the type and value accuracy.
    package func report() -> String {
        func cell(_ text: String, _ width: Int = 10) -> String {
            text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
        }
        func row(_ name: String, _ matched: Int, accuracy: Bool) -> String {
            name.padding(8) + cell(String(matched), 8)
                + [total.precision(matched), total.recall(matched), total.f1(matched)].map { cell(Self.format($0)) }.joined()
                + (accuracy ? cell(Self.format(total.accuracy(matched))) : "")
        }
        return [
            "documents \(documents.count), gold timexes \(total.gold), system timexes \(total.system)",
            "measure".padding(8) + cell("matches", 8) + ["precision", "recall", "F1", "accuracy"].map { cell($0) }.joined(),
            row("strict", total.strict, accuracy: false),
            row("relaxed", total.relaxed, accuracy: false),
            row("type", total.type, accuracy: true),
            row("value", total.value, accuracy: true),
        ].joined(separator: "\n")
    }

    /// One tab-separated line per document: its counts and its strict, relaxed and value F1.
    package func documentReport() -> String {
        var lines = ["document\tgold\tsystem\tstrict\trelaxed\ttype\tvalue\tstrict F1\trelaxed F1\tvalue F1"]
        for document in documents {
            let c = document.counts
            lines.append(
                ([document.name] + [c.gold, c.system, c.strict, c.relaxed, c.type, c.value].map(String.init)
                    + [c.f1(c.strict), c.f1(c.relaxed), c.f1(c.value)].map(Self.format)).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n")
    }

    /// Four decimals, without Foundation's locale-dependent formatting.
    static func format(_ value: Double) -> String {
        let scaled = Int((value * 10000).rounded())
        let fraction = String(scaled % 10000)
        return "\(scaled / 10000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
