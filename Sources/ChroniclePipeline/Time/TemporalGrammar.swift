import Foundation

/// Finds temporal phrases in tokens, longest first, and says what each means. Spans follow
/// TimeML: a leading preposition is left out ("on [Friday]"), a determiner, modifier or
/// direction word is kept ("[the past two months]", "[more than three years]", "[a year ago]").
/// The rules name the roles of the words they are written with (`Role`); which English words
/// play them is `Resources/time/time_grammar.tsv`.
struct TemporalGrammar {
    let lexicon: TimeLexicon
    let words: WordRoles<Role>
    let tokens: [TimeToken]
    /// Years written as "last year" after a month come out as this base plus the offset; the
    /// resolver puts the article's year in its place.
    static let relativeYearBase = 10_000

    func phrases() -> [TemporalPhrase] {
        var result: [TemporalPhrase] = []
        var index = 0
        while index < tokens.count {
            if mayStartPhrase(index), let phrase = phrase(at: index) {
                result.append(phrase)
                index = phrase.end
                if let end = rangeEnd(after: phrase) {
                    result.append(end)
                    index = end.end
                }
            } else {
                index += 1
            }
        }
        return result
    }

    /// "from May 11 to 16", "May 11-16": the bare day that ends a range is a date of the same month.
    private func rangeEnd(after phrase: TemporalPhrase) -> TemporalPhrase? {
        guard case let .date(rangeYear, rangeMonth?, _?) = phrase.meaning, let link = word(phrase.end),
            words.has(link, .rangeLink), let day = dayNumber(phrase.end + 1),
            sameSentence(phrase.start, phrase.end + 1), tokens[phrase.end + 1].isDigits || tokens[phrase.end + 1].lower.count > 2,
            month(phrase.end + 2) == nil, unit(phrase.end + 2) == nil
        else { return nil }
        return TemporalPhrase(start: phrase.end + 1, end: phrase.end + 2, meaning: .date(year: rangeYear, month: rangeMonth, day: day))
    }

    // MARK: Token helpers

    /// A cheap test before trying every rule: most words cannot start a temporal phrase.
    private func mayStartPhrase(_ index: Int) -> Bool {
        let token = tokens[index]
        let lower = token.lower
        if words.has(lower, .opener) || lexicon.isKnown(lower) { return true }
        if let first = lower.unicodeScalars.first, first.isASCII ? ("0"..."9").contains(first) : first.properties.numericType != nil { return true }
        let fiscalYear = prefix(.fiscalYearPrefix, of: lower) != nil
        if lower.utf8.contains(UInt8(ascii: "-")) { return lower.split(separator: "-").contains { lexicon.isKnown(String($0)) } || fiscalYear }
        if fiscalYear || prefix(.quarterPrefix, of: lower).map({ lower.count == $0.count + 1 }) == true { return true }
        // "Thanksgiving", "Christmas Eve", "New Year's Day", "Election Day"
        return token.isCapitalized && lexicon.startsHoliday(lower)
    }

    private func word(_ index: Int) -> String? { index >= 0 && index < tokens.count ? tokens[index].lower : nil }

    /// Whether the token at `index` plays `role` (false past either end).
    private func word(_ index: Int, is role: Role) -> Bool { word(index).map { words.has($0, role) } ?? false }

    /// The phrase of `role` that starts at `index`: the index after it, and its value.
    private func phrase(_ role: Role, at index: Int) -> (end: Int, value: String)? {
        words.phrase(role, at: index, word: word)
    }

    /// The entry of a role of prefixes that `text` starts with ("fy" of "fy2024").
    private func prefix(_ role: Role, of text: String) -> String? { words.entries(role).first { text.hasPrefix($0) } }

    /// Whether the token at `index` is the singular word of a unit: "year" for `Y`, "quarter" for `Q`.
    private func isSingular(_ index: Int, unit: String) -> Bool { word(index).map { isSingular($0, unit: unit) } ?? false }

    private func isSingular(_ text: String, unit: String) -> Bool { lexicon.value(text, .unit) == unit && !isPlural(text) }

    /// "quarter", or a word that stands for one ("period").
    private func namesQuarter(_ index: Int) -> Bool { isSingular(index, unit: "Q") || word(index, is: .period) }

    /// A word after an amount that shifts it into a date: "ago", "earlier", "later".
    private func isShift(_ index: Int) -> Bool { word(index, is: .shiftFromNow) || word(index, is: .shiftFromLast) }

    private func sameSentence(_ a: Int, _ b: Int) -> Bool {
        a < tokens.count && b < tokens.count && tokens[a].sentence == tokens[b].sentence
    }

    /// The token at `index` if it is in the sentence of `from`.
    private func next(_ index: Int, after from: Int) -> String? { sameSentence(from, index) ? tokens[index].lower : nil }

    private func month(_ index: Int) -> Int? {
        guard index < tokens.count, let value = lexicon.int(tokens[index].lower, .month) else { return nil }
        // "may" is mostly the verb: only a capitalised May, and not "May I".
        if words.has(tokens[index].lower, .verbMonth) && !tokens[index].isCapitalized { return nil }
        return value
    }

    private func weekday(_ index: Int) -> Int? {
        guard index < tokens.count, tokens[index].isCapitalized || tokens[index].text.allSatisfy(\.isLowercase) else { return nil }
        // Short forms ("Sun.", "Wed.") only capitalised.
        if tokens[index].lower.hasSuffix("."), !tokens[index].isCapitalized { return nil }
        return lexicon.int(tokens[index].lower, .weekday)
    }

    private func dayNumber(_ index: Int) -> Int? {
        guard index < tokens.count else { return nil }
        var text = tokens[index].lower
        for suffix in words.entries(.ordinalSuffix) where text.hasSuffix(suffix) && text.count > suffix.count { text.removeLast(suffix.count) }
        guard let value = Int(text), text.allSatisfy(\.isNumber), (1...31).contains(value) else { return nil }
        return value
    }

    /// A four-digit year: 1900-2199 anywhere, earlier ones only after "in", "since" and the like
    /// ("in 1812", not "1000 for 1000").
    private func year(_ index: Int) -> Int? {
        guard index < tokens.count, tokens[index].isDigits, tokens[index].text.count == 4, let value = tokens[index].integer,
            (1000...2199).contains(value)
        else { return nil }
        if value < 1900 {
            guard index > 0, words.has(tokens[index - 1].lower, .earlyYearCue) else {
                return nil
            }
        }
        return value
    }

    /// A number written in digits ("3", "2.5", "1,500") or words ("three", "twenty-four", "a").
    private func number(_ index: Int) -> (value: Double?, end: Int)? {
        guard index < tokens.count else { return nil }
        let text = tokens[index].lower
        if text.first?.isNumber == true, let value = Double(text.contains(",") ? text.replacingOccurrences(of: ",", with: "") : text) {
            return (value, index + 1)
        }
        if let value = wordNumber(text) {
            // "twenty four", "two and a half"
            if let unitsWord = word(index + 1), value.map({ $0 >= 20 && $0.truncatingRemainder(dividingBy: 10) == 0 }) == true,
                let units = lexicon.value(unitsWord, .number).flatMap(Double.init), units < 10, units >= 1
            {
                return (value! + units, index + 2)
            }
            if let half = phrase(.plusHalf, at: index + 1), let value {
                return (value + 0.5, half.end)
            }
            return (value, index + 1)
        }
        return nil
    }

    /// "three" -> 3, "twenty-four" -> 24, "several" -> nil (unknown amount); nil if no number.
    private func wordNumber(_ text: String) -> Double?? {
        if let value = lexicon.value(text, .number) { return .some(value == "X" ? nil : Double(value)) }
        let parts = text.split(separator: "-")
        if parts.count == 2, let tens = lexicon.value(String(parts[0]), .number).flatMap(Double.init),
            let units = lexicon.value(String(parts[1]), .number).flatMap(Double.init), tens >= 20, units < 10
        {
            return .some(tens + units)
        }
        return nil
    }

    private func unit(_ index: Int) -> String? {
        guard index < tokens.count else { return nil }
        if lexicon.has(tokens[index].lower, .ordinal) {
            // "the second quarter", "a second round", "the 1988 second quarter" are ordinals.
            guard let previous = word(index - 1), words.has(previous, .singleUnit) || previous.first?.isNumber == true,
                previous.count < 4, !word(index + 1, is: .ordinalNoun)
            else { return nil }
        }
        return lexicon.value(tokens[index].lower, .unit)
    }

    private func isPlural(_ index: Int) -> Bool { isPlural(tokens[index].lower) }

    private func isPlural(_ text: String) -> Bool { text.hasSuffix("s") || words.has(text, .irregularPlural) }

    // MARK: Phrases

    private func phrase(at start: Int) -> TemporalPhrase? {
        var best: TemporalPhrase?
        func consider(_ candidate: TemporalPhrase?) {
            guard let candidate, candidate.end > candidate.start else { return }
            if best == nil || candidate.end > best!.end { best = candidate }
        }
        consider(modified(at: start))
        consider(core(at: start))
        return best
    }

    /// A core phrase with modifiers before it: "the", "early", "the end of", "more than", "mid-".
    private func modified(at start: Int) -> TemporalPhrase? {
        guard let first = word(start) else { return nil }
        let definite = words.has(first, .definite)
        // "the end of the year", "the beginning of the month": the article's own
        if definite, let position = word(start + 1).flatMap({ lexicon.value($0, .position) }), word(start + 2, is: .of),
            word(start + 3, is: .definite), let unit = unit(start + 4), ["Y", "M", "W", "Q"].contains(unit), !isPlural(start + 4)
        {
            return TemporalPhrase(start: start, end: start + 5, meaning: .unitOffset(unit: unit, offset: 0), mod: position)
        }
        // "the end of 2024", "the beginning of May", "the middle of next week"
        if definite, let position = word(start + 1).flatMap({ lexicon.value($0, .position) }), word(start + 2, is: .of),
            var inner = core(at: start + 3), isPoint(inner.meaning)
        {
            inner.start = start
            inner.mod = position
            return inner
        }
        // "the early 1980s", "the late 1970s": the decade named with its article
        if definite, let position = word(start + 1).flatMap({ lexicon.value($0, .position) }),
            word(start + 1, is: .periodPosition), let decade = decade(at: start + 2)
        {
            return TemporalPhrase(start: start, end: start + 3, meaning: .decade(decade, bare: false), mod: position)
        }
        // "the first half of 1989", "the second half", "the last half of 1989"
        if definite, let half = word(start + 1).flatMap({ words.int($0, .yearHalf) }), word(start + 2, is: .half),
            word(start + 3, is: .of), let value = year(start + 4)
        {
            return TemporalPhrase(start: start, end: start + 5, meaning: .half(half, year: value))
        }
        // "early 2025", "late last year", "earlier this month", "mid-May"; not "[earlier] Friday"
        if let position = lexicon.value(first, .position), words.has(first, .pointPosition),
            var inner = core(at: start + 1), isPoint(inner.meaning), !isDay(inner.meaning) || words.has(first, .dayPosition),
            !isAnaphoric(inner.meaning)
        {
            inner.start = start
            inner.mod = position
            return inner
        }
        // "the mid-1990s"
        if definite, let next = word(start + 1), let (position, rest) = hyphenated(next), words.has(position, .midDecade),
            rest.hasSuffix("0s"), rest.count == 5, let value = Int(rest.dropLast())
        {
            return TemporalPhrase(start: start, end: start + 2, meaning: .decade(value / 10, bare: false), mod: lexicon.value(position, .position))
        }
        if let (position, rest) = hyphenated(first), words.has(position, .periodPosition) {
            if let month = lexicon.int(rest, .month) {
                return TemporalPhrase(start: start, end: start + 1, meaning: .date(year: year(start + 1), month: month, day: nil), mod: lexicon.value(position, .position))
                    .extendedByYear(self)
            }
            if let value = Int(rest), rest.count == 4 {
                return TemporalPhrase(start: start, end: start + 1, meaning: .date(year: value, month: nil, day: nil), mod: lexicon.value(position, .position))
            }
        }
        // "more than three years", "at least 72 hours"; "about a week" is "[a week]" with mod
        // APPROX, as TimeBank marks it; "over the past year" has no "more than" in it.
        for length in [2, 1] {
            let modifier = (0..<length).compactMap { word(start + $0) }
            guard modifier.count == length, let mod = lexicon.value(modifier.joined(separator: " "), .mod), !word(start + length, is: .definite),
                var inner = core(at: start + length)
            else { continue }
            switch inner.meaning {
            case .duration, .shifted:
                if mod != "APPROX" { inner.start = start }
                inner.mod = mod
                return inner
            default: continue
            }
        }
        return nil
    }

    /// "mid-May" -> ("mid", "may"): the word before the first hyphen and the rest, when both are there.
    private func hyphenated(_ text: String) -> (String, String)? {
        guard let hyphen = text.firstIndex(of: "-") else { return nil }
        let first = String(text[..<hyphen])
        let rest = String(text[text.index(after: hyphen)...])
        return first.isEmpty || rest.isEmpty ? nil : (first, rest)
    }

    /// "later that year" is after the last event, not the end of the year.
    private func isAnaphoric(_ meaning: TemporalMeaning) -> Bool {
        if case .sameAsLast = meaning { return true }
        return false
    }

    private func isDay(_ meaning: TemporalMeaning) -> Bool {
        switch meaning {
        case .weekday, .dayOffset: true
        default: false
        }
    }

    private func isPoint(_ meaning: TemporalMeaning) -> Bool {
        switch meaning {
        case .duration, .set, .reference, .shifted: false
        default: true
        }
    }

    private func core(at start: Int) -> TemporalPhrase? {
        var best: TemporalPhrase?
        // One rule after another, not an array of their results: this runs at every "the".
        func consider(_ candidate: TemporalPhrase?) {
            guard let candidate else { return }
            if best == nil || candidate.end > best!.end { best = candidate }
        }
        consider(calendarDate(at: start))
        consider(relative(at: start))
        consider(quantity(at: start))
        consider(clockTime(at: start))
        consider(quarter(at: start))
        consider(recurring(at: start))
        guard var found = best else { return nil }
        // "Friday morning", "yesterday afternoon"
        if let part = word(found.end).flatMap({ lexicon.value($0, .partofday) }), sameSentence(found.start, found.end) {
            switch found.meaning {
            case .weekday, .dayOffset, .date(_, _, .some):
                found = TemporalPhrase(start: found.start, end: found.end + 1, meaning: .partOfDay(part, day: found.meaning), mod: found.mod)
            default: break
            }
        }
        return found
    }

    /// "May 16, 2025", "16 May 2025", "Friday, May 16", "May 2025", "May", "2025", "2025-05-16",
    /// "16.05.2025", "05/16/2025", "the 1990s", "fiscal 2024".
    private func calendarDate(at start: Int) -> TemporalPhrase? {
        guard start < tokens.count else { return nil }
        let text = tokens[start].lower
        var index = start
        // "Friday, May 16"
        if let _ = weekday(start) {
            var after = start + 1
            if word(after) == "," { after += 1 }
            if let date = monthDay(at: after), sameSentence(start, after) {
                return TemporalPhrase(start: start, end: date.end, meaning: date.meaning)
            }
        }
        if let date = monthDay(at: start) { return date }
        // "nineteen ninety-six", "the year two thousand"
        if let spoken = spokenYear(at: start) { return spoken }
        // "Thanksgiving", "Christmas Eve", "Election Day", "last Thanksgiving"
        for length in [3, 2, 1] where start + length <= tokens.count && tokens[start].isCapitalized && (lexicon.startsHoliday(text) || lexicon.isKnown(text)) {
            let name = (0..<length).map { tokens[start + $0].lower }.joined(separator: " ").replacingOccurrences(of: " 's", with: "'s")
            if let rule = lexicon.value(name, .holiday) {
                var end = start + length
                var yearValue: Int?
                if let (value, after) = yearAfter(end) {
                    yearValue = value
                    end = after
                }
                return TemporalPhrase(start: start, end: end, meaning: .holiday(rule, year: yearValue))
            }
        }
        if let date = numericDate(text) { return TemporalPhrase(start: start, end: start + 1, meaning: date) }
        if words.has(text, .fiscal), let value = year(start + 1) {
            return TemporalPhrase(start: start, end: start + 2, meaning: .fiscalYear(value))
        }
        if let prefix = prefix(.fiscalYearPrefix, of: text), let value = Int(text.dropFirst(prefix.count)), text.count == prefix.count + 4 {
            return TemporalPhrase(start: start, end: start + 1, meaning: .fiscalYear(value))
        }
        // "the 1990s", "1990s", "the '90s"
        let definite = words.has(text, .definite)
        var decadeStart = start
        if definite { decadeStart += 1 }
        if let decade = decade(at: decadeStart) {
            return TemporalPhrase(start: start, end: decadeStart + 1, meaning: .decade(decade, bare: decadeStart == start))
        }
        if ["'", "’"].contains(word(decadeStart) ?? ""), let two = word(decadeStart + 1), two.count == 3, two.hasSuffix("0s"),
            let value = Int(two.dropLast())
        {
            return TemporalPhrase(start: start, end: decadeStart + 2, meaning: .decade(190 + value / 10, bare: false))
        }
        // "the 20th century", "the nineteenth century"
        if definite, let ordinal = ordinal(at: start + 1), isSingular(start + 2, unit: "CE") {
            return TemporalPhrase(start: start, end: start + 3, meaning: .century(ordinal - 1))
        }
        if let value = year(start) {
            index = start + 1
            return TemporalPhrase(start: start, end: index, meaning: .date(year: value, month: nil, day: nil))
        }
        return nil
    }

    /// "nineteen ninety-six", "twenty twenty-five", "the year two thousand".
    private func spokenYear(at start: Int) -> TemporalPhrase? {
        if let spoken = phrase(.spokenYear, at: start), let value = Int(spoken.value) {
            return TemporalPhrase(start: start, end: spoken.end, meaning: .date(year: value, month: nil, day: nil))
        }
        guard let century = word(start).flatMap({ words.int($0, .spokenCentury) }), let rest = word(start + 1),
            sameSentence(start, start + 1), let value = wordNumber(rest) ?? nil, value >= 10, value < 100
        else { return nil }
        return TemporalPhrase(start: start, end: start + 2, meaning: .date(year: century * 100 + Int(value), month: nil, day: nil))
    }

    private func ordinal(at index: Int) -> Int? {
        guard let text = word(index) else { return nil }
        if let value = lexicon.int(text, .ordinal) { return value }
        for suffix in words.entries(.ordinalSuffix) where text.hasSuffix(suffix) {
            return Int(text.dropLast(suffix.count))
        }
        return nil
    }

    private func decade(at index: Int) -> Int? {
        guard let text = word(index), text.hasSuffix("s") else { return nil }
        let digits = text.dropLast().filter(\.isNumber)
        if text.count == 5, digits.count == 4, digits.hasSuffix("0"), let value = Int(digits) { return value / 10 }
        if (text.hasPrefix("'") || text.hasPrefix("’")), digits.count == 2, digits.hasSuffix("0"), let value = Int(digits) {
            return 190 + value / 10
        }
        return nil
    }

    /// "May 16[,] [2025]", "16 May[,] [2025]", "May[,] 2025", "May".
    private func monthDay(at start: Int) -> TemporalPhrase? {
        if let month = month(start) {
            // "May 16", "May 16th", "May 16, 2025"
            if sameSentence(start, start + 1), let day = dayNumber(start + 1), year(start + 1) == nil {
                var end = start + 2
                var yearValue: Int?
                if let (value, after) = yearAfter(end), !word(end, is: .of) {
                    yearValue = value
                    end = after
                }
                return TemporalPhrase(start: start, end: end, meaning: .date(year: yearValue, month: month, day: day))
            }
            // A capitalised month name alone is a month; a lower-case "march" or "may" is a verb, and
            // a short form without its stop ("Jan", "Dec") a name unless a day or year follows.
            guard tokens[start].isCapitalized else { return nil }
            if tokens[start].lower.count <= 4, !tokens[start].lower.hasSuffix("."), !words.has(tokens[start].lower, .shortMonthName),
                yearAfter(start + 1) == nil
            {
                return nil
            }
            return TemporalPhrase(start: start, end: start + 1, meaning: .date(year: nil, month: month, day: nil)).extendedByYear(self)
        }
        // "16 May 2025", "16 May, 2025", "16th of May"
        if let day = dayNumber(start) {
            var monthIndex = start + 1
            if word(monthIndex, is: .of) { monthIndex += 1 }
            guard let month = month(monthIndex), sameSentence(start, monthIndex) else { return nil }
            var end = monthIndex + 1
            var yearValue: Int?
            if word(end) == ",", let value = year(end + 1) {
                yearValue = value
                end += 2
            } else if let value = year(end) {
                yearValue = value
                end += 1
            }
            return TemporalPhrase(start: start, end: end, meaning: .date(year: yearValue, month: month, day: day))
        }
        return nil
    }

    fileprivate func yearAfter(_ end: Int) -> (year: Int, end: Int)? {
        if word(end) == ",", let value = year(end + 1) { return (value, end + 2) }
        // "June last year", "January this year": relative to the article's year, kept as an offset
        if let relative = word(end).flatMap({ lexicon.int($0, .relative) }), word(end, is: .yearRelative),
            isSingular(end + 1, unit: "Y"), sameSentence(end, end + 1)
        {
            return (TemporalGrammar.relativeYearBase + relative, end + 2)
        }
        if word(end, is: .of), let value = year(end + 1) { return (value, end + 2) }
        if let value = year(end) { return (value, end + 1) }
        // "January nineteen ninety-seven"
        if let spoken = spokenYear(at: end), case let .date(value?, nil, nil) = spoken.meaning { return (value, spoken.end) }
        return nil
    }

    /// `2025-05-16`, `16.05.2025`, `05/16/2025` (day first when the first number is above 12).
    private func numericDate(_ text: String) -> TemporalMeaning? {
        for separator in ["-", ".", "/"] {
            let parts = text.split(separator: Character(separator), omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { continue }
            let pieces = text.split(separator: Character(separator)).map(\.count)
            if pieces[0] == 4, (1...12).contains(b), (1...31).contains(c) { return .date(year: a, month: b, day: c) }
            guard pieces[2] == 4 || (pieces[2] == 2 && separator == "/") else { continue }
            let year = pieces[2] == 4 ? c : (c < 50 ? 2000 + c : 1900 + c)
            if separator == "/" {
                if (1...12).contains(a), (1...31).contains(b) { return .date(year: year, month: a, day: b) }
                if (1...12).contains(b), (1...31).contains(a) { return .date(year: year, month: b, day: a) }
            } else if (1...12).contains(b), (1...31).contains(a) {
                return .date(year: year, month: b, day: a)
            }
        }
        return nil
    }

    /// "today", "yesterday", "tonight", "last week", "this year", "next Friday", "the past",
    /// "the coming days", "recently", "last summer", "the weekend", "Friday".
    private func relative(at start: Int) -> TemporalPhrase? {
        guard let first = word(start) else { return nil }
        if let offset = words.int(first, .day) {
            return TemporalPhrase(start: start, end: start + 1, meaning: .dayOffset(offset))
        }
        // "tonight", "overnight", "last night"
        if let night = phrase(.night, at: start), let offset = Int(night.value) {
            return TemporalPhrase(start: start, end: night.end, meaning: .partOfDay("NI", day: .dayOffset(offset)))
        }
        let definite = words.has(first, .definite)
        // "that day", "that same year", "the same day", "earlier that day": the last date told of
        var anaphor = start
        if words.has(first, .shiftFromLast) { anaphor += 1 }
        if word(anaphor, is: .anaphoric) || (word(anaphor, is: .definite) && word(anaphor + 1, is: .same)) {
            var unitIndex = anaphor + 1
            if word(unitIndex, is: .same) { unitIndex += 1 }
            if let unit = unit(unitIndex), !isPlural(unitIndex), ["D", "W", "M", "Y", "Q"].contains(unit) {
                return TemporalPhrase(start: start, end: unitIndex + 1, meaning: .sameAsLast(unit: unit), mod: nil)
            }
        }
        // "the next morning": the day after the last date told of
        if let next = phrase(.followingDayPart, at: start) {
            return TemporalPhrase(start: start, end: next.end, meaning: .unitOffset(unit: "D", offset: 1, onLastDate: true))
        }
        // "the year ended Sept. 30", "the fiscal year ending March 31", "the quarter ended": a span of time
        if definite {
            var unitIndex = start + 1
            if word(unitIndex, is: .fiscal) { unitIndex += 1 }
            if let unit = unit(unitIndex), unit == "Y", !isPlural(unitIndex), word(unitIndex + 1, is: .ended) {
                return TemporalPhrase(start: start, end: unitIndex + 1, meaning: .duration(amount: 1, unit: unit))
            }
        }
        // "year-end", "year end", "the full year", "the current year", "the current fiscal year"
        if let yearEnd = phrase(.yearEnd, at: start) {
            return TemporalPhrase(start: start, end: yearEnd.end, meaning: .unitOffset(unit: "YE", offset: 0))
        }
        if definite, word(start + 1, is: .currentYear) {
            var unitIndex = start + 2
            if word(unitIndex, is: .fiscal) { unitIndex += 1 }
            if isSingular(unitIndex, unit: "Y"), !word(unitIndex + 1, is: .ended) {
                return TemporalPhrase(start: start, end: unitIndex + 1, meaning: .unitOffset(unit: "Y", offset: 0))
            }
        }
        // "the nineties", "the eighties"
        if definite, let tens = word(start + 1).flatMap({ words.int($0, .decadeName) }) {
            return TemporalPhrase(start: start, end: start + 2, meaning: .decade(190 + tens, bare: false))
        }
        // "the summer", "the early summer": the latest one (not "the winter of 1994")
        if definite, let season = word(start + 1).flatMap({ lexicon.value($0, .season) }), word(start + 1, is: .latestSeason),
            !word(start + 2, is: .of), year(start + 2) == nil
        {
            return TemporalPhrase(start: start, end: start + 2, meaning: .season(season, year: nil, relative: nil))
        }
        // "year-earlier results": a year before the date just mentioned
        if words.has(first, .yearAgo) {
            return TemporalPhrase(start: start, end: start + 1, meaning: .yearAgoComparison)
        }
        if let day = weekday(start), tokens[start].isCapitalized {
            // "on a Thursday" is any Thursday
            if start > 0, word(start - 1, is: .anyOne) { return TemporalPhrase(start: start, end: start + 1, meaning: .anyWeekday(day)) }
            return TemporalPhrase(start: start, end: start + 1, meaning: .weekday(day, relative: nil))
        }
        // "this morning" ("last night" is a night above)
        if words.has(first, .sameDay), let part = word(start + 1).flatMap({ lexicon.value($0, .partofday) }) {
            return TemporalPhrase(start: start, end: start + 2, meaning: .partOfDay(part, day: .dayOffset(0)))
        }
        // "the past", "the future", "the near future", "the present"; not the "past" of "the past
        // two months", a relative word before an amount or a unit
        if let reference = phrase(.timeReference, at: start),
            !(lexicon.has(tokens[reference.end - 1].lower, .relative) && (unit(reference.end) != nil || number(reference.end) != nil))
        {
            return TemporalPhrase(start: start, end: reference.end, meaning: .reference(reference.value))
        }
        if definite {
            // "the coming days", "the coming weeks"
            if let reference = word(start + 1).flatMap({ words.value($0, .pluralReference) }), let unit = unit(start + 2),
                isPlural(start + 2), unit != "WE"
            {
                return TemporalPhrase(start: start, end: start + 3, meaning: .reference(reference))
            }
            // "the weekend"
            if isSingular(start + 1, unit: "WE") { return TemporalPhrase(start: start, end: start + 2, meaning: .weekend(relative: nil)) }
        }
        // "recent years" is the recent past; "recent months", "recent weeks" an unknown number of
        // them, as TimeBank marks them
        if words.has(first, .recent), let unit = unit(start + 1), isPlural(start + 1) {
            let meaning: TemporalMeaning = unit == "Y" ? .reference("PAST_REF") : .duration(amount: nil, unit: unit)
            return TemporalPhrase(start: start, end: start + 2, meaning: meaning)
        }
        // "last week", "next year", "this month", "last summer", "next Friday", "last May", "this weekend"
        var index = start
        if definite, word(start + 1, is: .relativeAfterThe) {
            index = start + 1
        }
        if let relativeWord = word(index), let offset = relativeOffset(relativeWord), sameSentence(index, index + 1) {
            let target = index + 1
            if let unit = unit(target), !isPlural(target) {
                if unit == "WE" { return TemporalPhrase(start: start, end: target + 1, meaning: .weekend(relative: offset)) }
                if unit == "Q" { return TemporalPhrase(start: start, end: target + 1, meaning: .quarter(nil, year: nil, relative: offset)) }
                // "the past decade": a span, as TimeBank marks it
                if index > start, words.has(relativeWord, .spanBack), unit == "DE" || unit == "CE" {
                    return TemporalPhrase(start: start, end: target + 1, meaning: .duration(amount: 1, unit: unit))
                }
                // "the following year", "the previous day", "the next day": from the last date told of
                let fromLastDate = index > start && words.has(relativeWord, .fromLastDate)
                return TemporalPhrase(start: start, end: target + 1, meaning: .unitOffset(unit: unit, offset: offset, onLastDate: fromLastDate))
            }
            if let day = weekday(target) {
                return TemporalPhrase(start: start, end: target + 1, meaning: .weekday(day, relative: offset))
            }
            if let season = word(target).flatMap({ lexicon.value($0, .season) }) {
                return TemporalPhrase(start: start, end: target + 1, meaning: .season(season, year: nil, relative: offset))
            }
            if index == start, month(target) != nil, let date = monthDay(at: target), case let .date(nil, month?, day?) = date.meaning {
                // "last Oct. 23": the one before the article's date
                return TemporalPhrase(start: start, end: date.end, meaning: .unitOffset(unit: "M\(month)D\(day)", offset: offset))
            }
            if index == start, let month = lexicon.int(tokens[target].lower, .month), tokens[target].isCapitalized {
                return TemporalPhrase(start: start, end: target + 1, meaning: .unitOffset(unit: "M\(month)", offset: offset))
            }
        }
        // "summer 2024", "the winter of 1994", "the winter of nineteen ninety-four"
        let seasonIndex = definite ? start + 1 : start
        if let season = word(seasonIndex).flatMap({ lexicon.value($0, .season) }) {
            var yearIndex = seasonIndex + 1
            if word(yearIndex, is: .of) { yearIndex += 1 }
            if let value = year(yearIndex) {
                return TemporalPhrase(start: start, end: yearIndex + 1, meaning: .season(season, year: value, relative: nil))
            }
            if let spoken = spokenYear(at: yearIndex), case let .date(value?, nil, nil) = spoken.meaning {
                return TemporalPhrase(start: start, end: spoken.end, meaning: .season(season, year: value, relative: nil))
            }
        }
        if let reference = lexicon.value(first, .ref) {
            // "current", "recent" and "future" describe nouns ("a future summit"): only "the
            // future", "the near future" are times.
            if words.has(first, .attributive) { return nil }
            return TemporalPhrase(start: start, end: start + 1, meaning: .reference(reference))
        }
        return nil
    }

    private func relativeOffset(_ word: String) -> Int? { lexicon.int(word, .relative) }

    /// "three years", "90 minutes", "a 30-day", "two-hour", "several weeks", "the nine months",
    /// "the past two months", "a year ago", "two days later", "half an hour".
    private func quantity(at start: Int) -> TemporalPhrase? {
        var index = start
        var leadingThe = false
        if word(index, is: .definite) {
            leadingThe = true
            index += 1
            if word(index, is: .quantityAfterThe) { index += 1 }
        } else if word(index, is: .quantityLead), number(index + 1) != nil {
            index += 1
        }
        // "half an hour", "half a day"
        if let half = phrase(.halfOf, at: index), let unit = unit(half.end) {
            return shiftedOrDuration(start: start, amount: 0.5, unit: unit, end: half.end + 1)
        }
        // "two-hour", "30-day", "five-year-old" (without the determiner: "the [two-hour] talks")
        if let text = word(start), text.contains("-") {
            index = start
            let parts = text.split(separator: "-").map(String.init)
            // A singular unit ("two-hour"), not a fraction ("three-quarters") or an age ("six-year-old").
            if parts.count == 2, let unit = lexicon.value(parts[1], .unit), !unit.hasPrefix("WE"), unit != "Q", !parts[1].hasSuffix("s"),
                !word(start + 1, is: .age), let amount = Double(parts[0]) ?? (wordNumber(parts[0]) ?? nil)
            {
                return TemporalPhrase(start: start, end: index + 1, meaning: .duration(amount: amount, unit: unit))
            }
        }
        guard let (amount, afterNumber) = number(index), sameSentence(start, afterNumber), year(index) == nil || amount ?? 0 < 1000 else {
            // "years", "months" after "for", "over", "in": an unknown number of them
            if !leadingThe, let unit = unit(index), isPlural(index), index > 0,
                word(index - 1, is: .unknownNumber), unit != "WE", unit != "Q"
            {
                return shiftedOrDuration(start: start, amount: nil, unit: unit, end: index + 1)
            }
            return nil
        }
        var unitIndex = afterNumber
        if word(unitIndex) == "-" { unitIndex += 1 }
        // "a few days", "a couple of weeks"
        if words.has(tokens[index].lower, .indefinite), let w = word(afterNumber), words.has(w, .aFew) {
            unitIndex = afterNumber + 1
            if word(unitIndex, is: .of) { unitIndex += 1 }
            guard let unit = unit(unitIndex) else { return nil }
            return shiftedOrDuration(start: start, amount: lexicon.value(w, .number).flatMap { Double($0) }, unit: unit, end: unitIndex + 1)
        }
        guard let unit = unit(unitIndex), unit != "WE" || amount != nil else { return nil }
        // "a second round" is an ordinal; "52 years old" an age.
        if unit == "S", lexicon.has(tokens[unitIndex].lower, .ordinal), words.has(tokens[index].lower, .indefinite) { return nil }
        if word(unitIndex + 1, is: .age) { return nil }
        // A bare "a"/"an" before a singular unit is one: "a year ago", "a week".
        if amount == 1, isPlural(unitIndex), !words.has(tokens[index].lower, .numeralOne) { return nil }
        // "an hour and a half"
        var end = unitIndex + 1
        var value = amount
        if let half = phrase(.plusHalf, at: end) {
            value = value.map { $0 + 0.5 }
            end = half.end
        }
        if unit == "Q" {
            // "a quarter of the shares" is a fraction
            if words.has(tokens[index].lower, .fractionCount) { return nil }
            return TemporalPhrase(start: start, end: end, meaning: .duration(amount: value, unit: unit))
        }
        // "$5 a year", "twice a week", "50 per day": a rate, so a set.
        if words.has(tokens[index].lower, .rate), index > 0, start == index, !isShift(end),
            let previous = word(index - 1), previous.first?.isNumber == true || words.has(previous, .beforeRate)
        {
            return TemporalPhrase(start: start, end: end, meaning: .set(unit: unit, amount: 1))
        }
        return shiftedOrDuration(start: start, amount: value, unit: unit, end: end)
    }

    /// A duration, or a date when "ago", "earlier", "later", "before", "after" or "from now" follows.
    private func shiftedOrDuration(start: Int, amount: Double?, unit: String, end: Int) -> TemporalPhrase {
        var end = end
        // "a week or so ago"
        if let orSo = phrase(.orSo, at: end), isShift(orSo.end) { end = orSo.end }
        let fromNow = phrase(.shiftFromNow, at: end).flatMap { shift in Int(shift.value).map { (end: shift.end, direction: $0) } }
        // "several years ago", "a few months ago": some time in the past
        if amount == nil, let fromNow, fromNow.direction < 0, sameSentence(start, end) {
            return TemporalPhrase(start: start, end: fromNow.end, meaning: .reference("PAST_REF"))
        }
        if sameSentence(start, end), let amount {
            // "two years ago", "a week from now"
            if let fromNow {
                return TemporalPhrase(start: start, end: fromNow.end, meaning: .shifted(amount: amount, unit: unit, direction: fromNow.direction, onLastDate: false))
            }
            // "two days later", "a year earlier"
            if let shift = phrase(.shiftFromLast, at: end), let direction = Int(shift.value) {
                return TemporalPhrase(start: start, end: shift.end, meaning: .shifted(amount: amount, unit: unit, direction: direction, onLastDate: true))
            }
        }
        return TemporalPhrase(start: start, end: end, meaning: .duration(amount: amount, unit: unit))
    }

    /// "4:19 am", "23:35", "10 p.m.", "noon", "midnight", each optionally followed by a day:
    /// "4:19 am today", "10 p.m. Friday", "23:35 UTC+8".
    private func clockTime(at start: Int) -> TemporalPhrase? {
        guard let text = word(start) else { return nil }
        var hour: Int?
        var minute = 0
        var end = start + 1
        if let named = words.int(text, .namedHour) {
            // "noon"; "midnight" is the end of the day it names, as ISO 8601 writes it: "midnight
            // Friday" is Friday T24:00.
            hour = named
        } else if text.contains(":") {
            let parts = text.split(separator: ":")
            guard parts.count >= 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m), parts[1].count == 2
            else { return nil }
            hour = h
            minute = m
        } else if let h = Int(text), (1...12).contains(h), let next = word(start + 1), meridiem(next) != nil {
            hour = h
        }
        guard var h = hour else { return nil }
        if let next = word(end), sameSentence(start, end), let pm = meridiem(next) {
            if pm, h < 12 { h += 12 }
            if !pm, h == 12 { h = 0 }
            end += 1
        } else if !text.contains(":"), !words.has(text, .namedHour) {
            return nil
        }
        // A time zone: "UTC+8", "GMT", "EST"
        if let zone = word(end), sameSentence(start, end), isTimeZone(zone) {
            end += 1
            if ["+", "-", "−"].contains(word(end) ?? ""), let hours = word(end + 1), hours.first?.isNumber == true, sameSentence(start, end + 1) {
                end += 2
            }
        }
        var day: TemporalMeaning?
        if let next = word(end), sameSentence(start, end) {
            if let offset = words.int(next, .day) {
                day = .dayOffset(offset)
                end += 1
            } else {
                var dateStart = end
                if word(dateStart) == "," { dateStart += 1 }
                if let date = monthDay(at: dateStart), case .date(_, _?, _?) = date.meaning, sameSentence(start, dateStart) {
                    day = date.meaning
                    end = date.end
                } else if let weekday = weekday(end), tokens[end].isCapitalized {
                    day = .weekday(weekday, relative: nil)
                    end += 1
                }
            }
        }
        return TemporalPhrase(start: start, end: end, meaning: .time(hour: h, minute: minute, day: day))
    }

    /// Whether the word says afternoon ("pm"), morning ("am"), or neither (nil).
    private func meridiem(_ word: String) -> Bool? { words.value(word, .meridiem).map { $0 == "PM" } }

    private func isTimeZone(_ word: String) -> Bool {
        let upper = word.uppercased()
        if words.has(upper, .timeZone) { return true }
        return words.entries(.offsetZone).contains { zone in
            upper.hasPrefix(zone) && upper.dropFirst(zone.count).allSatisfy { "+-−0123456789:".contains($0) }
        }
    }

    /// "the third quarter", "third-quarter", "the fourth quarter of 2024", "Q3", "the latest
    /// quarter", "the year-ago quarter", "this year's third quarter".
    private func quarter(at start: Int) -> TemporalPhrase? {
        var index = start
        // "this year's third quarter", "last year's quarter"
        if let relative = word(index).flatMap({ lexicon.int($0, .relative) }), word(index, is: .yearRelative),
            isSingular(index + 1, unit: "Y"), ["'", "’"].contains(word(index + 2) ?? ""), word(index + 3) == "s"
        {
            let year = TemporalGrammar.relativeYearBase + relative
            if let number = lexicon.int(word(index + 4) ?? "", .ordinal), isSingular(index + 5, unit: "Q") {
                return TemporalPhrase(start: start, end: index + 6, meaning: .quarter(number, year: year, relative: nil))
            }
            if namesQuarter(index + 4) {
                return TemporalPhrase(start: start, end: index + 5, meaning: .quarter(nil, year: year, relative: nil))
            }
        }
        if word(index, is: .definite) { index += 1 }
        if word(index, is: .fiscal) { index += 1 }
        guard let text = word(index) else { return nil }
        var number: Int?
        var end = index
        let hyphen = text.lastIndex(of: "-")
        if let hyphen, isSingular(String(text[text.index(after: hyphen)...]), unit: "Q"), let value = lexicon.int(String(text[..<hyphen]), .ordinal) {
            // "the [third-quarter] results": the adjective alone
            return TemporalPhrase(start: index, end: index + 1, meaning: .quarter(value, year: nil, relative: nil))
        } else if let value = lexicon.int(text, .ordinal) ?? ordinal(at: index), isSingular(index + 1, unit: "Q") || word(index + 1, is: .fiscal) {
            if word(index + 1, is: .fiscal), isSingular(index + 2, unit: "Q") { end = index + 3 } else { end = index + 2 }
            number = value
        } else if let prefix = prefix(.quarterPrefix, of: text), text.count == prefix.count + 1, let value = Int(text.dropFirst(prefix.count)),
            (1...4).contains(value), tokens[index].isCapitalized
        {
            number = value
            end = index + 1
        } else if words.has(text, .latestQuarter) || words.has(text, .yearAgoQuarter), namesQuarter(index + 1) {
            // The latest reported quarter is the one before the article's; the year-ago one four before that.
            return TemporalPhrase(start: start, end: index + 2, meaning: .quarter(nil, year: nil, relative: words.has(text, .latestQuarter) ? nil : -5))
        } else if let value = year(index), index > start, word(start, is: .definite), namesQuarter(index + 1) {
            return TemporalPhrase(start: start, end: index + 2, meaning: .quarter(nil, year: value, relative: nil))
        } else if let value = year(index), index > start, let number = lexicon.int(word(index + 1) ?? "", .ordinal), isSingular(index + 2, unit: "Q") {
            return TemporalPhrase(start: start, end: index + 3, meaning: .quarter(number, year: value, relative: nil))
        } else if isSingular(text, unit: "Q"), index > start, word(start, is: .definite) {
            return TemporalPhrase(start: start, end: index + 1, meaning: .quarter(nil, year: nil, relative: nil))
        }
        guard let quarterNumber = number, (1...4).contains(quarterNumber) else { return nil }
        var yearValue: Int?
        if let (value, after) = yearAfter(end) {
            yearValue = value
            end = after
        } else if let value = year(end) {
            yearValue = value
            end += 1
        }
        return TemporalPhrase(start: start, end: end, meaning: .quarter(quarterNumber, year: yearValue, relative: nil))
    }

    /// "daily", "weekly", "every day", "each week", "every Friday", "twice a year" (set of the unit).
    private func recurring(at start: Int) -> TemporalPhrase? {
        guard let first = word(start) else { return nil }
        if let unit = lexicon.value(first, .set) {
            // A newspaper, not a rate: "the Communist Party daily Granma", "the daily Maariv".
            if start + 1 < tokens.count, tokens[start + 1].isCapitalized, sameSentence(start, start + 1) { return nil }
            if start > 1, tokens[start - 1].isCapitalized, sameSentence(start - 2, start) { return nil }
            return TemporalPhrase(start: start, end: start + 1, meaning: .set(unit: unit, amount: 1))
        }
        if words.has(first, .every) {
            if let day = weekday(start + 1) {
                return TemporalPhrase(start: start, end: start + 2, meaning: .anyWeekday(day, recurring: true))
            }
            if let unit = unit(start + 1), !isPlural(start + 1) {
                return TemporalPhrase(start: start, end: start + 2, meaning: .set(unit: unit, amount: 1))
            }
            if let (amount, after) = number(start + 1), let amount, let unit = unit(after) {
                return TemporalPhrase(start: start, end: after + 1, meaning: .set(unit: unit, amount: amount))
            }
        }
        return nil
    }
}

extension TemporalPhrase {
    /// "May 2025", "May, 2025", "May of 2025": a month followed by its year.
    fileprivate func extendedByYear(_ grammar: TemporalGrammar) -> TemporalPhrase {
        guard case let .date(nil, month, day) = meaning, let (year, end) = grammar.yearAfter(end) else { return self }
        var phrase = self
        phrase.meaning = .date(year: year, month: month, day: day)
        phrase.end = end
        return phrase
    }
}
