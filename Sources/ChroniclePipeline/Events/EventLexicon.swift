import ChronicleFoundation

/// The trigger words and phrases of each event type, from `Resources/events/event_triggers.tsv`,
/// expanded to their inflections. Matches the longest trigger at a token: "held talks", "phone
/// call", "sent tens of thousands of troops into" (a gap of up to four words).
package struct EventLexicon: Sendable {
    /// One element of a trigger pattern: a set of word forms, or a gap.
    enum Element: Sendable {
        case word(Set<String>)
        case gap
    }

    struct Pattern: Sendable {
        let type: String
        let elements: [Element]
        /// Words of which one must be near the trigger ("exchange" needs "prisoners").
        let context: Set<String>
        /// Position in the resource: earlier wins a tie.
        let order: Int
        /// A nominal trigger ("the talks", "prisoner exchange"), not a verbal one ("met", "held talks").
        let isNoun: Bool
    }

    /// A trigger found in a sentence: its type and the tokens it covers.
    struct Match: Sendable, Equatable {
        let type: String
        let tokens: ClosedRange<Int>
        let isNoun: Bool
    }

    static let maxGap = 4
    static let contextWindow = 5

    private let patternsByFirstWord: [String: [Pattern]]
    private let coveredWords: Set<String>
    /// Verbs of saying are STATEMENT triggers of their own (`StatementFinder`).
    private let reportingVerbs: WordSet

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in try EventLexicon(reader: .pipeline) }
    package static var shared: EventLexicon { bundled.required }

    init(reader: ResourceReader) throws(ResourceError) {
        self.init(
            rows: try reader.rows("events/event_triggers.tsv", columns: 2...3), inflector: try Inflector.bundled.get(),
            reportingVerbs: try ReportingVerbs.bundled.get())
    }

    init(rows: [[String]], inflector: Inflector, reportingVerbs: WordSet) {
        var byFirst: [String: [Pattern]] = [:]
        var covered: Set<String> = []
        for (order, columns) in rows.enumerated() where columns.count >= 2 {
            let elements: [Element] = columns[1].split(separator: " ").map { part in
                if part == "*" { return .gap }
                let text = String(part)
                if text.hasPrefix("v:") { return .word(Set(inflector.verbForms(String(text.dropFirst(2))))) }
                if text.hasPrefix("n:") { return .word(Set(inflector.nounForms(String(text.dropFirst(2))))) }
                return .word([text])
            }
            // A word the ontology covers is one that is a trigger by itself ("met", "invasion"), not
            // a part of a phrase ("round" of "round of talks").
            if elements.count == 1, case let .word(forms) = elements[0] { covered.formUnion(forms) }
            let context = columns.count > 2 && !columns[2].isEmpty ? Set(columns[2].split(separator: ",").map(String.init)) : []
            let isNoun = !columns[1].split(separator: " ").contains { $0.hasPrefix("v:") }
            let pattern = Pattern(type: columns[0], elements: elements, context: context, order: order, isNoun: isNoun)
            guard case let .word(firstForms)? = elements.first else { continue }
            for form in firstForms { byFirst[form, default: []].append(pattern) }
        }
        patternsByFirstWord = byFirst
        coveredWords = covered
        self.reportingVerbs = reportingVerbs
    }

    /// Whether a word (any inflection) is a trigger of some type on its own: "met", "talks",
    /// "invasion", or a verb of saying (STATEMENT).
    package func covers(word: String) -> Bool {
        let word = word.lowercased()
        return coveredWords.contains(word) || reportingVerbs.contains(word)
    }

    /// The longest trigger starting at `start` among lower-cased `words`, or nil.
    /// `knownTypes`: types the article already has events of; a word that needs context ("the
    /// swap") needs none once its type has been established ("prisoner swap" before).
    func match(at start: Int, in words: [String], knownTypes: Set<String> = []) -> Match? {
        guard let patterns = patternsByFirstWord[words[start]] else { return nil }
        // After a determiner or a possessive a word is a noun: "the request", "Ukraine's request".
        let previous = start > 0 ? words[start - 1] : ""
        let wantsNoun = Self.nounMarkers.contains(previous)
        var best: (match: Match, order: Int)?
        for pattern in patterns {
            guard let end = Self.end(of: pattern.elements, at: start, in: words),
                knownTypes.contains(pattern.type) || hasContext(pattern, around: start...end, in: words)
            else { continue }
            if let current = best {
                let currentEnd = current.match.tokens.upperBound
                if currentEnd > end { continue }
                if currentEnd == end {
                    let preferCurrent = current.match.isNoun == pattern.isNoun ? current.order < pattern.order : current.match.isNoun == wantsNoun
                    if preferCurrent { continue }
                }
            }
            best = (Match(type: pattern.type, tokens: start...end, isNoun: pattern.isNoun), pattern.order)
        }
        return best?.match
    }

    static let nounMarkers: Set<String> = ["the", "a", "an", "'s", "’s", "his", "her", "its", "their", "our", "this", "that", "any", "no", "of", "first", "new", "second", "last"]

    /// The index of the last token the elements match from `start`, or nil.
    private static func end(of elements: [Element], at start: Int, in words: [String]) -> Int? {
        var position = start
        var index = 0
        var gapAllowed = false
        while index < elements.count {
            switch elements[index] {
            case .gap:
                gapAllowed = true
                index += 1
            case let .word(forms):
                let limit = gapAllowed ? min(words.count - 1, position + maxGap) : position
                var found: Int?
                var candidate = position
                while candidate <= limit, candidate < words.count {
                    if forms.contains(words[candidate]) { found = candidate; break }
                    // A gap does not cross a clause: "talks, and then agreed"
                    if gapAllowed, [".", ";", ":", "?", "!"].contains(words[candidate]) { break }
                    candidate += 1
                }
                guard let found else { return nil }
                position = found + 1
                gapAllowed = false
                index += 1
            }
        }
        return position - 1
    }

    private func hasContext(_ pattern: Pattern, around tokens: ClosedRange<Int>, in words: [String]) -> Bool {
        guard !pattern.context.isEmpty else { return true }
        let lower = max(0, tokens.lowerBound - Self.contextWindow)
        let upper = min(words.count - 1, tokens.upperBound + Self.contextWindow)
        guard lower <= upper else { return false }
        return (lower...upper).contains { !tokens.contains($0) && pattern.context.contains(words[$0]) }
    }
}
