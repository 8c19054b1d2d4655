import ChronicleKnowledge
import ChroniclePipeline
import Synchronization

/// The store once it is loaded. The server answers `/healthz` at once and everything that needs
/// the store with 503 until the snapshot and journal are loaded.
package final class StoreHolder: Sendable {
    private let loaded = Mutex<KnowledgeStore?>(nil)

    package init(_ store: KnowledgeStore? = nil) {
        loaded.withLock { $0 = store }
    }

    package func set(_ store: KnowledgeStore) { loaded.withLock { $0 = store } }

    package var isReady: Bool { loaded.withLock { $0 != nil } }

    /// The store, once loaded.
    package var current: KnowledgeStore? { loaded.withLock { $0 } }

    /// Reads the loaded store; an empty state while it is loading.
    package func read<T>(_ body: (StoreState) -> T) -> T {
        if let store = loaded.withLock({ $0 }) { return store.read(body) }
        return body(StoreState())
    }

    func store() throws(Problem) -> KnowledgeStore {
        guard let store = loaded.withLock({ $0 }) else {
            throw Problem.unavailable("the store is still loading its snapshot and journal; retry shortly")
        }
        return store
    }
}
