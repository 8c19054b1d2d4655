import ChronicleFoundation

/// English lemmas by part of speech, as spaCy's rule lemmatizer finds them, from the WordNet
/// tables in `Resources/language/` (built by `scripts/build_word_classes.py`): an irregular form
/// has its lemma listed ("sent" -> send); otherwise each suffix rule that fits gives a candidate
/// ("returned" -> return, returne), and the first candidate that is a known lemma wins.
package struct Lemmatizer: Sendable {
    package enum WordClass: String, Sendable, CaseIterable {
        case noun, verb, adj
    }

    private struct Rule: Sendable {
        let suffix: String
        let replacement: String
    }

    private let rules: [WordClass: [Rule]]
    private let exceptions: [WordClass: [String: String]]
    private let lemmas: [WordClass: Set<String>]

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in try Lemmatizer(reader: .pipeline) }

    package init(reader: ResourceReader) throws(ResourceError) {
        func wordClass(_ name: String, _ path: String, _ line: Int) throws(ResourceError) -> WordClass {
            guard let found = WordClass(rawValue: name) else {
                throw ResourceError(file: path, line: line, problem: "unknown word class \(name)")
            }
            return found
        }
        var rules: [WordClass: [Rule]] = [:]
        let rulesPath = "language/language_lemma_rules.tsv"
        for line in try reader.lines(rulesPath) {
            let columns = line.text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 3 else { throw ResourceError(file: rulesPath, line: line.number, problem: "expected 3 columns") }
            rules[try wordClass(columns[0], rulesPath, line.number), default: []].append(Rule(suffix: columns[1], replacement: columns[2]))
        }
        var exceptions: [WordClass: [String: String]] = [:]
        let exceptionsPath = "language/language_lemma_exceptions.tsv"
        for line in try reader.lines(exceptionsPath) {
            let columns = line.columns
            guard columns.count == 3 else { throw ResourceError(file: exceptionsPath, line: line.number, problem: "expected 3 columns") }
            exceptions[try wordClass(columns[0], exceptionsPath, line.number), default: [:]][columns[1]] = columns[2]
        }
        var lemmas: [WordClass: Set<String>] = [:]
        let indexPath = "language/language_lemma_index.tsv"
        for line in try reader.lines(indexPath) {
            let columns = line.columns
            guard columns.count == 2 else { throw ResourceError(file: indexPath, line: line.number, problem: "expected 2 columns") }
            lemmas[try wordClass(columns[0], indexPath, line.number), default: []].insert(columns[1])
        }
        self.rules = rules
        self.exceptions = exceptions
        self.lemmas = lemmas
    }

    /// The lemma of a word read as `wordClass`, in lower case.
    package func lemma(_ word: String, as wordClass: WordClass) -> String {
        let lower = word.lowercased()
        if let lemma = exceptions[wordClass]?[lower] { return lemma }
        let known = lemmas[wordClass] ?? []
        var candidates: [String] = []
        for rule in rules[wordClass] ?? [] where lower.hasSuffix(rule.suffix) && lower.count > rule.suffix.count {
            let candidate = String(lower.dropLast(rule.suffix.count)) + rule.replacement
            if known.contains(candidate) { return candidate }
            candidates.append(candidate)
        }
        // A word that is itself a lemma ("news", "series") stays as it is.
        if known.contains(lower) { return lower }
        return candidates.first ?? lower
    }
}
