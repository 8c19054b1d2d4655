import ChronicleFoundation

/// English inflections of the trigger lexicon's lemmas: "meet" -> meets, met, meeting; "talk"
/// (noun) -> talks. Irregular verbs come from `Resources/events/irregular_verbs.tsv`; the rest
/// follow the spelling rules (agree -> agreed, swap -> swapped, apply -> applied).
struct Inflector: Sendable {
    private let irregular: [String: [String]]

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in try Inflector(reader: .pipeline) }
    static var shared: Inflector { bundled.required }

    init(reader: ResourceReader) throws(ResourceError) {
        self.init(rows: try reader.rows("events/irregular_verbs.tsv", columns: 5...5))
    }

    init(rows: [[String]]) {
        var irregular: [String: [String]] = [:]
        for columns in rows {
            irregular[columns[0]] = columns.flatMap { $0.split(separator: ",").map(String.init) }
        }
        self.irregular = irregular
    }

    /// Every form of a verb, the lemma first.
    func verbForms(_ lemma: String) -> [String] {
        if let forms = irregular[lemma] { return forms }
        let past = Self.past(lemma)
        return [lemma, Self.thirdPerson(lemma), past, Self.presentParticiple(lemma)]
    }

    /// A noun and its plural.
    func nounForms(_ lemma: String) -> [String] {
        if lemma.hasSuffix("s") && !lemma.hasSuffix("ss") { return [lemma] }  // "remains", "talks"
        return [lemma, Self.thirdPerson(lemma)]
    }

    static func thirdPerson(_ word: String) -> String {
        if ["s", "x", "z", "ch", "sh"].contains(where: word.hasSuffix) { return word + "es" }
        if endsInConsonantY(word) { return word.dropLast() + "ies" }
        return word + "s"
    }

    static func past(_ word: String) -> String {
        if word.hasSuffix("e") { return word + "d" }
        if endsInConsonantY(word) { return word.dropLast() + "ied" }
        if doublesFinalConsonant(word), let last = word.last { return word + [last] + "ed" }
        return word + "ed"
    }

    static func presentParticiple(_ word: String) -> String {
        if word.hasSuffix("ie") { return word.dropLast(2) + "ying" }
        if word.hasSuffix("e"), !word.hasSuffix("ee") { return word.dropLast() + "ing" }
        if doublesFinalConsonant(word), let last = word.last { return word + [last] + "ing" }
        return word + "ing"
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    private static func endsInConsonantY(_ word: String) -> Bool {
        guard word.hasSuffix("y"), word.count > 1 else { return false }
        return !vowels.contains(word[word.index(word.endIndex, offsetBy: -2)])
    }

    /// One-syllable consonant-vowel-consonant words double the consonant: swap -> swapped, ban ->
    /// banned. Longer ones are mostly stressed early (open -> opened, visit -> visited).
    private static func doublesFinalConsonant(_ word: String) -> Bool {
        let letters: [Character] = Array(word)
        guard letters.count >= 3, letters.count <= 4, let last = letters.last, !"wxy".contains(last) else { return false }
        let syllables = zip([" "] + letters, letters).filter { !vowels.contains($0.0) && vowels.contains($0.1) }.count
        guard syllables == 1 else { return false }
        let vowel = letters[letters.count - 2]
        let before = letters[letters.count - 3]
        return !vowels.contains(last) && vowels.contains(vowel) && !vowels.contains(before)
    }
}
