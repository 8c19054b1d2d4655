/// Finds the numbers a sentence reports and what they count: "1,000 people", "909 soldiers",
/// "34 bodies", "a 30-day ceasefire" (30, day, ceasefire), "1,000-for-1,000" (1000), "$5 million",
/// "12 percent". Dates and durations are timexes, not quantities.
struct QuantityFinder: Sendable {
    let lexicon: TimeLexicon

    static let scales: [String: Double] = ["hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000]
    static let units: Set<String> = ["percent", "per", "%", "km", "kilometers", "kilometres", "miles", "tons", "tonnes", "magnitude", "dollars", "euros", "yuan", "rubles", "hryvnias"]
    static let notCounted: Set<String> = ["of", "from", "to", "in", "on", "at", "and", "or", "the", "a", "each", "for", "by", "with", ",", ".", ";", ":", "than", "who", "which", "that"]

    /// Quantities in the sentence with the word position each starts at.
    func quantities(in frame: SentenceFrame, document: ArticleDocument) -> [(position: Int, quantity: Quantity)] {
        var found: [(Int, Quantity)] = []
        var position = 0
        while position < frame.count {
            defer { position += 1 }
            guard frame.entityAt[position] == nil else { continue }
            let word = frame.words[position]
            var end = position
            guard word != "a", word != "an", let (parsed, hyphenUnit) = Self.parse(word, lexicon: lexicon) else { continue }
            // A number in words counts something only before a plural or a scale: "two sides" does,
            // "one of them" does not.
            if word.first?.isLetter == true, hyphenUnit == nil {
                let next = frame.word(position + 1) ?? ""
                guard Self.scales[next] != nil || (next.hasSuffix("s") && next.count > 3) else { continue }
            }
            // A measure like "30-day" is also a duration timex; a bare number inside one is not a count.
            guard frame.timexAt[position] == nil || hyphenUnit != nil else { continue }
            var number = parsed
            var unit = hyphenUnit
            // "1.5 million", "three thousand"
            while let next = frame.word(end + 1), let scale = Self.scales[next] {
                number *= scale
                end += 1
            }
            // Years are dates, not counts.
            if unit == nil, number >= 1800, number <= 2100, !word.contains(","), word.count == 4 { continue }
            var start = position
            if position > 0, frame.words[position - 1] == "$" {
                unit = "USD"
                start = position - 1
            }
            if let next = frame.word(end + 1), Self.units.contains(next), unit == nil {
                unit = next == "%" ? "percent" : next
                end += 1
            }
            var counted: String?
            if let next = frame.word(end + 1), !Self.notCounted.contains(next), next.first?.isLetter == true,
                frame.timexAt[end + 1] == nil || frame.timexAt[end + 1] == frame.timexAt[position]
            {
                counted = next
                end += 1
            }
            let span = TextSpan(start: document.tokens[frame.tokens.lowerBound + start].span.start, end: document.tokens[frame.tokens.lowerBound + end].span.end)
            found.append((start, Quantity(value: number, unit: unit, counted: counted, span: span)))
            position = end
        }
        return found
    }

    /// A number written in digits ("1,000", "3.5"), in words ("three"), as "N-for-N", or as a
    /// hyphenated measure ("30-day": 30, day).
    static func parse(_ word: String, lexicon: TimeLexicon) -> (Double, String?)? {
        if let value = number(word, lexicon: lexicon) { return (value, nil) }
        // Most words have no hyphen: no parts to split them into (this runs at every word).
        guard word.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3, parts[1] == "for", let value = number(parts[0], lexicon: lexicon) { return (value, nil) }
        if parts.count == 2, let value = number(parts[0], lexicon: lexicon), let unit = lexicon.value(parts[1], .unit) {
            return (value, unitName(unit, word: parts[1]))
        }
        return nil
    }

    static func number(_ word: String, lexicon: TimeLexicon) -> Double? {
        if let first = word.unicodeScalars.first, ("0"..."9").contains(first) {
            let digits = word.filter { $0 != "," }
            guard digits.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(digits) else { return nil }
            return value
        }
        if let scale = scales[word] { return scale }
        return lexicon.int(word, .number).map(Double.init)
    }

    /// "day" for D, "hour" for H...: the unit as a word, for people reading the JSON.
    private static func unitName(_ code: String, word: String) -> String {
        switch code {
        case "Y": "year"
        case "M": "month"
        case "W": "week"
        case "D": "day"
        case "H": "hour"
        case "MIN", "TM": "minute"
        default: word.hasSuffix("s") ? String(word.dropLast()) : word
        }
    }
}
