/// The page address pasted above an article (`https://www.example.com/2013/09/18/ie-patch/`),
/// and the day many news sites write into their addresses.
struct PageURLFinder: Sendable {
    /// The address a whole line consists of, or nil: one word starting `http://`, `https://` or
    /// `www.`.
    static func url(line: Scalars) -> String? {
        guard line.count >= 10, line.count <= 400, !line.contains(where: \.isSpace) else { return nil }
        let text = line.string
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") else { return nil }
        return text
    }

    /// The publication day written in a news address: `/2013/09/18/`, `/2009/POLITICS/03/03/`
    /// (a section between year and month), `/2005/nov/28/`, `/2009-02-03-williams-arrested`.
    /// Nil when the address names no full, valid day.
    static func date(in url: String) -> String? {
        var path = Substring(url)
        if let scheme = path.range(of: "://") { path = path[scheme.upperBound...] }
        // The host (and any query) says nothing about the day.
        guard let slash = path.firstIndex(of: "/") else { return nil }
        path = path[path.index(after: slash)...]
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        let segments = path.split(separator: "/").map { $0.lowercased() }
        for (index, segment) in segments.enumerated() {
            // `2009-02-03-williams-arrested_N.htm`: a segment opening with an ISO day.
            let scalars = Array(segment.unicodeScalars)
            if scalars.count >= 10, scalars.count == 10 || !scalars[10].isASCIIDigit, scalars[4] == "-",
                let date = PublicationDateFinder.isoDate(scalars[0..<10]), let year = Int(date.prefix(4)), isNewsYear(year)
            {
                return date
            }
            guard segment.count == 4, let year = Int(segment), isNewsYear(year) else { continue }
            // Year, then month (a number or a name), perhaps after one section word, then day.
            var next = index + 1
            var month = next < segments.count ? monthNumber(segments[next]) : nil
            if month == nil, next + 1 < segments.count, Int(segments[next]) == nil {
                next += 1
                month = monthNumber(segments[next])
            }
            guard let month, next + 1 < segments.count, segments[next + 1].count <= 2, let day = Int(segments[next + 1]) else { continue }
            if let date = PublicationDateFinder.validDate(year: year, month: month, day: day) { return date }
        }
        return nil
    }

    private static func isNewsYear(_ year: Int) -> Bool { (1990...2099).contains(year) }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `09`, `9` or `sep`/`september` -> 9.
    private static func monthNumber(_ segment: String) -> Int? {
        if segment.count <= 2, let n = Int(segment) { return (1...12).contains(n) ? n : nil }
        guard segment.count >= 3, let index = monthNames.firstIndex(of: String(segment.prefix(3))) else { return nil }
        // "mar" and "march", not "marketing".
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][index]
        return segment.count == 3 || full.hasPrefix(segment) || segment == "sept" ? index + 1 : nil
    }
}
