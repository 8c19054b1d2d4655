import ChronicleTestSupport
import Foundation
import Testing

@testable import ChroniclePipeline

/// The people, places and organisations one seed must yield.
struct SeedEntities: Sendable, CustomTestStringConvertible {
    var seed, name: String
    /// "TYPE canonical name" of every person, place and organisation.
    var entities: Set<String>
    /// Why further entities are a known issue for now.
    var knownIssue: Comment? = nil
    /// "name: role @ affiliation": at least these, or exactly these with `onlyRoles`.
    var roles: Set<String> = [], onlyRoles = false
    /// "spelling -> canonical name": at least these people and places; exactly these nationalities, when given.
    var people: Set<String> = [], places: Set<String> = [], nationalities: Set<String>? = nil
    var testDescription: String { "\(seed) \(name)" }
}

/// The people, places and organisations of the five seeds, each with its type and canonical
/// name, as the standard pipeline (trained tagger, gazetteers, context rules, canonicalization)
/// must find them: every one of them, and nothing else of these three types.
@Suite("Entities in the seeds", .enabled(if: SharedData.seedsAvailable, "../shared/seeds not found: seed entity tests skipped"))
struct EntitySeedTests {
    static let types: Set<EntityType> = [.person, .location, .organization]

    static let seeds: [SeedEntities] = [
        SeedEntities(seed: "000", name: "Xinhua",
            entities: [
                "PERSON Vladimir Medinsky", "PERSON Rustem Umerov", "PERSON Hakan Fidan", "PERSON Putin", "PERSON Zelensky",
                "LOC Istanbul", "LOC Türkiye", "LOC Ukraine", "LOC Russia", "LOC Kremlin", "ORG Anadolu Agency",
            ],
            roles: [
                "Rustem Umerov: Defense Minister @ Ukraine", "Hakan Fidan: Foreign Minister @ Türkiye",
                "Vladimir Medinsky: Presidential Aide",
            ],
            onlyRoles: true,
            people: ["Medinsky -> Vladimir Medinsky", "Umerov -> Rustem Umerov"],
            nationalities: ["Ukrainian -> Ukraine", "Turkish -> Türkiye", "Russian -> Russia"]),
        SeedEntities(seed: "001", name: "Shanghai Daily reprint: Turkey and Türkiye are one country",
            entities: [
                "PERSON Vladimir Medinsky", "PERSON Rustem Umerov", "PERSON Hakan Fidan", "PERSON Putin", "PERSON Zelensky",
                "LOC Istanbul", "LOC Türkiye", "LOC Ukraine", "LOC Russia", "LOC Kremlin", "ORG Anadolu Agency",
            ],
            places: ["Turkey -> Türkiye"]),
        SeedEntities(seed: "002", name: "AFP: a lone Zelenskyy is a person, Zelensky the same one; Dolmabahçe Palace a place",
            entities: [
                "PERSON Rustem Umerov", "PERSON Vladimir Putin", "PERSON Vladimir Medinsky", "PERSON Hakan Fidan",
                "PERSON Donald Trump", "PERSON Marco Rubio", "PERSON Keith Kellogg", "PERSON Tammy Bruce", "PERSON Zelenskyy",
                "LOC Istanbul", "LOC Türkiye", "LOC Ukraine", "LOC Russia", "LOC Kyiv", "LOC Moscow", "LOC Washington",
                "LOC Albania", "LOC France", "LOC Germany", "LOC United Kingdom", "LOC Poland", "LOC United States",
                "LOC Crimea", "LOC Kharkiv", "LOC Sumy", "LOC Donetsk", "LOC Luhansk", "LOC Kherson", "LOC Zaporizhzhya",
                "LOC Dolmabahçe Palace", "ORG State Department", "ORG AFP",
            ],
            roles: [
                "Vladimir Medinsky: top negotiator @ Russia", "Marco Rubio: Secretary of State @ United States",
                "Keith Kellogg: special envoy @ Trump", "Tammy Bruce: spokeswoman @ State Department",
            ],
            people: ["Zelenskyy -> Zelenskyy", "Zelensky -> Zelenskyy", "Putin -> Vladimir Putin", "Rubio -> Marco Rubio", "Fidan -> Hakan Fidan"],
            places: ["Lugansk -> Luhansk", "Britain -> United Kingdom", "U.S. -> United States"]),
        SeedEntities(seed: "003", name: "Reuters via RNZ: caption positions are no names; Napoleon is a person",
            entities: [
                "PERSON Vladimir Medinsky", "PERSON Hakan Fidan", "PERSON Marco Rubio", "PERSON Andriy Sybiga",
                "PERSON Vladimir Putin", "PERSON Volodymyr Zelensky", "PERSON Donald Trump", "PERSON Napoleon",
                "LOC Istanbul", "LOC Türkiye", "LOC Kyiv", "LOC Moscow", "LOC Kremlin", "LOC White House", "LOC United States",
                "LOC Ukraine", "LOC Russia", "LOC Europe", "LOC Vietnam", "LOC Dolmabahce", "ORG Foreign Ministry",
            ],
            roles: ["Andriy Sybiga: Foreign Minister @ Ukraine", "Volodymyr Zelensky: President @ Ukraine"],
            // "Ukraine-Russia peace talks" names both countries.
            places: ["Ukraine -> Ukraine", "Russia -> Russia", "US -> United States"]),
        SeedEntities(seed: "004", name: "Ukrainska Pravda: Zelenskyy and Umerov with their later short forms",
            entities: [
                "PERSON Rustem Umerov", "PERSON Vladimir Medinsky", "PERSON Vladimir Putin", "PERSON Volodymyr Zelenskyy",
                "LOC Istanbul", "LOC Kyiv", "LOC Moscow", "LOC Ukraine", "LOC Russia", "ORG Suspilne",
            ],
            people: ["Zelenskyy -> Volodymyr Zelenskyy", "Umerov -> Rustem Umerov"]),
    ]

    func roles(_ entities: [EntityMention]) -> Set<String> {
        Set(entities.compactMap { mention in
            mention.role.map { "\(mention.canonicalName): \($0)" + (mention.affiliation.map { " @ \($0)" } ?? "") }
        })
    }

    /// "spelling -> canonical name" of every mention of a type.
    func spellings(_ entities: [EntityMention], _ type: EntityType) -> Set<String> {
        Set(entities.filter { $0.type == type }.map { "\($0.text) -> \($0.canonicalName)" })
    }

    @Test(arguments: seeds)
    func seed(_ expected: SeedEntities) throws {
        let entities = try Pipeline.standard().run(.text(try SharedData.seedText(expected.seed))).entities
        let found = Set(entities.filter { Self.types.contains($0.type) }.map { "\($0.type.rawValue) \($0.canonicalName)" })
        #expect(expected.entities.subtracting(found).isEmpty, "missing: \(expected.entities.subtracting(found).sorted())")
        withKnownIssue(expected.knownIssue) {
            #expect(found.subtracting(expected.entities).isEmpty, "unexpected: \(found.subtracting(expected.entities).sorted())")
        } when: { expected.knownIssue != nil }
        if expected.onlyRoles {
            #expect(roles(entities) == expected.roles)
        } else {
            #expect(roles(entities).isSuperset(of: expected.roles))
        }
        #expect(spellings(entities, .person).isSuperset(of: expected.people))
        #expect(spellings(entities, .location).isSuperset(of: expected.places))
        if let nationalities = expected.nationalities {
            #expect(spellings(entities, .nationality) == nationalities)
        }
    }
}
