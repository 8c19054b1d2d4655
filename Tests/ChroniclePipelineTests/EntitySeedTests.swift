import ChronicleTestSupport
import Foundation
import Testing

@testable import ChroniclePipeline

/// The people, places and organisations of the five seeds, each with its type and canonical
/// name, as the standard pipeline (trained tagger, gazetteers, context rules, canonicalization)
/// must find them: every one of them, and nothing else of these three types.
@Suite("Entities in the seeds", .enabled(if: SharedData.seedsAvailable, "../shared/seeds not found: seed entity tests skipped"))
struct EntitySeedTests {
    static let types: Set<EntityType> = [.person, .location, .organization]

    func entities(_ seed: String) throws -> [EntityMention] {
        try Pipeline.standard().run(.text(try SharedData.seedText(seed))).entities
    }

    /// "TYPE canonical name" of the people, places and organisations found.
    func found(_ entities: [EntityMention]) -> Set<String> {
        Set(entities.filter { Self.types.contains($0.type) }.map { "\($0.type.rawValue) \($0.canonicalName)" })
    }

    func roles(_ entities: [EntityMention]) -> Set<String> {
        Set(entities.compactMap { mention in
            mention.role.map { "\(mention.canonicalName): \($0)" + (mention.affiliation.map { " @ \($0)" } ?? "") }
        })
    }

    /// "spelling -> canonical name" of every mention of a type.
    func spellings(_ entities: [EntityMention], _ type: EntityType) -> Set<String> {
        Set(entities.filter { $0.type == type }.map { "\($0.text) -> \($0.canonicalName)" })
    }

    func expectExactly(_ expected: Set<String>, _ found: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(expected.subtracting(found).isEmpty, "missing: \(expected.subtracting(found).sorted())", sourceLocation: sourceLocation)
        #expect(found.subtracting(expected).isEmpty, "unexpected: \(found.subtracting(expected).sorted())", sourceLocation: sourceLocation)
    }

    @Test("Xinhua (000)")
    func xinhua() throws {
        let entities = try entities("000")
        expectExactly([
            "PERSON Vladimir Medinsky", "PERSON Rustem Umerov", "PERSON Hakan Fidan", "PERSON Putin", "PERSON Zelensky",
            "LOC Istanbul", "LOC Türkiye", "LOC Ukraine", "LOC Russia", "LOC Kremlin", "ORG Anadolu Agency",
        ], found(entities))
        #expect(roles(entities) == [
            "Rustem Umerov: Defense Minister @ Ukraine", "Hakan Fidan: Foreign Minister @ Türkiye",
            "Vladimir Medinsky: Presidential Aide",
        ])
        #expect(spellings(entities, .nationality) == ["Ukrainian -> Ukraine", "Turkish -> Türkiye", "Russian -> Russia"])
        #expect(spellings(entities, .person).isSuperset(of: ["Medinsky -> Vladimir Medinsky", "Umerov -> Rustem Umerov"]))
    }

    @Test("Shanghai Daily reprint (001): Turkey and Türkiye are one country")
    func shanghaiDaily() throws {
        let entities = try entities("001")
        expectExactly([
            "PERSON Vladimir Medinsky", "PERSON Rustem Umerov", "PERSON Hakan Fidan", "PERSON Putin", "PERSON Zelensky",
            "LOC Istanbul", "LOC Türkiye", "LOC Ukraine", "LOC Russia", "LOC Kremlin", "ORG Anadolu Agency",
        ], found(entities))
        #expect(spellings(entities, .location).contains("Turkey -> Türkiye"))
    }

    @Test("AFP (002): a lone Zelenskyy is a person, Zelensky the same one; Dolmabahçe Palace a place")
    func afp() throws {
        let entities = try entities("002")
        expectExactly([
            "PERSON Rustem Umerov", "PERSON Vladimir Putin", "PERSON Vladimir Medinsky", "PERSON Hakan Fidan",
            "PERSON Donald Trump", "PERSON Marco Rubio", "PERSON Keith Kellogg", "PERSON Tammy Bruce", "PERSON Zelenskyy",
            "LOC Istanbul", "LOC Türkiye", "LOC Ukraine", "LOC Russia", "LOC Kyiv", "LOC Moscow", "LOC Washington",
            "LOC Albania", "LOC France", "LOC Germany", "LOC United Kingdom", "LOC Poland", "LOC United States",
            "LOC Crimea", "LOC Kharkiv", "LOC Sumy", "LOC Donetsk", "LOC Luhansk", "LOC Kherson", "LOC Zaporizhzhya",
            "LOC Dolmabahçe Palace", "ORG State Department", "ORG AFP",
        ], found(entities))
        #expect(roles(entities).isSuperset(of: [
            "Vladimir Medinsky: top negotiator @ Russia", "Marco Rubio: Secretary of State @ United States",
            "Keith Kellogg: special envoy @ Trump", "Tammy Bruce: spokeswoman @ State Department",
        ]))
        #expect(spellings(entities, .person).isSuperset(of: [
            "Zelenskyy -> Zelenskyy", "Zelensky -> Zelenskyy", "Putin -> Vladimir Putin", "Rubio -> Marco Rubio", "Fidan -> Hakan Fidan",
        ]))
        #expect(spellings(entities, .location).isSuperset(of: ["Lugansk -> Luhansk", "Britain -> United Kingdom", "U.S. -> United States"]))
    }

    @Test("Reuters via RNZ (003): caption positions are no names; Napoleon is a person")
    func reuters() throws {
        let entities = try entities("003")
        expectExactly([
            "PERSON Vladimir Medinsky", "PERSON Hakan Fidan", "PERSON Marco Rubio", "PERSON Andriy Sybiga",
            "PERSON Vladimir Putin", "PERSON Volodymyr Zelensky", "PERSON Donald Trump", "PERSON Napoleon",
            "LOC Istanbul", "LOC Türkiye", "LOC Kyiv", "LOC Moscow", "LOC Kremlin", "LOC White House", "LOC United States",
            "LOC Ukraine", "LOC Russia", "LOC Europe", "LOC Vietnam", "LOC Dolmabahce", "ORG Foreign Ministry",
        ], found(entities))
        // "Ukraine-Russia peace talks" names both countries.
        #expect(spellings(entities, .location).isSuperset(of: ["Ukraine -> Ukraine", "Russia -> Russia", "US -> United States"]))
        #expect(roles(entities).isSuperset(of: ["Andriy Sybiga: Foreign Minister @ Ukraine", "Volodymyr Zelensky: President @ Ukraine"]))
    }

    @Test("Ukrainska Pravda (004): Zelenskyy and Umerov with their later short forms")
    func ukrainskaPravda() throws {
        let entities = try entities("004")
        let expected: Set<String> = [
            "PERSON Rustem Umerov", "PERSON Vladimir Medinsky", "PERSON Vladimir Putin", "PERSON Volodymyr Zelenskyy",
            "LOC Istanbul", "LOC Kyiv", "LOC Moscow", "LOC Ukraine", "LOC Russia", "ORG Suspilne",
        ]
        let found = found(entities)
        #expect(expected.subtracting(found).isEmpty, "missing: \(expected.subtracting(found).sorted())")
        withKnownIssue("the translator's gloss \"(Aspects. – Ed.)\" is tagged as an organisation") {
            #expect(found.subtracting(expected).isEmpty, "unexpected: \(found.subtracting(expected).sorted())")
        }
        #expect(spellings(entities, .person).isSuperset(of: ["Zelenskyy -> Volodymyr Zelenskyy", "Umerov -> Rustem Umerov"]))
    }
}
