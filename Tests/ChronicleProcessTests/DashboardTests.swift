import ChronicleTestSupport
import Foundation
import Testing

/// The built-in dashboard in a real browser, against the real service loaded with the seeds.
/// The story page is saved as a screenshot: into `CHRONICLE_SCREENSHOT_DIR` when that is set
/// (the README's picture is made so), else into the temporary directory.
@Suite(
    "Dashboard in headless Chromium", .serialized, .enabled(if: ServiceProcess.binaryAvailable, "chronicle binary not built"),
    .enabled(if: HeadlessChromium.executable != nil, "chromium not installed (Debian package chromium): dashboard test skipped"),
    .enabled(if: SharedData.seedsAvailable, "../shared/seeds not found: dashboard test skipped"))
struct DashboardTests {
    /// What the story page's timeline shows: its columns in order, each with its cards.
    static let readTimeline = """
        [...document.querySelectorAll('.timeline .column')].map((column) => ({
          time: column.dataset.time, label: column.querySelector('time').textContent, future: column.classList.contains('future'),
          events: [...column.querySelectorAll('a.event')].map((card) => ({
            type: card.dataset.type, sources: Number(card.dataset.sources), conflicts: card.dataset.conflicts,
            text: card.textContent, href: card.getAttribute('href') })) }))
        """

    @Test("the story page shows the talks on 16 May 2025 with five sources and the duration conflict; the event page shows both sides")
    func storyPage() async throws {
        let service = try ServiceProcess(dataDirectory: temporaryDirectory())
        defer { service.kill9() }
        try await service.waitUntilReady()
        for file in try SharedData.seedFiles() {
            let response = try await service.request("POST", "/v1/articles", body: try Data(contentsOf: file), contentType: "text/plain")
            #expect(response.status == 201)
        }
        let stories = try #require(try await service.request("GET", "/v1/stories").json()["items"] as? [[String: Any]])
        #expect(stories.count == 1)
        let story = try #require(stories.first?["id"] as? String)

        let browser = try HeadlessChromium(width: 1500, height: 1900)
        try await browser.open(
            service.baseURL + "/#/stories/\(story)", until: "document.body.dataset.view === 'story' && document.body.dataset.ready === 'true'")
        let columns = try #require(try await browser.evaluate(Self.readTimeline) as? [[String: Any]])
        let times = columns.map { $0["time"] as? String ?? "" }
        // The axis runs from the annexation to the talks, then to what was planned.
        let past = columns.filter { $0["future"] as? Bool == false }.map { $0["time"] as? String ?? "" }
        for (earlier, later) in zip(["2014", "2022-02-24", "2022-03", "2025-01", "2025-05-11"], ["2022-02-24", "2022-03", "2025-01", "2025-05-11", "2025-05-16"]) {
            let (first, second) = (try #require(past.firstIndex(of: earlier), "\(earlier) in \(past)"), try #require(past.firstIndex(of: later), "\(later) in \(past)"))
            #expect(first < second, "\(earlier) before \(later)")
        }
        let talksColumn = try #require(columns.first { $0["time"] as? String == "2025-05-16" && $0["future"] as? Bool == false })
        #expect(talksColumn["label"] as? String == "16 May 2025")
        let cards = try #require(talksColumn["events"] as? [[String: Any]])
        let talks = try #require(cards.first { $0["type"] as? String == "MEET" && ($0["conflicts"] as? String)?.contains("duration") == true })
        #expect(talks["sources"] as? Int == 5)
        let text = talks["text"] as? String ?? ""
        #expect(text.contains("5 sources · 4 independent"))
        #expect(text.contains("duration: 2 hours"))
        #expect(text.contains("vs 90 minutes"))
        // The planned exchange lies after the latest report.
        let future = columns.filter { $0["future"] as? Bool == true }.flatMap { $0["events"] as? [[String: Any]] ?? [] }
        #expect(future.contains { $0["type"] as? String == "EXCHANGE_PRISONERS" && ($0["text"] as? String)?.contains("planned") == true })
        let firstPlanned = try #require(columns.firstIndex { $0["future"] as? Bool == true })
        #expect(try #require(times.firstIndex(of: "2025-05-16")) < firstPlanned)

        let picture = try await browser.screenshot()
        #expect(picture.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(picture.count > 50_000, "a screenshot of a drawn page, not a blank one")
        let folder = ProcessInfo.processInfo.environment["CHRONICLE_SCREENSHOT_DIR"] ?? NSTemporaryDirectory()
        try picture.write(to: URL(fileURLWithPath: folder).appendingPathComponent("dashboard-story.png"))

        // The talks' own page: every report's sentence, and the two durations side by side.
        let href = try #require(talks["href"] as? String)
        try await browser.open(service.baseURL + "/" + href, until: "document.body.dataset.view === 'event' && document.body.dataset.ready === 'true'")
        let sides = try await browser.evaluate(
            "[...document.querySelectorAll('table.conflict-sides[data-attribute=duration] th')].map((cell) => cell.textContent)") as? [String]
        #expect(sides == ["2 hours", "90 minutes"])
        let reports = try await browser.evaluate("document.querySelectorAll('li.report mark.trigger').length") as? Int
        #expect((reports ?? 0) >= 5)
    }

    @Test("the stories page follows the live feed; a .txt file dropped on the form is submitted and comes back marked up")
    func liveListAndSubmitForm() async throws {
        let service = try ServiceProcess(dataDirectory: temporaryDirectory())
        defer { service.kill9() }
        try await service.waitUntilReady()
        let browser = try HeadlessChromium(width: 1200, height: 900)
        // An empty store; an article stored meanwhile appears through GET /v1/stream.
        try await browser.open(service.baseURL + "/#/", until: "document.body.dataset.view === 'stories' && document.body.dataset.ready === 'true'")
        try await browser.wait(until: "document.getElementById('live').textContent === 'live'")
        let posted = try await service.request(
            "POST", "/v1/articles", body: Data(#"{"text": "The council of Port Vale met on Tuesday and approved the budget.", "title": "Budget approved"}"#.utf8),
            contentType: "application/json")
        #expect(posted.status == 201)
        try await browser.wait(until: "document.querySelector('li.story.updated .title')?.textContent === 'Budget approved'")

        try await browser.open(service.baseURL + "/#/submit", until: "document.body.dataset.view === 'submit' && document.body.dataset.ready === 'true'")
        _ = try await browser.evaluate("""
            const dropped = new DataTransfer();
            dropped.items.add(new File(['Northland and Southland held talks in Geneva on Monday, officials said. The delegations later returned home.'], 'geneva-talks.txt', { type: 'text/plain' }));
            document.querySelector('form.submit').dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
            true
            """)
        try await browser.wait(until: "document.querySelector('textarea').value.startsWith('Northland and Southland')")
        let title = try await browser.evaluate("document.querySelector('input[name=title]').value") as? String
        #expect(title == "geneva-talks")
        _ = try await browser.evaluate("""
            document.querySelector('input[name=published_at]').value = '2026-03-04';
            document.querySelector('form.submit').requestSubmit(); true
            """)
        try await browser.wait(until: "document.querySelector('.result .annotated') !== null")
        let marks = try #require(try await browser.evaluate("""
            [...document.querySelectorAll('.result .annotated mark, .result .annotated a')].map((mark) => [mark.className, mark.textContent, mark.title])
            """) as? [[String]])
        #expect(marks.contains(["timex timex-DATE", "Monday", "DATE 2026-03-02"]))
        #expect(marks.contains(["trigger modality-asserted", "held talks", "MEET (asserted)"]))
        // An event the ontology has no type for goes by its lemma.
        #expect(marks.contains(["trigger modality-asserted", "returned", "return (asserted)"]))
        let listed = try await browser.evaluate("[...document.querySelectorAll('.result .event-list strong')].map((name) => name.textContent)") as? [String]
        #expect(listed == ["Meet", "Statement", "Return"])
        #expect(marks.contains { $0[0].hasPrefix("entity type-LOC") && $0[1] == "Geneva" })
        let stored = try #require(try await service.request("GET", "/v1/articles").json()["items"] as? [[String: Any]])
        #expect(stored.count == 2)
    }
}
