import ChronicleFoundation
import ChronicleKnowledge
import ChroniclePipeline
import Foundation
import Testing

@Suite("Store: duplicates, deletes, queries and cursors")
struct StoreTests {
    @Test("the same text, differently spaced or cased, is a duplicate with the same id")
    func duplicates() async throws {
        let store = KnowledgeStore()
        guard case .created(let first) = try await store.add(makeDocument("Talks ended in Istanbul.")) else {
            Issue.record("expected created")
            return
        }
        guard case .duplicate(let second) = try await store.add(makeDocument("talks  ended\nin Istanbul.")) else {
            Issue.record("expected duplicate")
            return
        }
        #expect(first.id == second.id)
        #expect(store.read { $0.articleCount } == 1)
    }

    @Test("deleting an article removes its events and the entities only it mentioned")
    func deleteCascades() async throws {
        let store = KnowledgeStore()
        guard case .created(let a) = try await store.add(makeDocument("Alice met Bob.")),
            case .created = try await store.add(makeDocument("Alice spoke later."))
        else { Issue.record("expected created"); return }
        _ = try await store.add(makeDocument("Carol left town."))
        let alice = try #require(store.read { $0.entities(EntityQuery(text: "Alice")).items.first?.id })
        let carol = try #require(store.read { $0.entities(EntityQuery(text: "Carol")).items.first?.id })
        #expect(store.read { $0.entity(id: alice)?.mentionCount } == 2)
        #expect(try await store.delete(id: a.id))
        #expect(store.read { $0.entity(id: alice)?.mentionCount } == 1)
        #expect(store.read { $0.events(EventQuery(entity: alice)).items.count } == 1)
        #expect(store.read { $0.entity(id: carol)?.name } == "Carol")
        #expect(store.read { $0.indexesMatchRebuild() })
        #expect(try await store.delete(id: a.id) == false)
    }

    @Test("cursor paging neither skips nor repeats while articles are inserted")
    func cursorStableUnderInserts() async throws {
        let store = KnowledgeStore()
        for index in 0..<25 { _ = try await store.add(makeDocument("Original article \(index).")) }
        var seen: [String] = []
        var cursor: Cursor?
        var round = 0
        repeat {
            let page = store.read { $0.articles(ArticleQuery(limit: 10, cursor: cursor)) }
            seen += page.items.map(\.id)
            cursor = page.nextCursor.flatMap(Cursor.init(token:))
            // New arrivals between pages land before the first page, never inside the walk.
            _ = try await store.add(makeDocument("Inserted while paging \(round)."))
            round += 1
        } while cursor != nil
        #expect(seen.count == 25)
        #expect(Set(seen).count == 25)
        let originals = store.read { state in state.records.values.filter { $0.document.text.hasPrefix("Original") }.map(\.id) }
        #expect(Set(seen) == Set(originals))
    }

    @Test("event filters: type, entity, dates, text, and an event by id")
    func eventFilters() async throws {
        let store = KnowledgeStore()
        _ = try await store.add(makeDocument("Alice met Bob.", date: "2025-05-16", eventType: "MEET"))
        _ = try await store.add(makeDocument("Alice visited Paris.", date: "2024-01-02", eventType: "VISIT"))
        _ = try await store.add(makeDocument("Carol met Dave.", date: "2025-05-17", eventType: "MEET"))
        let alice = try #require(store.read { $0.entities(EntityQuery(text: "Alice")).items.first?.id })
        func texts(_ query: EventQuery) -> [String] {
            store.read { $0.events(query).items.compactMap(\.sentenceText) }
        }
        #expect(texts(EventQuery(type: "meet")) == ["Carol met Dave.", "Alice met Bob."])
        #expect(texts(EventQuery(entity: alice)) == ["Alice visited Paris.", "Alice met Bob."])
        #expect(texts(EventQuery(entity: alice, type: "MEET")) == ["Alice met Bob."])
        #expect(texts(EventQuery(from: "2025-05-01", to: "2025-05-16")) == ["Alice met Bob."])
        #expect(texts(EventQuery(text: "PARIS")) == ["Alice visited Paris."])
        let first = try #require(store.read { $0.events(EventQuery(limit: 1)).items.first })
        #expect(store.read { $0.event(id: first.id)?.sentenceText } == "Carol met Dave.")
        #expect(store.read { $0.event(id: "art_nothing.e0") } == nil)
    }

    @Test("across articles: spellings join one entity, same-surname people stay apart, context decides")
    func crossArticleResolution() async throws {
        let store = KnowledgeStore()
        func add(_ text: String, _ people: [(String, String)]) async throws {
            var document = makeDocument(text)
            document.entities = people.map { EntityMention(span: TextSpan(start: 0, end: 1), text: $0.0, type: .person, canonicalName: $0.1) }
            _ = try await store.add(document)
        }
        try await add("One.", [("Volodymyr Zelensky", "Volodymyr Zelensky"), ("Rustem Umerov", "Rustem Umerov")])
        try await add("Two.", [("Zelenskyy", "Volodymyr Zelenskyy"), ("Rustem Umyerov", "Rustem Umyerov")])
        try await add("Three.", [("Anna Umerova", "Anna Umerova"), ("Oleg Umerov", "Oleg Umerov")])
        try await add("Four.", [("Umerov", "Umerov"), ("Zelensky", "Zelensky")])
        let people = store.read { state in
            state.entities.entities.values.map { "\($0.name): \($0.aliases.keys.sorted().joined(separator: ", "))" }.sorted()
        }
        #expect(people == [
            "Anna Umerova: Anna Umerova",
            "Oleg Umerov: Oleg Umerov",
            "Rustem Umerov: Rustem Umerov, Rustem Umyerov, Umerov",
            "Volodymyr Zelensky: Volodymyr Zelensky, Zelensky, Zelenskyy",
        ])
        let found = store.read { $0.entities(EntityQuery(text: "zelenskiy")).items.map(\.name) }
        #expect(found == ["Volodymyr Zelensky"])
        let detail = try #require(store.read { state in state.entities(EntityQuery(text: "Zelensky")).items.first.flatMap { state.entity(id: $0.id) } })
        #expect(detail.coMentioned?.map(\.name) == ["Rustem Umerov"])
        #expect(detail.coMentioned?.first?.articles == 3)
    }

    @Test("entity search matches any alias, any case, best match first")
    func entitySearch() async throws {
        let store = KnowledgeStore()
        _ = try await store.add(makeDocument("Zelen met the press."))
        _ = try await store.add(makeDocument("Zelenskyy spoke."))
        let names = store.read { $0.entities(EntityQuery(text: "zelen")).items.map(\.name) }
        #expect(names == ["Zelen"])
    }

    @Test("the timeline orders events by when they happened, coarse periods first")
    func timelineOrder() async throws {
        let store = KnowledgeStore()
        var document = makeDocument("Alice met Bob.")
        document.events.append(EventMention(type: "VISIT", trigger: TextSpan(start: 0, end: 5), sentence: 0, time: "2022-02-24"))
        document.events.append(EventMention(type: "ANNEX", trigger: TextSpan(start: 0, end: 5), sentence: 0, time: "2014"))
        document.events.append(EventMention(type: "TALKS", trigger: TextSpan(start: 0, end: 5), sentence: 0, time: "2022-02"))
        guard case .created(let record) = try await store.add(document) else { Issue.record("expected created"); return }
        let types = store.read { $0.timeline(article: record.id)?.events.map(\.event.type) }
        #expect(types == ["ANNEX", "TALKS", "VISIT", "MEET"])
    }

    @Test("content hash ignores spacing and case")
    func contentHash() {
        #expect(ContentHash.of("A  b\nC") == ContentHash.of("a b c"))
        #expect(ContentHash.of("a b c") != ContentHash.of("a b d"))
        #expect(ContentHash.normalized("\r\n  Über\u{00A0}DIE  Brücke\t") == "über die brücke")
    }

    @Test("normalizing an ASCII text byte by byte gives what normalizing its characters does")
    func asciiNormalizing() {
        var random = SplitMix64(seed: 3)
        let alphabet = Array("aZ9 .,-'\"\t\n\r\u{0B}\u{0C}\u{1C}\u{7F}")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let characterWise = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(ContentHash.normalized(text) == characterWise, "\(Array(text.utf8))")
        }
    }

    @Test("TIMEX ranges cover their period", arguments: [
        ("2025", "2025-01-01", "2025-12-31"), ("2025-05", "2025-05-01", "2025-05-31"), ("2020-04", "2020-04-01", "2020-04-30"),
        ("2024-02", "2024-02-01", "2024-02-29"), ("2025-02", "2025-02-01", "2025-02-28"), ("1900-02", "1900-02-01", "1900-02-28"),
        ("2025-05-16T04:19", "2025-05-16", "2025-05-16"),
    ])
    func timexRanges(value: String, first: String, last: String) throws {
        let range = try #require(TimexRange(value: value))
        #expect(range.first == first)
        #expect(range.last == last)
    }

    @Test("reference and unknown values have no range", arguments: ["PAST_REF", "XXXX-XX-XX", "P3Y", "2025-W20", ""])
    func timexWithoutRange(value: String) {
        #expect(TimexRange(value: value) == nil)
    }
}
