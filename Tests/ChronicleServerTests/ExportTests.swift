import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import ChronicleKnowledge
@testable import ChronicleServer

/// `GET /v1/events?format=csv|ndjson`: every matching event, streamed, with the filters of the
/// JSON list.
@Suite("Event exports: CSV and NDJSON")
struct ExportTests {
    /// RFC 4180 rows: fields split on commas outside quotes, doubled quotes undone.
    static func rows(_ csv: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(csv)[...]
        while let character = characters.popFirst() {
            switch (character, quoted) {
            case ("\"", true) where characters.first == "\"": field.append("\""); characters.removeFirst()
            case ("\"", _): quoted.toggle()
            case (",", false): row.append(field); field = ""
            case ("\r\n", false), ("\n", false): row.append(field); rows.append(row); row = []; field = ""
            default: field.append(character)
            }
        }
        return rows
    }

    @Test("CSV: a header and one row per event, filters applied, quotes and formulas escaped")
    func csv() async throws {
        let (service, ids) = try await ReadTests.seededService()
        try await service.run { client in
            let response = try await client.get("/v1/events?format=csv&type=MEET")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"events.csv\"")
            let rows = Self.rows(response.text)
            #expect(rows.first?.prefix(11) == ["id", "article_id", "story", "merged_event", "type", "lemma", "class", "tense", "aspect", "polarity", "time"])
            #expect(rows.count == 3)
            let header = try #require(rows.first)
            let sentence = try #require(header.firstIndex(of: "sentence"))
            #expect(rows.dropFirst().map { $0[sentence] } == ["Carol met Dave in Oslo.", "Alice met Bob in Geneva."])
            #expect(rows.dropFirst().map(\.[1]) == [ids[2], ids[0]])
            #expect(rows.allSatisfy { $0.count == header.count })
        }
        #expect(EventExport.escape("said \"no\", twice") == "\"said \"\"no\"\", twice\"")
        #expect(EventExport.escape("=SUM(A1)") == "'=SUM(A1)")
        #expect(EventExport.escape("-5 dead") == "'-5 dead")
    }

    @Test("NDJSON: one event per line, as GET /v1/events/{id} shows it; limit and cursor apply")
    func ndjson() async throws {
        let (service, ids) = try await ReadTests.seededService()
        try await service.run { client in
            let response = try await client.get("/v1/events?format=ndjson")
            #expect(response.headers[.contentType] == "application/x-ndjson")
            let lines = response.text.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(lines.map { $0?["article_id"] as? String } == [ids[2], ids[1], ids[0]])
            #expect(lines.map { $0?["type"] as? String } == ["MEET", "VISIT", "MEET"])
            let limited = try await client.get("/v1/events?format=ndjson&limit=2")
            #expect(limited.text.split(separator: "\n").count == 2)
            let bad = try await client.get("/v1/events?format=xml")
            #expect(bad.status == .badRequest)
            #expect(try bad.problem().detail.contains("format must be json, csv or ndjson"))
        }
    }

    @Test("an export longer than one page is written page by page and holds every event once")
    func manyPages() async throws {
        let service = TestService()
        try await service.run { client in
            for index in 0..<12 {
                _ = try await client.post("/v1/articles", jsonString(["text": "Report \(index): the council met in Port Vale on Tuesday.", "published_at": "2025-05-1\(index % 10)"]))
            }
            let all = try await client.get("/v1/events?format=ndjson&type=MEET")
            let ids = all.text.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String }
            let listed = try await client.get("/v1/events?type=MEET&limit=200").json()["items"] as? [[String: Any]]
            #expect(ids == listed?.compactMap { $0["id"] as? String })
            #expect(ids.count == 12)
            #expect(Set(ids).count == ids.count)
        }
    }
}
