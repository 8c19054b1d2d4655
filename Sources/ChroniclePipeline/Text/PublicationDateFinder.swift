/// A calendar date with the time and UTC offset printed next to it, when there were any.
struct DateStamp: Equatable, Sendable {
    /// `YYYY-MM-DD`
    var date: String?
    /// `HH:MM`, local to the stamp.
    var time: String?
    /// `+08:00`
    var timeZone: String?
    /// The stamp gives a time "today" but no date ("4:19 am today").
    var isRelativeToday = false

    /// An age such as "Updated 2 hours ago": a stamp line, but it dates nothing.
    var isEmpty: Bool { date == nil && time == nil }
}

/// Finds when an article was published: a leading ` date YYYY-MM-DD` line, a page stamp line
/// (`23:35 UTC+8, 2025-05-16`, `Published: 16 May 2025 10:20 GMT`, `4:19 am today`), ISO 8601
/// values supplied by the client or the HTML page, and the explicit full dates of the text that
/// a relative stamp ("today") refers to.
struct PublicationDateFinder: Sendable {
    let resources: TextResources

    init(resources: TextResources = .shared) { self.resources = resources }

    // MARK: ISO 8601

    /// Parses `2025-05-16`, `2025-05-16T23:35`, `2025-05-16T23:35:00Z`,
    /// `2025-05-16T23:35:00.123+08:00` (a space may replace the `T`). Nil when invalid.
    static func parseISO8601(_ value: String) -> DateStamp? {
        let s = Scalars(value.trimmingSpaces)
        guard s.count >= 10, let date = isoDate(s[0..<10]) else { return nil }
        if s.count == 10 { return DateStamp(date: date) }
        guard s[10] == "T" || s[10] == "t" || s[10] == " ", s.count >= 16,
            let hour = number(s[11..<13]), s[13] == ":", let minute = number(s[14..<16]),
            hour < 24, minute < 60
        else { return nil }
        var i = 16
        if i < s.count, s[i] == ":" {
            guard i + 3 <= s.count, let second = number(s[(i + 1)..<(i + 3)]), second <= 60 else { return nil }
            i += 3
            if i < s.count, s[i] == "." || s[i] == "," {
                i += 1
                let start = i
                while i < s.count, s[i].isASCIIDigit { i += 1 }
                guard i > start else { return nil }
            }
        }
        var zone: String?
        if i < s.count {
            let rest = s[i...]
            if rest.count == 1, rest.first == "Z" || rest.first == "z" {
                zone = "+00:00"
            } else if let offset = utcOffset(rest) {
                zone = offset
            } else {
                return nil
            }
        }
        return DateStamp(date: date, time: two(hour) + ":" + two(minute), timeZone: zone)
    }

    // MARK: Leading ` date YYYY-MM-DD` line

    /// Splits `date 2025-05-17 ISTANBUL, TURKEY | ...` into the date and the rest of the line.
    static func stripDatePrefix(_ line: Scalars) -> (date: String, rest: Scalars)? {
        let marker = Scalars("date ")
        guard line.count >= 15, line.hasPrefix(marker, at: 0, caseInsensitive: false),
            let date = isoDate(line[5..<15]), line.count == 15 || line[15].isSpace
        else { return nil }
        return (date, Scalars(line[15...].trimmed()))
    }

    // MARK: Stamp lines

    private enum Piece {
        case number(Int, digits: Int)
        case month(Int)
        case date(String)
        case time(hour: Int, minute: Int)
        case meridiem(pm: Bool)
        case zone(String)
        case today
        /// "ago" in "2 hours ago"
        case ago
        case word
    }

    /// The stamp a whole line consists of, or nil when the line says anything else. An age line
    /// ("Updated 2 hours ago") is an empty stamp: page furniture that dates nothing.
    func stamp(line: Scalars) -> DateStamp? {
        guard line.count <= 90, line.contains(where: \.isASCIIDigit) else { return nil }
        let tokens = stampTokens(line)
        guard !tokens.isEmpty, tokens.count <= 14 else { return nil }
        var pieces: [Piece] = []
        for token in tokens {
            guard let piece = classify(token, strict: true) else { return nil }
            pieces.append(contentsOf: piece)
        }
        return assemble(pieces)
    }

    private func assemble(_ pieces: [Piece]) -> DateStamp? {
        var stamp = DateStamp()
        var age = false
        var hour: Int?
        var minute = 0
        var pm: Bool?
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .date(let d): if stamp.date == nil { stamp.date = d }
            case .time(let h, let m): if hour == nil { hour = h; minute = m }
            case .meridiem(let isPM): if hour != nil, pm == nil { pm = isPM }
            case .zone(let z): if stamp.timeZone == nil { stamp.timeZone = z }
            case .today: stamp.isRelativeToday = true
            case .ago: age = true
            case .month(let m) where stamp.date == nil:
                stamp.date = fullDate(month: m, at: index, in: pieces)
            default: break
            }
        }
        if var h = hour {
            if let pm {
                guard h >= 1, h <= 12 else { return nil }
                if pm, h < 12 { h += 12 }
                if !pm, h == 12 { h = 0 }
            }
            stamp.time = Self.two(h) + ":" + Self.two(minute)
        }
        if stamp.date != nil { stamp.isRelativeToday = false }
        if age, stamp.date == nil, stamp.time == nil, pieces.contains(where: { if case .number = $0 { true } else { false } }) {
            return DateStamp()
        }
        guard stamp.date != nil || (stamp.time != nil && stamp.isRelativeToday) else { return nil }
        if stamp.time == nil { stamp.timeZone = nil }
        return stamp
    }

    /// `16 May 2025`, `16 May, 2025` or `May 16, 2025` around the month at `index`.
    private func fullDate(month: Int, at index: Int, in pieces: [Piece]) -> String? {
        func value(_ i: Int) -> (Int, Int)? {
            guard i >= 0, i < pieces.count, case .number(let n, let digits) = pieces[i] else { return nil }
            return (n, digits)
        }
        if let (day, dayDigits) = value(index - 1), dayDigits <= 2, let (year, yearDigits) = value(index + 1),
            yearDigits == 4
        {
            return Self.validDate(year: year, month: month, day: day)
        }
        if let (day, dayDigits) = value(index + 1), dayDigits <= 2, let (year, yearDigits) = value(index + 2),
            yearDigits == 4
        {
            return Self.validDate(year: year, month: month, day: day)
        }
        return nil
    }

    /// Tokens of a stamp line: split at spaces, commas, pipes and bullets; outer brackets and
    /// trailing colons dropped ("Published:", "(UTC+8)").
    private func stampTokens(_ line: some RandomAccessCollection<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        let scalars = Array(line)
        var tokens: [ArraySlice<Unicode.Scalar>] = []
        var start = 0
        func flush(_ end: Int) {
            var lower = start
            var upper = end
            while lower < upper, "([{\"'“‘".unicodeScalars.contains(scalars[lower]) { lower += 1 }
            while upper > lower, ")]}:;,\"'”’".unicodeScalars.contains(scalars[upper - 1]) { upper -= 1 }
            // A trailing full stop closes a sentence ("... 2025."), but keep it on "a.m.".
            if upper > lower + 1, scalars[upper - 1] == ".", scalars[upper - 2].isASCIIDigit { upper -= 1 }
            if lower < upper { tokens.append(scalars[lower..<upper]) }
        }
        for (i, s) in scalars.enumerated() where s.isSpace || s == "," || s == "|" || s == "•" || s == "·" {
            flush(i)
            start = i + 1
        }
        flush(scalars.count)
        return tokens
    }

    /// What one token of a stamp means. `strict` refuses words that are not stamp words.
    private func classify(_ token: ArraySlice<Unicode.Scalar>, strict: Bool) -> [Piece]? {
        let t = Array(token)
        if t.allSatisfy(\.isASCIIDigit) {
            guard t.count <= 4, let n = Self.number(t[...]) else { return strict ? nil : [.word] }
            return [.number(n, digits: t.count)]
        }
        if t.count >= 10, let date = Self.isoDate(t[0..<10]) {
            if t.count == 10 { return [.date(date)] }
            if let full = Self.parseISO8601(t.string), let d = full.date {
                var pieces: [Piece] = [.date(d)]
                if let time = full.time, let h = Int(time.prefix(2)), let m = Int(time.suffix(2)) {
                    pieces.append(.time(hour: h, minute: m))
                }
                if let z = full.timeZone { pieces.append(.zone(z)) }
                return pieces
            }
        }
        if t.count == 10, let date = Self.dottedDate(t[...]) { return [.date(date)] }
        if let date = Self.slashedDate(t[...]) { return [.date(date)] }
        // "18th" in "Published on 18th September 2013".
        if let n = Self.ordinal(t[...]) { return [.number(n, digits: 2)] }
        if let (time, rest) = Self.time(t[...]) {
            var pieces: [Piece] = [time]
            if !rest.isEmpty {
                let word = lowercasedKey(rest)
                if word == "am" || word == "a.m." { pieces.append(.meridiem(pm: false)) }
                else if word == "pm" || word == "p.m." { pieces.append(.meridiem(pm: true)) }
                else { return strict ? nil : [.word] }
            }
            return pieces
        }
        let key = lowercasedKey(t)
        if let month = resources.months[key] { return [.month(month)] }
        if key == "am" || key == "a.m." { return [.meridiem(pm: false)] }
        if key == "pm" || key == "p.m." { return [.meridiem(pm: true)] }
        if key == "today" { return [.today] }
        if key == "ago" { return [.ago] }
        if let zone = Self.zone(t[...]) { return [.zone(zone)] }
        if resources.stampWords.contains(key) || t.allSatisfy({ !$0.isLetter && !$0.isASCIIDigit }) {
            return [.word]
        }
        return strict ? nil : [.word]
    }

    // MARK: Dates mentioned in the text

    /// The latest explicit full date written in the paragraphs (`16 May, 2025`, `May 16, 2025`,
    /// `2025-05-16`); a relative stamp ("4:19 am today") refers to the day of the latest news.
    func latestFullDate(in paragraphs: [Scalars]) -> String? {
        var latest: String?
        for paragraph in paragraphs where paragraph.contains(where: \.isASCIIDigit) {
            let tokens = stampTokens(paragraph)
            var pieces: [Piece] = []
            pieces.reserveCapacity(tokens.count)
            for token in tokens {
                // Sentence punctuation glued to a word ("2025." "Friday.") is not part of a date.
                var t = token
                while let last = t.last, last == "." || last == "!" || last == "?", t.count > 1, !isAbbreviatedMonth(t) {
                    t = t.dropLast()
                }
                pieces.append(contentsOf: classify(t, strict: false) ?? [.word])
            }
            for (index, piece) in pieces.enumerated() {
                var found: String?
                switch piece {
                case .date(let d): found = d
                case .month(let m): found = fullDate(month: m, at: index, in: pieces)
                default: break
                }
                if let found, latest.map({ found > $0 }) ?? true { latest = found }
            }
        }
        return latest
    }

    private func isAbbreviatedMonth(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
        resources.months[lowercasedKey(token)] != nil
    }

    // MARK: Pieces

    static func isoDate(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        guard s.count == 10 else { return nil }
        let b = s.startIndex
        guard s[b + 4] == "-" || s[b + 4] == "/", s[b + 7] == s[b + 4],
            let year = number(s[b..<(b + 4)]), let month = number(s[(b + 5)..<(b + 7)]),
            let day = number(s[(b + 8)..<(b + 10)])
        else { return nil }
        return validDate(year: year, month: month, day: day)
    }

    /// `16.05.2025` (day first, as printed on European pages).
    private static func dottedDate(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        let b = s.startIndex
        guard s.count == 10, s[b + 2] == ".", s[b + 5] == ".", let day = number(s[b..<(b + 2)]),
            let month = number(s[(b + 3)..<(b + 5)]), let year = number(s[(b + 6)..<(b + 10)])
        else { return nil }
        return validDate(year: year, month: month, day: day)
    }

    /// `2/3/2009`, `11/28/05`, `28/11/2005`: month first as US pages print it, unless the first
    /// number cannot be a month. A two-digit year is this century's.
    private static func slashedDate(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2 || parts[2].count == 4,
            let first = number(parts[0]), let second = number(parts[1]), var year = number(parts[2])
        else { return nil }
        if parts[2].count == 2 { year += 2000 }
        if first > 12 { return validDate(year: year, month: second, day: first) }
        return validDate(year: year, month: first, day: second)
    }

    /// `1st`, `2nd`, `3rd`, `18th` -> the day number.
    private static func ordinal(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        guard s.count == 3 || s.count == 4 else { return nil }
        let digits = s.prefix { $0.isASCIIDigit }
        let suffix = String(String.UnicodeScalarView(s.dropFirst(digits.count))).lowercased()
        guard (1...2).contains(digits.count), ["st", "nd", "rd", "th"].contains(suffix), let n = number(digits), (1...31).contains(n) else { return nil }
        return n
    }

    /// `23:35`, `4:19`, `23:35:10`, `4:19am`; returns the time and any glued suffix.
    private static func time(_ s: ArraySlice<Unicode.Scalar>) -> (Piece, ArraySlice<Unicode.Scalar>)? {
        var i = s.startIndex
        while i < s.endIndex, s[i].isASCIIDigit { i += 1 }
        let hourDigits = i - s.startIndex
        guard hourDigits == 1 || hourDigits == 2, i < s.endIndex, s[i] == ":",
            i + 3 <= s.endIndex, let hour = number(s[s.startIndex..<i]), let minute = number(s[(i + 1)..<(i + 3)]),
            hour < 24, minute < 60
        else { return nil }
        var end = i + 3
        if end + 3 <= s.endIndex, s[end] == ":", number(s[(end + 1)..<(end + 3)]) != nil { end += 3 }
        if end < s.endIndex, s[end].isASCIIDigit { return nil }
        return (.time(hour: hour, minute: minute), s[end...])
    }

    /// `UTC`, `GMT`, `UTC+8`, `GMT+05:30`, `+08:00`, `UTC-4`.
    private static func zone(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        var rest = s
        let key = lowercasedKey(s.prefix(3))
        if key == "utc" || key == "gmt" {
            rest = s.dropFirst(3)
            if rest.isEmpty { return "+00:00" }
        }
        return utcOffset(rest)
    }

    /// `+8`, `+08`, `+0800`, `+08:00`, `-4` -> `+08:00`.
    private static func utcOffset(_ s: ArraySlice<Unicode.Scalar>) -> String? {
        guard let sign = s.first, sign == "+" || sign == "-" || sign == "\u{2212}" else { return nil }
        let digits = s.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit),
            s.dropFirst().filter({ $0 == ":" }).count <= 1
        else { return nil }
        let hour: Int
        var minute = 0
        switch digits.count {
        case 1, 2: hour = number(digits[...])!
        case 3:
            hour = number(digits[0..<1])!
            minute = number(digits[1..<3])!
        default:
            hour = number(digits[0..<2])!
            minute = number(digits[2..<4])!
        }
        guard hour <= 14, minute < 60 else { return nil }
        return (sign == "+" ? "+" : "-") + two(hour) + ":" + two(minute)
    }

    static func validDate(year: Int, month: Int, day: Int) -> String? {
        guard (1000...2999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return nil }
        return String(year) + "-" + two(month) + "-" + two(day)
    }

    static func number(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !s.isEmpty, s.count <= 9 else { return nil }
        var n = 0
        for c in s {
            guard c.isASCIIDigit else { return nil }
            n = n * 10 + Int(c.value - 0x30)
        }
        return n
    }

    static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return s
    }
}
