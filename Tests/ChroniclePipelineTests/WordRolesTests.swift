import ChronicleFoundation
import ChronicleTestSupport
import Foundation
import Testing

@testable import ChroniclePipeline

/// The word-role tables the temporal grammar, the tense cues and the argument finder are written
/// against: what a table answers, and the malformed tables it refuses.
@Suite("Word roles")
struct WordRolesTests {
    enum Role: String, WordRole {
        case article, shift, link
        var value: WordRoleValue {
            switch self {
            case .shift: .integer
            case .article, .link: .none
            }
        }
    }

    /// The table read from a file `roles.tsv` holding `text`.
    func table(_ text: String) throws(ResourceError) -> WordRoles<Role> {
        let folder = ScratchDirectory.make("roles")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: folder.appendingPathComponent("roles.tsv"))
        return try WordRoles(reader: ResourceReader(directory: folder), path: "roles.tsv")
    }

    @Test("words, values and phrases, the longest phrase first")
    func lookups() throws {
        let roles = try table("# a comment\nthe\tarticle\nago\tshift\t-1\nfrom now\tshift\t1\nto\tlink\n-\tlink\n")
        #expect(roles.has("the", .article) && !roles.has("the", .link) && !roles.has("a", .article))
        #expect(roles.int("ago", .shift) == -1)
        // A phrase is no one-word entry; it matches word by word.
        #expect(!roles.has("from now", .shift))
        let words = ["two", "days", "from", "now"]
        let word = { (index: Int) in words.indices.contains(index) ? words[index] : nil }
        #expect(roles.phrase(.shift, at: 2, word: word)?.end == 4)
        #expect(roles.phrase(.shift, at: 2, word: word)?.value == "1")
        #expect(roles.phrase(.shift, at: 3, word: word) == nil)
        #expect(roles.entries(.link) == ["to", "-"])
    }

    @Test("a malformed table is an error that names the file and the line", arguments: [
        ("the\tarticle\nago\tshift\t-1\nto\tlinks\n", 3, "'to' has unknown role 'links'"),
        ("the\tarticle\tyes\nago\tshift\t-1\nto\tlink\n", 1, "role 'article' takes no value"),
        ("the\tarticle\nago\tshift\tback\nto\tlink\n", 2, "role 'shift' needs a whole number"),
        ("the\tarticle\nago\tshift\t-1\nto\tlink\nthe\tarticle\n", 4, "'the' is given twice as 'article'"),
        ("the\tarticle\nago\tshift\t-1\tx\nto\tlink\n", 2, "4 columns, expected 2 or 3"),
    ])
    func malformed(text: String, line: Int, problem: String) {
        #expect(throws: ResourceError(file: "roles.tsv", line: line, problem: problem)) { try table(text) }
    }

    @Test("a role without words is an error: a rule would silently match nothing")
    func missingRole() {
        #expect(throws: ResourceError(file: "roles.tsv", problem: "no words for role 'link'")) { try table("the\tarticle\nago\tshift\t-1\n") }
    }

    @Test("the shipped tables load")
    func shipped() throws {
        _ = try TemporalGrammar.bundledWords.get()
        _ = try TenseCue.bundledWords.get()
        _ = try ArgumentFinder.bundledWords.get()
        #expect(try ReportingVerbs.bundled.get().contains("said"))
    }
}

@Suite("Word tables")
struct WordTableTests {
    @Test("a word finds its own value and nothing else does, whatever its case")
    func exactWords() {
        let table = WordTable(["the": 1, "May": 5, "mid-": 7])
        #expect(table["the"] == 1 && table["May"] == 5 && table["mid-"] == 7)
        #expect(table["The"] == nil && table["may"] == nil && table["mid"] == nil && table[""] == nil)
        let words = (0..<10_000).map { "w" + String($0) }
        let many = WordTable(Dictionary(uniqueKeysWithValues: words.prefix(5_000).enumerated().map { ($1, $0) }))
        #expect(words.indices.filter { many[words[$0]] != ($0 < 5_000 ? $0 : nil) } == [])
    }
}
