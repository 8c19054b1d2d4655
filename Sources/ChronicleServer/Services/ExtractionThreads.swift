import Foundation
import NIOPosix
import Synchronization

/// Threads of their own for the pipeline. Extraction takes milliseconds of CPU per article; run on
/// Swift's cooperative pool (one thread per core), a burst of POSTs would hold every thread and
/// reads would queue behind it. On these threads, one core or more (`extractionThreads`) stays
/// free for reads and for the store, and the kernel shares the rest.
enum ExtractionThreads {
    private static let pools = Mutex<[Int: NIOThreadPool]>([:])

    /// One core less than the machine has, and at least one.
    static var defaultCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

    /// A started pool of `count` threads (0: `defaultCount`), shared by every service in the
    /// process that asks for as many (tests build many routers); it lives as long as the process.
    static func pool(count: Int) -> NIOThreadPool {
        let count = count > 0 ? count : defaultCount
        return pools.withLock { pools in
            if let pool = pools[count] { return pool }
            let pool = NIOThreadPool(numberOfThreads: count)
            pool.start()
            pools[count] = pool
            return pool
        }
    }
}
