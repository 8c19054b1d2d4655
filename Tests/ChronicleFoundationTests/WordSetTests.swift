import ChronicleFoundation
import ChronicleTestSupport
import Foundation
import Testing

@Suite("Word sets")
struct WordSetTests {
    @Test("a lower-case word list answers for lower-cased words; a capital is an error naming the file")
    func lowerCase() throws {
        let folder = ScratchDirectory.make("words")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("# verbs\nsaid\nsays\n".utf8).write(to: folder.appendingPathComponent("verbs.txt"))
        try Data("said\nSays\n".utf8).write(to: folder.appendingPathComponent("capital.txt"))
        let reader = ResourceReader(directory: folder)
        let verbs = try WordSet(reader: reader, path: "verbs.txt")
        #expect(verbs.contains("said") && verbs.contains("says") && !verbs.contains("Said"))
        #expect(throws: ResourceError(file: "capital.txt", problem: "'Says' is not lower case")) { try WordSet(reader: reader, path: "capital.txt") }
    }
}
