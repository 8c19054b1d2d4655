import Foundation
import Testing

@testable import ChroniclePipeline

/// Mentions at every occurrence of the given names, standing in for the tagger so these tests
/// check what the entity stage does with mentions, whatever a model finds.
struct FixedRecognizer: EntityRecognizer {
    let names: [(String, EntityType)]

    func entities(in document: ArticleDocument) -> [EntityMention] {
        let scalars = Array(document.text.unicodeScalars)
        var mentions: [EntityMention] = []
        // Longest names first, and no mention inside another, as a tagger's spans would be.
        for (name, type) in names.sorted(by: { $0.0.count > $1.0.count }) {
            let needle = Array(name.unicodeScalars)
            var start = 0
            while start + needle.count <= scalars.count {
                let boundaryBefore = start == 0 || !Character(scalars[start - 1]).isLetter
                let end = start + needle.count
                let boundaryAfter = end == scalars.count || !Character(scalars[end]).isLetter
                let span = TextSpan(start: start, end: end)
                if boundaryBefore, boundaryAfter, Array(scalars[start..<end]) == needle, !mentions.contains(where: { $0.span.overlaps(span) }) {
                    mentions.append(EntityMention(span: span, text: name, type: type))
                    start = end
                } else {
                    start += 1
                }
            }
        }
        return mentions.sorted { $0.span < $1.span }
    }
}

/// A small gazetteer written for the tests (the generated one is tested separately).
let testGazetteer = EntityGazetteer(entries: [
    "türkiye": [.init(kind: .country, canonical: "Türkiye", country: "Türkiye")],
    "turkey": [.init(kind: .country, canonical: "Türkiye", country: "Türkiye")],
    "turkish": [.init(kind: .demonym, canonical: "Türkiye", country: "Türkiye")],
    "ukraine": [.init(kind: .country, canonical: "Ukraine", country: "Ukraine")],
    "ukrainian": [.init(kind: .demonym, canonical: "Ukraine", country: "Ukraine")],
    "russia": [.init(kind: .country, canonical: "Russia", country: "Russia")],
    "moscow": [.init(kind: .capital, canonical: "Moscow", country: "Russia")],
    "US": [.init(kind: .country, canonical: "United States", country: "United States")],
    "kyiv": [.init(kind: .capital, canonical: "Kyiv", country: "Ukraine")],
    "kiev": [.init(kind: .capital, canonical: "Kyiv", country: "Ukraine")],
    "NATO": [.init(kind: .organization, canonical: "North Atlantic Treaty Organization", country: nil)],
], givenNames: ["anna", "carlos", "maria", "napoleon"])

@Suite("Entity stage: types, roles, canonical names")
struct EntityStageTests {
    func run(_ text: String, _ names: [(String, EntityType)]) throws -> ArticleDocument {
        let pipeline = Pipeline(stages: [try TextStage(), EntityStage(recognizer: FixedRecognizer(names: names), gazetteer: testGazetteer)])
        return try pipeline.run(.text(text))
    }

    func describe(_ document: ArticleDocument) -> [String] {
        document.entities.map { mention in
            var line = "\(mention.type.rawValue) \(mention.text) -> \(mention.canonicalName)"
            if let role = mention.role { line += " | \(role)" }
            if let affiliation = mention.affiliation { line += " @ \(affiliation)" }
            return line
        }
    }

    @Test("roles and affiliations from titles, nationalities, possessives and apposition")
    func roles() throws {
        let document = try run(
            """
            Ukrainian Defense Minister Rustem Umerov met Turkish Foreign Minister Hakan Fidan in Kyiv on Monday. \
            US Secretary of State Marco Rubio and Trump's special envoy Keith Kellogg joined them, said Anna Berg, \
            the head of the Ukrainian delegation. State Department spokeswoman Tammy Bruce confirmed it.
            """,
            [
                ("Rustem Umerov", .person), ("Hakan Fidan", .person), ("Marco Rubio", .person), ("Trump", .person),
                ("Keith Kellogg", .person), ("Anna Berg", .person), ("State Department", .organization), ("Tammy Bruce", .person),
                ("Kyiv", .location),
            ])
        #expect(describe(document) == [
            "NORP Ukrainian -> Ukraine @ Ukraine",
            "PERSON Rustem Umerov -> Rustem Umerov | Defense Minister @ Ukraine",
            "NORP Turkish -> Türkiye @ Türkiye",
            "PERSON Hakan Fidan -> Hakan Fidan | Foreign Minister @ Türkiye",
            "LOC Kyiv -> Kyiv",
            "LOC US -> United States",
            "PERSON Marco Rubio -> Marco Rubio | Secretary of State @ United States",
            "PERSON Trump -> Trump",
            "PERSON Keith Kellogg -> Keith Kellogg | special envoy @ Trump",
            "PERSON Anna Berg -> Anna Berg | head of delegation @ Ukraine",
            "NORP Ukrainian -> Ukraine @ Ukraine",
            "ORG State Department -> State Department",
            "PERSON Tammy Bruce -> Tammy Bruce | spokeswoman @ State Department",
        ])
    }

    @Test("later surnames and spelling variants join the full name; different first names do not")
    func withinArticleCoreference() throws {
        let document = try run(
            """
            Volodymyr Zelensky spoke to reporters in Kiev. Zelenskyy said talks were possible. \
            Vladimir Putin did not attend, and Putin's aide declined to comment. \
            Anna Putin, a teacher, was not related. Zelensky later left.
            """,
            [
                ("Volodymyr Zelensky", .person), ("Zelenskyy", .person), ("Vladimir Putin", .person), ("Putin", .person),
                ("Anna Putin", .person), ("Zelensky", .person),
            ])
        let people = document.entities.filter { $0.type == .person }.map { "\($0.text) -> \($0.canonicalName)" }
        #expect(people == [
            "Volodymyr Zelensky -> Volodymyr Zelensky", "Zelenskyy -> Volodymyr Zelensky",
            "Vladimir Putin -> Vladimir Putin", "Putin -> Vladimir Putin", "Anna Putin -> Anna Putin",
            "Zelensky -> Volodymyr Zelensky",
        ])
        // "Kiev" was not tagged by the recognizer: the gazetteer adds it, under its canonical name.
        #expect(document.entities.contains { $0.text == "Kiev" && $0.canonicalName == "Kyiv" && $0.type == .location })
    }

    @Test("a name that says something of \"he\" or \"she\" is a person's, whatever the tagger said; one that says \"it\" is left alone")
    func speakerOfHimself() throws {
        let document = try run(
            "Kowalczyk has previously said he would resign. Orlen said it would appeal.",
            [("Kowalczyk", .organization), ("Orlen", .organization)])
        #expect(describe(document) == ["PERSON Kowalczyk -> Kowalczyk", "ORG Orlen -> Orlen"])
    }

    @Test("countries under any spelling share one canonical name; nationality words are NORP")
    func places() throws {
        let document = try run(
            "Officials from Turkey met Ukrainians in Türkiye, as NATO watched from Moscow.", [("Turkey", .location), ("Türkiye", .location)])
        #expect(describe(document) == [
            "LOC Turkey -> Türkiye", "LOC Türkiye -> Türkiye", "ORG NATO -> North Atlantic Treaty Organization", "LOC Moscow -> Moscow",
        ])
    }

    @Test("name matching across transliterations", arguments: [
        ("Zelensky", "Zelenskyy", true), ("Umerov", "Umyerov", true), ("Zelenskiy", "Zelensky", true),
        ("Türkiye", "Turkiye", true), ("Kharkiv", "Harkiv", true), ("Putin", "Patel", false), ("Lee", "Li", false),
        ("Fidan", "Fadan", false), ("Sybiha", "Sybiga", true), ("Berg", "Borg", false),
    ])
    func transliteration(lhs: String, rhs: String, same: Bool) {
        #expect(NameMatcher.sameWord(lhs, rhs) == same)
    }

    @Test("people: surname variants with the same or no first name match; other first names do not")
    func samePerson() {
        #expect(NameMatcher.samePerson(["Volodymyr", "Zelensky"], ["Volodymyr", "Zelenskyy"]))
        #expect(NameMatcher.samePerson(["V.", "Putin"], ["Vladimir", "Putin"]))
        #expect(!NameMatcher.samePerson(["Anna", "Putin"], ["Vladimir", "Putin"]))
        #expect(NameMatcher.samePerson(["Putin"], ["Vladimir", "Putin"]))
    }

    @Test("context rules: caption positions, head nouns, plural titles, lists, descriptors, speakers with given names")
    func contextRules() throws {
        let document = try run(
            """
            Presidents Lopez and Brandt met at the Verano Palace (Center 2nd L) on Monday. \
            Talks covered Arvel, Belmor, Cantis and Dovra. The port city Tarsk was calm, as Napoleon said. Brandt left.
            """,
            [
                ("Lopez", .person), ("Brandt", .organization), ("Verano Palace", .person), ("Center", .person),
                ("Arvel", .location), ("Belmor", .location), ("Cantis", .organization), ("Dovra", .location),
                ("Tarsk", .organization), ("Napoleon", .organization),
            ])
        #expect(describe(document) == [
            "PERSON Lopez -> Lopez", "PERSON Brandt -> Brandt", "LOC Verano Palace -> Verano Palace",
            "LOC Arvel -> Arvel", "LOC Belmor -> Belmor", "LOC Cantis -> Cantis", "LOC Dovra -> Dovra",
            "LOC Tarsk -> Tarsk", "PERSON Napoleon -> Napoleon", "PERSON Brandt -> Brandt",
        ])
    }

    @Test("occurrences the recognizer missed: a person's other spelling, an organisation's name again")
    func propagation() throws {
        let document = try run(
            """
            Volodymyr Zelenskyy spoke for Suspilne. Zelensky had warned the Kremlin. Suspilne later confirmed it.
            """,
            [("Volodymyr Zelenskyy", .person), ("Suspilne", .organization)])
        #expect(describe(document).contains("PERSON Zelensky -> Volodymyr Zelenskyy"))
        #expect(document.entities.filter { $0.text == "Suspilne" }.count == 2)
    }

    @Test("two places joined by a hyphen are two mentions")
    func placePairs() throws {
        let document = try run("The Ukraine-Russia talks resumed.", [("Ukraine-Russia", .location)])
        #expect(describe(document) == ["LOC Ukraine -> Ukraine", "LOC Russia -> Russia"])
        #expect(document.entities.map(\.span) == [TextSpan(start: 4, end: 11), TextSpan(start: 12, end: 18)])
    }

    @Test("he and she resolve to the nearest reporting speaker, then the nearest person")
    func pronouns() throws {
        let document = try run(
            "Maria Lopez said the vote would go ahead. Carlos Ruiz attended. She also said turnout was high. He left early.",
            [("Maria Lopez", .person), ("Carlos Ruiz", .person)])
        func antecedent(_ word: String) -> String? {
            let index = document.tokens.firstIndex { $0.text == word }!
            return PronounResolver().antecedent(ofToken: index, in: document)
        }
        #expect(antecedent("She") == "Maria Lopez")
        #expect(antecedent("He") == "Carlos Ruiz")  // the speaker is out of the two-sentence window
        #expect(PronounResolver().antecedent(ofToken: 0, in: document) == nil)
    }
}

@Suite("Generated gazetteer")
struct GazetteerTests {
    let gazetteer = EntityGazetteer.shared

    @Test("spellings, abbreviations and nationality words lead to one canonical name", arguments: [
        ("Turkey", "Türkiye"), ("Türkiye", "Türkiye"), ("Kiev", "Kyiv"), ("Kyiv", "Kyiv"), ("U.S.", "United States"),
        ("US", "United States"), ("USA", "United States"), ("Britain", "United Kingdom"), ("UK", "United Kingdom"),
        ("NATO", "North Atlantic Treaty Organization"),
    ])
    func canonicalNames(alias: String, canonical: String) {
        #expect(gazetteer.canonicalName(for: alias) == canonical)
    }

    @Test("a look-up key: no dots, one space between words, short all-capital words kept, the rest lower case", arguments: [
        ("NATO", "NATO"), ("Nato", "nato"), ("U.S.", "US"), ("A B", "A B"), ("ABCDE", "abcde"), ("IBM Corp", "ibm corp"),
        ("New  York", "new york"), (" Paris ", "paris"), ("Côte d’Ivoire", "côte d'ivoire"), ("ÉU", "ÉU"), ("", ""),
    ])
    func lookupKeys(alias: String, key: String) {
        #expect(EntityGazetteer.lookupKey(alias) == key)
    }

    @Test("nationality words map to their country", arguments: [
        ("Ukrainian", "Ukraine"), ("Ukrainians", "Ukraine"), ("Turkish", "Türkiye"), ("American", "United States"),
        ("British", "United Kingdom"),
    ])
    func demonyms(word: String, country: String) {
        #expect(gazetteer.country(forDemonym: word) == country)
    }

    @Test("capitals know their country; lower-case words are not abbreviations")
    func capitalsAndCase() {
        #expect(gazetteer.best(for: "Moscow")?.kind == .capital)
        #expect(gazetteer.best(for: "Moscow")?.country == gazetteer.canonicalName(for: "Russia"))
        #expect(gazetteer.best(for: "us") == nil)
    }
}
