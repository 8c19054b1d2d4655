import ChronicleFoundation
import Foundation

/// Name lists matched over token sequences, for gazetteer features. Entries are stored as hashes
/// of their normalised token sequences (see `TokenFeatures.key`), so the trained model can carry
/// the exact lists it was trained with and matching allocates nothing.
///
/// Matching is greedy longest-first from left to right and starts only at a capitalised token;
/// each matched token learns its categories and its place in the match (B, I, L or U).
package struct TaggerGazetteer: Sendable, Equatable {
    /// Set on an entry that matches only tokens written in capitals (`US` is not `us`).
    package static let capitalsOnly: UInt32 = 1 << 31

    /// Sequence hash -> category bits (and `capitalsOnly`).
    package private(set) var entries: [UInt64: UInt32] = [:]
    /// Hashes of the proper prefixes of multi-token entries, so a match attempt stops early.
    private(set) var prefixes: Set<UInt64> = []
    private(set) var longest = 0

    package struct Match: Equatable {
        var categories: UInt32 = 0
        var position: EntityTagSet.Position = .unit
    }

    package init() {}

    package init(entries: [UInt64: UInt32], prefixes: Set<UInt64>, longest: Int) {
        self.entries = entries
        self.prefixes = prefixes
        self.longest = longest
    }

    package var isEmpty: Bool { entries.isEmpty }

    @inline(__always)
    package static func extend(_ sequence: UInt64, _ token: UInt64) -> UInt64 {
        FeatureHash.mix(sequence ^ token) | 1
    }

    /// Adds a name written out as tokens.
    package mutating func add(tokens: [String], category: Int) {
        guard !tokens.isEmpty, tokens.count <= 12 else { return }
        var hash: UInt64 = 0
        for (index, token) in tokens.enumerated() {
            hash = Self.extend(hash, TokenFeatures(token).key)
            if index < tokens.count - 1 { prefixes.insert(hash) }
        }
        // Short all-capital aliases are acronyms: `US`, `UN`, `AP`.
        let letters = tokens.joined().filter(\.isLetter)
        let acronym = tokens.count == 1 && letters.count <= 4 && !letters.isEmpty && letters == letters.uppercased()
        let bits = (UInt32(1) << UInt32(category)) | (acronym ? Self.capitalsOnly : 0)
        if let existing = entries[hash] {
            // Capitals-only holds only if every alias with this key is an acronym.
            let capitalsOnly = existing & bits & Self.capitalsOnly
            entries[hash] = ((existing | bits) & ~Self.capitalsOnly) | capitalsOnly
        } else {
            entries[hash] = bits
        }
        longest = max(longest, tokens.count)
    }

    /// Tokens of an alias: split at spaces, commas and brackets standing apart.
    package static func aliasTokens(_ alias: some StringProtocol) -> [String] {
        var tokens: [String] = []
        for part in alias.split(whereSeparator: \.isWhitespace) {
            var word = Substring(part)
            var trailing: [String] = []
            while let last = word.last, ",()".contains(last), word.count > 1 {
                trailing.insert(String(last), at: 0)
                word = word.dropLast()
            }
            while let first = word.first, "(".contains(first), word.count > 1 {
                tokens.append(String(first))
                word = word.dropFirst()
            }
            tokens.append(String(word))
            tokens += trailing
        }
        return tokens
    }

    /// The matches of one sentence, one per token.
    package func matches(in tokens: ArraySlice<TokenFeatures>) -> [Match] {
        var result = [Match](repeating: Match(), count: tokens.count)
        guard longest > 0 else { return result }
        let base = tokens.startIndex
        var start = 0
        while start < tokens.count {
            let first = tokens[base + start]
            guard first.flags.contains(.initialCapital) || first.flags.contains(.allCapitals) else {
                start += 1
                continue
            }
            var hash: UInt64 = 0
            var bestLength = 0
            var bestCategories: UInt32 = 0
            var allCapitals = true
            for length in 1...min(longest, tokens.count - start) {
                let token = tokens[base + start + length - 1]
                hash = Self.extend(hash, token.key)
                if !token.flags.contains(.allCapitals) { allCapitals = false }
                if let categories = entries[hash], allCapitals || categories & Self.capitalsOnly == 0 {
                    bestLength = length
                    bestCategories = categories & ~Self.capitalsOnly
                }
                guard prefixes.contains(hash) else { break }
            }
            guard bestLength > 0 else {
                start += 1
                continue
            }
            for offset in 0..<bestLength {
                let position: EntityTagSet.Position =
                    bestLength == 1 ? .unit : offset == 0 ? .begin : offset == bestLength - 1 ? .last : .inside
                result[start + offset] = Match(categories: bestCategories, position: position)
            }
            start += bestLength
        }
        return result
    }
}

extension TaggerGazetteer {
    /// Categories of the external gazetteer (`Resources/gazetteer/*.tsv`).
    package enum Category: Int, CaseIterable {
        case country, capital, city, region, continent, demonym, organization, formerCountry
    }

    /// Reads the generated gazetteer tables (`gazetteer/gazetteer_*.tsv`) that `reader` holds.
    package static func external(reader: ResourceReader) throws(ResourceError) -> TaggerGazetteer {
        var gazetteer = TaggerGazetteer()
        for row in try reader.rows("gazetteer/gazetteer_places.tsv", columns: 5...5) {
            let kind: Category? =
                switch row[1] {
                case "country": .country
                case "capital": .capital
                case "city": .city
                case "region": .region
                case "continent": .continent
                case "former_country": .formerCountry
                default: nil
                }
            guard let kind else { continue }
            gazetteer.add(tokens: aliasTokens(row[0]), category: kind.rawValue)
        }
        for row in try reader.rows("gazetteer/gazetteer_demonyms.tsv", columns: 2...2) {
            gazetteer.add(tokens: aliasTokens(row[0]), category: Category.demonym.rawValue)
        }
        for row in try reader.rows("gazetteer/gazetteer_organizations.tsv", columns: 3...3) {
            gazetteer.add(tokens: aliasTokens(row[0]), category: Category.organization.rawValue)
        }
        return gazetteer
    }
}
