import ChronicleTestSupport
import Foundation
import Testing

@testable import ChroniclePipeline

/// Looks for an event by what it must have; any further actors or fields are allowed.
struct EventExpectation: Sendable, CustomStringConvertible {
    var type: String
    var roles: [String: Set<String>] = [:]
    var place: String?
    var time: String?
    var modality: Modality?
    var reportedBy: String?
    var quantity: (Double, String)?

    func matches(_ event: EventMention) -> Bool {
        guard event.type == type else { return false }
        for (role, names) in roles where !names.isSubset(of: Set(event.actors.filter { $0.role == role }.map(\.name))) { return false }
        if let place, event.place != place { return false }
        if let time, event.time != time { return false }
        if let modality, event.modality != modality { return false }
        if let reportedBy, event.reportedBy != reportedBy { return false }
        if let (value, counted) = quantity, !event.quantities.contains(where: { $0.value == value && $0.counted == counted }) { return false }
        return true
    }

    var description: String { "\(type) \(roles) \(place ?? "-") \(time ?? "-") \(modality.map(\.rawValue) ?? "-")" }
}

func describeEvents(_ document: ArticleDocument) -> [String] {
    document.events.map { event in
        "\(event.type) '\(document.text(of: event.trigger))' \(event.actors.map { "\($0.role):\($0.name)" }) \(event.place ?? "-") \(event.time ?? "-") \(event.modality.rawValue)"
    }
}

/// The events one seed must have; further events are allowed.
struct SeedEvents: Sendable, CustomTestStringConvertible {
    var seed, name: String
    var events: [EventExpectation]
    var testDescription: String { "\(seed) \(name)" }
}

/// The events the issue lists for the five seeds, each with its type, actors, place, date and
/// modality.
@Suite("Events in the seeds", .enabled(if: SharedData.seedsAvailable, "../shared/seeds not found: seed event tests skipped"))
struct EventSeedTests {
    static let seeds: [SeedEvents] = [
        SeedEvents(seed: "000", name: "Xinhua: the Istanbul talks, Fidan chairing, the planned exchange, Putin's proposal, March 2022",
            events: [
                EventExpectation(type: "MEET", roles: ["participant": ["Russia", "Ukraine"]], place: "Istanbul", time: "2025-05-16", modality: .asserted),
                EventExpectation(type: "AGREE", roles: ["participant": ["Russia", "Ukraine"]], time: "2025-05-16", modality: .asserted),
                EventExpectation(type: "MEET", roles: ["mediator": ["Hakan Fidan"]]),
                EventExpectation(type: "EXCHANGE_PRISONERS", modality: .planned, quantity: (1000, "people")),
                EventExpectation(type: "ACKNOWLEDGE", roles: ["agent": ["Russia"]]),
                EventExpectation(type: "PROPOSE", roles: ["agent": ["Putin"]], time: "2025-05-11", modality: .asserted),
                EventExpectation(type: "MEET", roles: ["participant": ["Ukraine"]], time: "2025-05-11", modality: .proposed),
                EventExpectation(type: "MEET", roles: ["participant": ["Ukraine", "Russia"]], place: "Istanbul", time: "2022-03", modality: .asserted),
                EventExpectation(type: "STATEMENT", roles: ["agent": ["Vladimir Medinsky"]]),
                EventExpectation(type: "PROPOSE", roles: ["agent": ["Ukraine"]], modality: .reported, reportedBy: "Vladimir Medinsky"),
            ]),
        SeedEvents(seed: "002", name: "AFP: the agreement and exchange, Türkiye mediating, the invasion, the remains, the phone call with Trump",
            events: [
                EventExpectation(type: "AGREE", roles: ["participant": ["Ukraine", "Russia"]], time: "2025-05-16", modality: .asserted),
                EventExpectation(type: "EXCHANGE_PRISONERS", modality: .planned, quantity: (1000, "prisoners")),
                EventExpectation(type: "MEET", roles: ["mediator": ["Türkiye"], "participant": ["Rustem Umerov"]]),
                EventExpectation(type: "MEET", modality: .planned),
                EventExpectation(type: "INVADE", roles: ["agent": ["Russia"]], time: "2022-02-24", modality: .asserted),
                EventExpectation(type: "RETURN_REMAINS", roles: ["agent": ["Russia"], "recipient": ["Ukraine"]], modality: .reported, reportedBy: "Ukraine", quantity: (909, "soldiers")),
                EventExpectation(type: "RETURN_REMAINS", quantity: (34, "bodies")),
                EventExpectation(type: "MEET", roles: ["participant": ["Vladimir Putin", "Zelenskyy"]], modality: .demanded),
                EventExpectation(
                    type: "CALL", roles: ["participant": ["Ukraine", "France", "Germany", "United Kingdom", "Poland", "Donald Trump"]],
                    time: "2025-05-16", modality: .asserted),
                EventExpectation(type: "ANNEX", roles: ["agent": ["Russia"], "patient": ["Crimea"]], time: "2014", modality: .asserted),
                EventExpectation(type: "ANNEX", roles: ["agent": ["Russia"], "patient": ["Ukraine"]], modality: .reported, reportedBy: "Russia"),
                EventExpectation(type: "INVADE", roles: ["agent": ["Russia"]], time: "2022"),
                EventExpectation(type: "DEMAND", roles: ["agent": ["Ukraine"]]),
            ]),
        SeedEvents(seed: "003", name: "Reuters: the coming exchange, the 2022 invasion, Trump back in the White House",
            events: [
                EventExpectation(type: "EXCHANGE_PRISONERS", time: "FUTURE_REF", modality: .planned, reportedBy: "Vladimir Medinsky"),
                EventExpectation(type: "INVADE", roles: ["agent": ["Vladimir Putin"], "patient": ["Ukraine"]], time: "2022", modality: .asserted),
                EventExpectation(type: "APPOINT", roles: ["agent": ["Donald Trump"]], time: "2025-01", modality: .asserted),
                EventExpectation(type: "MEET", roles: ["participant": ["Donald Trump"]], modality: .negated),
                EventExpectation(type: "AGREE", roles: ["participant": ["Russia", "Ukraine"]], modality: .reported, reportedBy: "Vladimir Medinsky"),
            ]),
        SeedEvents(seed: "004", name: "Ukrainska Pravda: the 1,000-for-1,000 exchange",
            events: [
                EventExpectation(type: "EXCHANGE_PRISONERS", roles: ["participant": ["Ukraine", "Russia"]], quantity: (1000, "prisoner")),
                EventExpectation(type: "MEET", place: "Istanbul", time: "2025-05-16", modality: .asserted),
            ]),
    ]

    func document(_ seed: String) throws -> ArticleDocument {
        try Pipeline.standard().run(.text(try SharedData.seedText(seed)))
    }

    @Test(arguments: seeds)
    func seed(_ expected: SeedEvents) throws {
        let document = try document(expected.seed)
        for event in expected.events {
            #expect(document.events.contains { event.matches($0) }, "missing \(event) in \(describeEvents(document))")
        }
    }

    @Test("AFP (002): Medinsky's and Tammy Bruce's quotations")
    func afpQuotations() throws {
        let document = try document("002")
        #expect(document.quotations.filter { $0.text.hasPrefix("Overall, we are satisfied") }.map(\.speaker) == ["Vladimir Medinsky"])
        #expect(document.quotations.first { $0.text.hasPrefix("the killing needs to stop") }?.speaker == "Tammy Bruce")
    }

    @Test("Reuters (003): every quotation of the article is Medinsky's")
    func reutersQuotations() throws {
        let document = try document("003")
        #expect(document.quotations.count == 4)
        #expect(Set(document.quotations.compactMap(\.speaker)) == ["Vladimir Medinsky"])
        #expect(document.quotations.map(\.verb) == ["said", "added", "said", "said"])
    }
}
