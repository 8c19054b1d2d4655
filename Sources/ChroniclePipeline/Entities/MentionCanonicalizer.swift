/// Gives every mention the canonical name of the entity it refers to within the article:
/// a later "Putin" joins "Vladimir Putin", "Zelenskyy" joins "Volodymyr Zelensky", "Turkey"
/// and "Türkiye" become the gazetteer's "Türkiye". Person clusters are named by their fullest,
/// then most frequent, form.
struct MentionCanonicalizer {
    let gazetteer: EntityGazetteer

    func canonicalize(_ mentions: inout [MentionTokens]) {
        var clusters: [[Int]] = []
        // Name keys once per mention: computing a key folds diacritics, which is not cheap.
        let keys = mentions.map { $0.mention.type == .person ? Self.nameWords($0.mention.text).map(NameMatcher.key) : [] }
        for index in mentions.indices {
            let mention = mentions[index].mention
            switch mention.type {
            case .person:
                let words = keys[index]
                // The most recent cluster compatible with every name in it: "Putin" after two
                // Putins is the nearer one, and "Anna Putin" joins neither "Vladimir Putin" nor
                // a "Putin" that stands for him.
                if let cluster = clusters.indices.last(where: { cluster in
                    clusters[cluster].allSatisfy { Self.compatible(keys[$0], words) }
                }) {
                    clusters[cluster].append(index)
                } else {
                    clusters.append([index])
                }
            case .nationality:
                mentions[index].mention.canonicalName = mention.affiliation ?? mention.text
            default:
                mentions[index].mention.canonicalName = canonicalPlaceName(mention.text) ?? Self.trimmed(mention.text)
            }
        }
        for cluster in clusters {
            let forms = cluster.map { Self.nameWords(mentions[$0].mention.text).joined(separator: " ") }
            var counts: [String: Int] = [:]
            for form in forms { counts[form, default: 0] += 1 }
            let canonical = forms.enumerated().max { lhs, rhs in
                let left = (lhs.element.split(separator: " ").count, counts[lhs.element]!, -lhs.offset)
                let right = (rhs.element.split(separator: " ").count, counts[rhs.element]!, -rhs.offset)
                return left < right
            }!.element
            for index in cluster { mentions[index].mention.canonicalName = canonical }
        }
    }

    /// The gazetteer's name for a country, capital or organisation; for a city or region only
    /// when the alias is a spelling of it ("Lugansk" -> Luhansk), not a translation that happens
    /// to be listed ("White House" is an old name of Casablanca).
    func canonicalPlaceName(_ text: String) -> String? {
        let alias = Self.trimmed(text)
        guard let entry = gazetteer.best(for: alias), entry.kind != .demonym else { return nil }
        switch entry.kind {
        case .country, .capital, .organization:
            return entry.canonical
        default:
            return NameMatcher.similarity(NameMatcher.key(alias), NameMatcher.key(entry.canonical)) >= 0.85 ? entry.canonical : nil
        }
    }

    /// Two person names can be the same person within one article: one is the surname of the
    /// other, or both are full names of one person (spelling variants allowed).
    /// On name-word keys (`NameMatcher.key`).
    static func compatible(_ lhs: [String], _ rhs: [String]) -> Bool {
        guard let lastA = lhs.last, let lastB = rhs.last else { return false }
        if lhs.count == 1 || rhs.count == 1 {
            return NameMatcher.sameWordKey(lastA, lastB)
        }
        return NameMatcher.samePersonKeys(lhs, rhs)
    }

    static func nameWords(_ text: String) -> [String] {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if let last = words.last, last.hasSuffix("'s") || last.hasSuffix("’s") { words[words.count - 1] = String(last.dropLast(2)) }
        return words
    }

    /// "the Kremlin" is "Kremlin"; possessives are not part of the name.
    static func trimmed(_ text: String) -> String {
        var words = nameWords(text)
        if words.count > 1, words.first?.lowercased() == "the" { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
