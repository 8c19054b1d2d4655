import ChroniclePipeline

/// Scores a system's event triggers against ECB+ action mentions, by token overlap.
///
/// - Precision counts only triggers in the annotated sentences (elsewhere ECB+ marked actions
///   now and then, so an unmatched trigger there is no evidence of a mistake).
/// - Recall is over every gold action mention, and again over the covered ones: those with a
///   token the ontology has as a trigger. ECB+ marks every action (states, reporting, generic
///   verbs), an ontology of newsworthy event types only some, so covered recall is the measure
///   of how well the extractor finds what it was built to find; the uncovered words show what
///   the ontology leaves out.
package struct TriggerScorer: Sendable {
    package struct Counts: Sendable, Equatable {
        package var documents = 0
        /// Gold action mentions (with token anchors).
        package var gold = 0
        /// Of those, the ones in annotated sentences.
        package var goldAnnotated = 0
        /// Of those, the ones with a token the ontology covers.
        package var covered = 0
        /// Gold mentions none of whose tokens are in the pipeline's text (a title, a date line or
        /// a last line the text stage took for page chrome): no trigger can find them.
        package var dropped = 0
        /// Gold mentions a system trigger overlaps: all, in annotated sentences, covered.
        package var found = 0
        package var foundAnnotated = 0
        package var foundCovered = 0
        /// System triggers in annotated sentences, and those of them on a gold mention's token.
        package var system = 0
        package var correct = 0
        /// System triggers on no ECB+ token (text the alignment could not place): not scored.
        package var unplaced = 0

        package init() {}

        package var precision: Double { Self.ratio(correct, system) }
        package var recall: Double { Self.ratio(found, gold) }
        package var annotatedRecall: Double { Self.ratio(foundAnnotated, goldAnnotated) }
        package var coveredRecall: Double { Self.ratio(foundCovered, covered) }
        package var f1: Double { Self.f1(precision, recall) }
        package var coveredF1: Double { Self.f1(precision, coveredRecall) }

        static func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 0 : Double(part) / Double(whole) }
        static func f1(_ precision: Double, _ recall: Double) -> Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }

        static func += (lhs: inout Counts, rhs: Counts) {
            lhs.documents += rhs.documents
            lhs.gold += rhs.gold
            lhs.goldAnnotated += rhs.goldAnnotated
            lhs.covered += rhs.covered
            lhs.dropped += rhs.dropped
            lhs.found += rhs.found
            lhs.foundAnnotated += rhs.foundAnnotated
            lhs.foundCovered += rhs.foundCovered
            lhs.system += rhs.system
            lhs.correct += rhs.correct
            lhs.unplaced += rhs.unplaced
        }
    }

    /// Whether the ontology has a lowercased word (or the lemma it inflects) as a trigger.
    package let covers: @Sendable (String) -> Bool
    package private(set) var total = Counts()
    /// Per topic (`"1"`, `"2"`, ...).
    package private(set) var topics: [String: Counts] = [:]
    /// How often each uncovered gold mention's words (lowercased, `checks into`) occur.
    package private(set) var uncoveredWords: [String: Int] = [:]
    /// How often gold mentions on text the pipeline kept were missed, by their words.
    package private(set) var missedWords: [String: Int] = [:]
    /// How often system triggers in annotated sentences were on no gold mention, by their words.
    package private(set) var spuriousWords: [String: Int] = [:]

    package init(covers: @escaping @Sendable (String) -> Bool) {
        self.covers = covers
    }

    /// Adds one document: `systemTriggers` holds, per trigger, the indices of the ECB+ tokens
    /// it overlaps (none if it lies on text the alignment did not place); `missingTokens` the
    /// tokens not found in the pipeline's text.
    @discardableResult
    package mutating func add(
        _ document: ECBPlusDocument, annotatedSentences: Set<Int>, systemTriggers: [[Int]], missingTokens: Set<Int> = []
    ) -> Counts {
        var counts = Counts()
        counts.documents = 1
        let hit = Set(systemTriggers.joined())
        var goldTokens = Set<Int>()
        for mention in document.actionMentions {
            goldTokens.formUnion(mention.tokens)
            let found = mention.tokens.contains { hit.contains($0) }
            let annotated = mention.tokens.contains { annotatedSentences.contains(document.tokens[$0].sentence) }
            let covered = mention.tokens.contains { covers(document.tokens[$0].text.lowercased()) }
            counts.gold += 1
            if mention.tokens.allSatisfy(missingTokens.contains) { counts.dropped += 1 }
            if found { counts.found += 1 }
            if annotated {
                counts.goldAnnotated += 1
                if found { counts.foundAnnotated += 1 }
            }
            if !found, !mention.tokens.allSatisfy(missingTokens.contains) { missedWords[document.words(of: mention), default: 0] += 1 }
            if covered {
                counts.covered += 1
                if found { counts.foundCovered += 1 }
            } else {
                uncoveredWords[document.words(of: mention), default: 0] += 1
            }
        }
        for trigger in systemTriggers {
            guard !trigger.isEmpty else {
                counts.unplaced += 1
                continue
            }
            guard trigger.contains(where: { annotatedSentences.contains(document.tokens[$0].sentence) }) else { continue }
            counts.system += 1
            if trigger.contains(where: goldTokens.contains) {
                counts.correct += 1
            } else {
                spuriousWords[trigger.map { document.tokens[$0].text.lowercased() }.joined(separator: " "), default: 0] += 1
            }
        }
        total += counts
        topics[document.topic, default: Counts()] += counts
        return counts
    }

    /// The `limit` most frequent uncovered gold words, most frequent first (ties alphabetical).
    package func mostFrequentUncovered(_ limit: Int) -> [(words: String, count: Int)] { Self.mostFrequent(uncoveredWords, limit) }

    /// The `limit` most frequent words of `counts`, most frequent first (ties alphabetical).
    static func mostFrequent(_ counts: [String: Int], _ limit: Int) -> [(words: String, count: Int)] {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(limit).map { ($0.key, $0.value) }
    }

    /// `count  words` lines for the `limit` most frequent words of `counts`.
    static func lines(_ counts: [String: Int], limit: Int) -> String {
        mostFrequent(counts, limit).map { String($0.count).leftPadded(to: 6) + "  " + $0.words }.joined(separator: "\n")
    }

    /// The totals, one measure per line.
    package func report() -> String {
        let t = total
        let rows: [(String, String)] = [
            ("documents", String(t.documents)),
            ("gold action mentions", String(t.gold)),
            ("  in annotated sentences", String(t.goldAnnotated)),
            ("  covered by the ontology", "\(t.covered) (\(Self.percent(t.covered, t.gold)))"),
            ("  on text the pipeline dropped", "\(t.dropped) (\(Self.percent(t.dropped, t.gold)))"),
            ("system triggers in annotated sentences", String(t.system)),
            ("  on a gold action mention", String(t.correct)),
            ("system triggers on no ECB+ token (unscored)", String(t.unplaced)),
            ("precision", Self.format(t.precision)),
            ("recall (all gold)", Self.format(t.recall)),
            ("recall (gold in annotated sentences)", Self.format(t.annotatedRecall)),
            ("recall (covered gold)", Self.format(t.coveredRecall)),
            ("F1 (all gold)", Self.format(t.f1)),
            ("F1 (covered gold)", Self.format(t.coveredF1)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padded(to: width) + "  " + $0.1 }.joined(separator: "\n")
    }

    /// One line per topic, in topic order, columns aligned.
    package func topicReport() -> String {
        let header = ["topic", "docs", "gold", "covered", "system", "correct", "P", "R", "R cov", "F1 cov"]
        let order = topics.keys.sorted { (Int($0) ?? .max, $0) < (Int($1) ?? .max, $1) }
        let lines = order.map { topic -> [String] in
            let c = topics[topic]!
            return [topic] + [c.documents, c.gold, c.covered, c.system, c.correct].map(String.init)
                + [c.precision, c.recall, c.coveredRecall, c.coveredF1].map(Self.format)
        }
        return ([header] + lines).map { $0.map { $0.leftPadded(to: 8) }.joined() }.joined(separator: "\n")
    }

    /// `count  words` lines for the most frequent uncovered gold words.
    package func uncoveredReport(limit: Int) -> String { Self.lines(uncoveredWords, limit: limit) }

    /// The `limit` gold words most often missed on text the pipeline kept, like `uncoveredReport`.
    package func missedReport(limit: Int) -> String { Self.lines(missedWords, limit: limit) }

    /// The `limit` words of system triggers most often on no gold mention, like `uncoveredReport`.
    package func spuriousReport(limit: Int) -> String { Self.lines(spuriousWords, limit: limit) }

    /// Four decimals, without Foundation's locale-dependent formatting.
    static func format(_ value: Double) -> String {
        let scaled = Int((value * 10000).rounded())
        let fraction = String(scaled % 10000)
        return "\(scaled / 10000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    /// `12.3%`.
    static func percent(_ part: Int, _ whole: Int) -> String {
        let tenths = Int((Counts.ratio(part, whole) * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

extension String {
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
