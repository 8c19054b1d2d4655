import ChroniclePipeline

/// TempEval-3's event extraction measures: span precision, recall and F1, strict (the same span)
/// and relaxed (overlapping spans, each gold event matched once), and for each attribute its
/// accuracy over the relaxed matches and its F1 (matches with the right value, over the system's
/// and the gold events). An attribute is scored where the event carries it: gold events without
/// an instance have no tense, and a caller may leave an unreliable attribute out of both sides.
package struct EventScore: Sendable, Equatable {
    /// One event as scored: its span and attribute values (class first).
    package struct Mention: Sendable, Equatable {
        package var span: TextSpan
        package var attributes: [String: String]

        package init(span: TextSpan, attributes: [String: String]) {
            self.span = span
            self.attributes = attributes
        }
    }

    package static let attributeNames = ["class", "tense", "aspect", "polarity", "modality"]

    package var gold = 0
    package var system = 0
    package var strict = 0
    package var relaxed = 0
    /// Relaxed matches whose attribute has the gold value.
    package var attributeMatches: [String: Int] = [:]
    /// Relaxed matches where both sides carry the attribute.
    package var attributePairs: [String: Int] = [:]
    /// Gold and system events that carry the attribute.
    package var attributeGold: [String: Int] = [:]
    package var attributeSystem: [String: Int] = [:]
    /// For the relaxed matches, gold class -> system class -> count.
    package var classConfusions: [String: [String: Int]] = [:]

    package init() {}

    package mutating func add(gold goldMentions: [Mention], system systemMentions: [Mention]) {
        gold += goldMentions.count
        system += systemMentions.count
        for mention in goldMentions { for name in mention.attributes.keys { attributeGold[name, default: 0] += 1 } }
        for mention in systemMentions { for name in mention.attributes.keys { attributeSystem[name, default: 0] += 1 } }
        var used = [Bool](repeating: false, count: goldMentions.count)
        // Exact spans first, so that an overlap never takes the gold event an exact match wants.
        var pairs: [(Int, Int)] = []
        var matchedSystem = [Bool](repeating: false, count: systemMentions.count)
        for (s, mention) in systemMentions.enumerated() {
            if let g = goldMentions.indices.first(where: { !used[$0] && goldMentions[$0].span == mention.span }) {
                used[g] = true
                matchedSystem[s] = true
                strict += 1
                pairs.append((g, s))
            }
        }
        for (s, mention) in systemMentions.enumerated() where !matchedSystem[s] {
            if let g = goldMentions.indices.first(where: {
                !used[$0] && goldMentions[$0].span.start < mention.span.end && mention.span.start < goldMentions[$0].span.end
            }) {
                used[g] = true
                pairs.append((g, s))
            }
        }
        relaxed += pairs.count
        for (g, s) in pairs {
            if let gold = goldMentions[g].attributes["class"], let system = systemMentions[s].attributes["class"] {
                classConfusions[gold, default: [:]][system, default: 0] += 1
            }
            for name in Self.attributeNames {
                guard let value = goldMentions[g].attributes[name], let predicted = systemMentions[s].attributes[name] else { continue }
                attributePairs[name, default: 0] += 1
                if value == predicted { attributeMatches[name, default: 0] += 1 }
            }
        }
    }

    package mutating func add(_ other: EventScore) {
        gold += other.gold
        system += other.system
        strict += other.strict
        relaxed += other.relaxed
        for (name, count) in other.attributeMatches { attributeMatches[name, default: 0] += count }
        for (name, count) in other.attributePairs { attributePairs[name, default: 0] += count }
        for (name, count) in other.attributeGold { attributeGold[name, default: 0] += count }
        for (name, count) in other.attributeSystem { attributeSystem[name, default: 0] += count }
        for (gold, row) in other.classConfusions {
            for (system, count) in row { classConfusions[gold, default: [:]][system, default: 0] += count }
        }
    }

    package func precision(_ matched: Int) -> Double { system == 0 ? 0 : Double(matched) / Double(system) }
    package func recall(_ matched: Int) -> Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
    package func f1(_ matched: Int) -> Double {
        let (p, r) = (precision(matched), recall(matched))
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    package var relaxedF1: Double { f1(relaxed) }
    package var classF1: Double { attributeF1("class") }

    /// Right values over the system's events that carry the attribute, and over the gold's.
    package func attributePrecision(_ name: String) -> Double {
        let total = attributeSystem[name] ?? 0
        return total == 0 ? 0 : Double(attributeMatches[name] ?? 0) / Double(total)
    }

    package func attributeRecall(_ name: String) -> Double {
        let total = attributeGold[name] ?? 0
        return total == 0 ? 0 : Double(attributeMatches[name] ?? 0) / Double(total)
    }

    package func attributeF1(_ name: String) -> Double {
        let (p, r) = (attributePrecision(name), attributeRecall(name))
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Right values over the relaxed matches where both sides carry the attribute.
    package func attributeAccuracy(_ name: String) -> Double {
        let total = attributePairs[name] ?? 0
        return total == 0 ? 0 : Double(attributeMatches[name] ?? 0) / Double(total)
    }

    /// A plain-text table: span rows, then one row per attribute.
    package func report(attributes: [String] = attributeNames) -> String {
        func number(_ value: Double) -> String { String(format: "%.4f", value).leftPadded(10) }
        var lines = ["events: gold \(gold), system \(system)", "".leftPadded(10) + ["precision", "recall", "F1", "accuracy"].map { $0.leftPadded(10) }.joined()]
        lines.append("strict".padding(toLength: 10, withPad: " ", startingAt: 0) + number(precision(strict)) + number(recall(strict)) + number(f1(strict)))
        lines.append("relaxed".padding(toLength: 10, withPad: " ", startingAt: 0) + number(precision(relaxed)) + number(recall(relaxed)) + number(f1(relaxed)))
        for name in attributes where attributeGold[name] != nil {
            lines.append(
                name.padding(toLength: 10, withPad: " ", startingAt: 0) + number(attributePrecision(name)) + number(attributeRecall(name))
                    + number(attributeF1(name)) + number(attributeAccuracy(name)))
        }
        return lines.joined(separator: "\n")
    }
}

extension EventScore {
    /// The class confusions as a table: one row per gold class, one column per system class.
    package var confusionTable: String {
        let classes = Set(classConfusions.keys).union(classConfusions.values.flatMap(\.keys)).sorted()
        var lines = ["gold \\ system".padding(toLength: 14, withPad: " ", startingAt: 0) + classes.map { String($0.prefix(10)).leftPadded(11) }.joined()]
        for gold in classes {
            let row = classConfusions[gold] ?? [:]
            lines.append(gold.padding(toLength: 14, withPad: " ", startingAt: 0) + classes.map { String(row[$0] ?? 0).leftPadded(11) }.joined())
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
