import Testing

@testable import ChroniclePipeline

/// Arguments from clause structure, on sentences written for the test, through the bundled
/// tagger and chunker.
@Suite struct ClauseArgumentsTests {
    static func arguments(_ sentence: String, of trigger: String) throws -> [String] {
        let parser = try ShallowParser.bundled.get()
        let finder = try ClauseArguments.bundled.get()
        let parsed = parser.parse(sentence.split(separator: " ").map(String.init))
        let index = try #require(parsed.words.firstIndex(of: trigger))
        return finder.arguments(of: index, in: parsed).map { "\($0.role.rawValue): " + parsed.words[$0.tokens].joined(separator: " ") }
    }

    static func check(_ sentence: String, _ trigger: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let found = try arguments(sentence, of: trigger)
        #expect(found == expected, sourceLocation: sourceLocation)
    }

    @Test("subject, object and place of an active verb")
    func active() throws {
        try Self.check("Russia and Ukraine agreed to a swap in Istanbul on Friday .", "agreed", [
            "agent: Russia and Ukraine", "place: Istanbul",
        ])
        try Self.check("The regulator fined two banks in London .", "fined", [
            "agent: The regulator", "patient: two banks", "place: London",
        ])
        try Self.check("Putin sent a mid-level delegation to Istanbul .", "sent", [
            "agent: Putin", "patient: a mid-level delegation", "recipient: Istanbul",
        ])
    }

    @Test("a passive verb's subject is its patient and the by-phrase its agent")
    func passive() throws {
        try Self.check("The prisoners were released by the rebels in Goma .", "released", [
            "patient: The prisoners", "agent: the rebels", "place: Goma",
        ])
    }

    @Test("a relative clause's verb takes the name before the pronoun as its subject")
    func relativeClause() throws {
        try Self.check("Erdogan met Putin , who had proposed the talks .", "proposed", [
            "agent: Putin", "patient: the talks",
        ])
        try Self.check("Erdogan met Putin - who had proposed the talks - on Friday .", "proposed", [
            "agent: Putin", "patient: the talks",
        ])
    }

    @Test("an aside between dashes stands between a subject and its verb")
    func aside() throws {
        try Self.check("The mayor - who had promised the bridge but never said when - opened it on Friday .", "opened", [
            "agent: The mayor", "patient: it",
        ])
    }

    @Test("an event noun takes its arguments from its own phrase")
    func nounEvents() throws {
        try Self.check("Kyiv rejected Putin 's proposal .", "proposal", ["agent: Putin"])
        try Self.check("The swap of 1,000 prisoners between Russia and Ukraine ended .", "swap", [
            "theme: 1,000 prisoners", "participant: Russia and Ukraine",
        ])
    }
}
