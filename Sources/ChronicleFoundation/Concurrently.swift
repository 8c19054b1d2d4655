import Foundation
import Synchronization

/// Work split across every core: `DispatchQueue.concurrentPerform`, with each piece's result
/// kept in its place.
package enum Concurrently {
    /// How many shares to split work on `count` items into: four a core, so that one slow share
    /// does not leave the other cores idle; one at least, never more than the items.
    package static func shares(of count: Int) -> Int {
        max(1, min(count, 4 * ProcessInfo.processInfo.activeProcessorCount))
    }

    /// `body` of every index in `0..<count`, on every core at once; the results in index order.
    package static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = body(index)
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// `map` of a throwing `body`: the first error in index order, once every piece is done.
    package static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        try map(count) { index in Result { try body(index) } }.map { try $0.get() }
    }
}
