import Foundation
import Testing

@testable import ChroniclePipeline

/// The people, places and organisations of the five seeds, each with its type and canonical
/// name, as the standard pipeline (trained tagger, gazetteers, canonicalization) must find them.
@Suite("Entities in the seeds", .enabled(if: seedsAvailable, "../shared/seeds not found: seed entity tests skipped"))
struct EntitySeedTests {
    func found(_ seed: String) throws -> Set<String> {
        let document = try Pipeline.standard().run(.text(try Seeds.text(seed)))
        return Set(document.entities.map { "\($0.type.rawValue) \($0.canonicalName)" })
    }

    func roles(_ seed: String) throws -> Set<String> {
        let document = try Pipeline.standard().run(.text(try Seeds.text(seed)))
        return Set(document.entities.compactMap { mention in
            mention.role.map { "\(mention.canonicalName): \($0)" + (mention.affiliation.map { " @ \($0)" } ?? "") }
        })
    }

    @Test("Xinhua (000)")
    func xinhua() throws {
        let expected: Set<String> = [
            "PERSON Vladimir Medinsky", "PERSON Rustem Umerov", "PERSON Hakan Fidan", "PERSON Putin",
            "LOC Istanbul", "LOC Türkiye", "LOC Ukraine", "LOC Russian Federation", "LOC Kremlin",
            "ORG Anadolu Agency", "NORP Ukraine", "NORP Türkiye", "NORP Russian Federation",
        ]
        let found = try found("000")
        #expect(expected.subtracting(found).isEmpty, "missing: \(expected.subtracting(found).sorted())")
        #expect(try roles("000").isSuperset(of: [
            "Rustem Umerov: Defense Minister @ Ukraine", "Hakan Fidan: Foreign Minister @ Türkiye",
            "Vladimir Medinsky: Presidential Aide",
        ]))
    }

    @Test("Shanghai Daily reprint (001): Turkey and Türkiye are one country")
    func shanghaiDaily() throws {
        let found = try found("001")
        let expected: Set<String> = [
            "PERSON Vladimir Medinsky", "PERSON Rustem Umerov", "PERSON Hakan Fidan", "LOC Istanbul", "LOC Türkiye",
            "LOC Ukraine", "LOC Russian Federation", "ORG Anadolu Agency",
        ]
        #expect(expected.subtracting(found).isEmpty, "missing: \(expected.subtracting(found).sorted())")
    }

    @Test("AFP (002)")
    func afp() throws {
        let found = try found("002")
        let expected: Set<String> = [
            "PERSON Rustem Umerov", "PERSON Vladimir Putin", "PERSON Vladimir Medinsky", "PERSON Hakan Fidan",
            "PERSON Donald Trump", "PERSON Marco Rubio", "PERSON Keith Kellogg", "PERSON Tammy Bruce",
            "LOC Istanbul", "LOC Türkiye", "LOC Ukraine", "LOC Russian Federation", "LOC Kyiv", "LOC Moscow",
            "LOC Washington", "LOC Albania", "LOC France", "LOC Germany", "LOC United Kingdom", "LOC Poland",
            "LOC United States", "LOC Crimea", "LOC Kharkiv", "LOC Sumy", "LOC Donetsk", "LOC Luhansk",
            "ORG State Department", "ORG AFP",
        ]
        #expect(expected.subtracting(found).isEmpty, "missing: \(expected.subtracting(found).sorted())")
        #expect(try roles("002").isSuperset(of: [
            "Vladimir Medinsky: top negotiator @ Russian Federation", "Marco Rubio: Secretary of State @ United States",
            "Keith Kellogg: special envoy @ Trump", "Tammy Bruce: spokeswoman @ State Department",
        ]))
    }

    @Test("Reuters via RNZ (003)")
    func reuters() throws {
        let found = try found("003")
        let expected: Set<String> = [
            "PERSON Vladimir Medinsky", "PERSON Hakan Fidan", "PERSON Marco Rubio", "PERSON Andriy Sybiga",
            "PERSON Vladimir Putin", "PERSON Volodymyr Zelensky", "PERSON Donald Trump", "LOC Istanbul", "LOC Türkiye",
            "LOC Kyiv", "LOC Moscow", "LOC Kremlin", "LOC White House", "LOC United States", "ORG Foreign Ministry",
        ]
        #expect(expected.subtracting(found).isEmpty, "missing: \(expected.subtracting(found).sorted())")
    }

    @Test("Ukrainska Pravda (004): Zelenskyy and Umerov with their later short forms")
    func ukrainskaPravda() throws {
        let found = try found("004")
        let expected: Set<String> = [
            "PERSON Rustem Umerov", "PERSON Vladimir Medinsky", "PERSON Vladimir Putin", "PERSON Volodymyr Zelenskyy",
            "LOC Istanbul", "LOC Kyiv", "LOC Moscow", "LOC Ukraine", "LOC Russian Federation", "ORG Suspilne",
        ]
        #expect(expected.subtracting(found).isEmpty, "missing: \(expected.subtracting(found).sorted())")
    }
}
