import ChronicleFoundation
import Testing

@Suite("Work on every core")
struct ConcurrentlyTests {
    struct Failure: Error, Equatable {
        let index: Int
    }

    @Test("results in index order; a throwing body gives the first error in index order; shares bounded by the items")
    func mapInOrder() throws {
        #expect(Concurrently.map(1000) { $0 * $0 } == (0..<1000).map { $0 * $0 })
        #expect(Concurrently.map(0) { $0 }.isEmpty)
        #expect(throws: Failure(index: 3)) {
            try Concurrently.map(100) { index throws in
                if index == 3 || index == 70 { throw Failure(index: index) }
                return index
            }
        }
        #expect(Concurrently.shares(of: 0) == 1)
        #expect(Concurrently.shares(of: 2) == 2)
        #expect(Concurrently.shares(of: 1_000_000) >= 4)
    }
}
