import ChronicleKnowledge
import ChroniclePipeline
import Hummingbird

/// Typed, validated query parameters, read as HTML forms and HTTP clients write them (`+` is a
/// space, names and values percent-decoded once, by Hummingbird's form decoder). A parameter the
/// endpoint does not know, a parameter given without a value and a bad value are each a 400 that
/// names the parameter.
struct QueryParameters {
    private let values: [String: String]

    init(_ request: Request) throws(Problem) {
        let query = request.uri.query ?? ""
        // What the form decoder would skip (`?limit`, with no `=`) or report without naming the
        // parameter (a bad escape) is told here, by name.
        for field in query.split(separator: "&") {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            guard parts.count == 2 else { throw Self.empty(name) }
            guard parts[1].replacing("+", with: " ").removingPercentEncoding != nil else {
                throw .badRequest("query parameter '\(name)' has a bad percent escape: '\(parts[1])'")
            }
        }
        do {
            values = try URLEncodedFormDecoder().decode([String: String].self, from: query)
        } catch {
            throw .badRequest("the query string is not a form (name=value&...): \(error)")
        }
        if let name = values.first(where: { $0.value.isEmpty })?.key { throw Self.empty(name) }
    }

    private static func empty(_ name: String) -> Problem {
        .badRequest("query parameter '\(name)' has no value; leave it out or give one")
    }

    func string(_ name: String) -> String? { values[name] }

    func limit(default value: Int = 20, max: Int) throws(Problem) -> Int {
        guard let raw = string("limit") else { return value }
        guard let limit = Int(raw), (1...max).contains(limit) else {
            throw .badRequest("limit must be an integer from 1 to \(max), not '\(raw)'")
        }
        return limit
    }

    /// A `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) bound; `to` bounds are completed to the period's end.
    func date(_ name: String) throws(Problem) -> String? {
        guard let raw = string(name) else { return nil }
        guard Self.isCalendarDate(raw), let range = TimexRange(value: raw) else {
            throw .badRequest("\(name) must be a date like 2025-05-16 (or 2025-05, 2025), not '\(raw)'")
        }
        return name == "to" ? range.last : range.first
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in ASCII digits, a day that the month has.
    static func isCalendarDate(_ raw: String) -> Bool {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
            zip(parts, widths).allSatisfy({ part, width in part.count == width && part.utf8.allSatisfy { (48...57).contains($0) } })
        else { return false }
        if parts.count >= 2, !(1...12).contains(Int(parts[1])!) { return false }
        if parts.count == 3, CalendarDate(iso: raw) == nil { return false }
        return true
    }

    func cursor() throws(Problem) -> Cursor? {
        guard let raw = string("cursor") else { return nil }
        guard let cursor = Cursor(token: raw) else { throw .badRequest("cursor '\(raw)' is not one this service issued") }
        return cursor
    }

    /// Rejects parameters the endpoint does not know, so a typo is not silently ignored.
    func allowOnly(_ names: Set<String>) throws(Problem) {
        for key in values.keys.sorted() where !names.contains(key) {
            let accepted = names.isEmpty ? "none with this content type" : names.sorted().joined(separator: ", ")
            throw .badRequest("unknown query parameter '\(key)'; this endpoint takes: \(accepted)")
        }
    }
}
