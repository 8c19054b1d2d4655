import Foundation
import Metrics
import NIOCore
import Synchronization

/// Encoded JSON answers to reads, kept while the store has not changed since.
///
/// A dashboard polls the same few URLs over and over, and between two changes of the store every
/// poll would get the same bytes; encoding them was most of a read's cost. An answer is kept with
/// the store version it was read at (`KnowledgeStore.version`) and served only while the version
/// is still that, so a reader never sees a state older than the newest acknowledged write. Each
/// answer also carries an `ETag`, so a client that sends it back in `If-None-Match` gets a 304.
final class ResponseCache: Sendable {
    struct Answer: Sendable {
        let body: ByteBuffer
        let etag: String
    }

    private struct Entry {
        let store: ObjectIdentifier
        let version: UInt64
        let answer: Answer
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    /// Bounds: answers kept, their bytes, and the largest answer worth keeping.
    let maxEntries: Int
    let maxBytes: Int
    let maxAnswerBytes: Int
    /// Distinguishes this process's tags from those of an earlier one at the same version.
    private let epoch = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    init(maxEntries: Int = 512, maxBytes: Int = 32 << 20, maxAnswerBytes: Int = 1 << 20) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
        self.maxAnswerBytes = maxAnswerBytes
    }

    /// The answer kept for `key`, if it was read at `version` of `store`.
    func answer(for key: String, store: ObjectIdentifier, version: UInt64) -> Answer? {
        let found = state.withLock { state -> Answer? in
            guard let entry = state.entries[key], entry.store == store, entry.version == version else { return nil }
            return entry.answer
        }
        Counter(label: found != nil ? "chronicle_response_cache_hits_total" : "chronicle_response_cache_misses_total").increment()
        return found
    }

    /// Keeps `body`, read at `version`, and returns it with its tag. Answers of older versions
    /// can never be served again; they are dropped first when the cache is full.
    func keep(_ body: ByteBuffer, for key: String, store: ObjectIdentifier, version: UInt64) -> Answer {
        let answer = Answer(body: body, etag: "W/\"\(epoch)-\(version)\"")
        guard body.readableBytes <= maxAnswerBytes else { return answer }
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.answer.body.readableBytes }
            if state.entries.count >= maxEntries || state.bytes + body.readableBytes > maxBytes {
                state.entries = state.entries.filter { $0.value.store == store && $0.value.version >= version }
                state.bytes = state.entries.values.reduce(0) { $0 + $1.answer.body.readableBytes }
            }
            // Still full of current answers: start again rather than track which is oldest.
            if state.entries.count >= maxEntries || state.bytes + body.readableBytes > maxBytes {
                state.entries = [:]
                state.bytes = 0
            }
            state.entries[key] = Entry(store: store, version: version, answer: answer)
            state.bytes += body.readableBytes
        }
        return answer
    }
}
