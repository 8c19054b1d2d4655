import ChronicleFoundation
import Testing

@Suite("Sequences")
struct SequenceFirstTests {
    @Test("the first few in an order, without sorting the rest")
    func firstFew() {
        var random = SplitMix64(seed: 3)
        let numbers = (0..<500).map { _ in random.below(1000) }
        for count in [0, 1, 8, 499, 500, 600] {
            #expect(numbers.first(count, by: <) == Array(numbers.sorted().prefix(count)), "\(count)")
            #expect(numbers.first(count, by: >) == Array(numbers.sorted(by: >).prefix(count)), "\(count)")
        }
    }
}
