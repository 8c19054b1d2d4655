import Foundation
import NIOPosix
import Synchronization

/// Threads of their own for the pipeline. Extraction takes milliseconds of CPU per article; run on
/// Swift's cooperative pool (one thread per core), a burst of POSTs would hold every thread and
/// reads would queue behind it. On these threads, one core or more (`extractionThreads`) stays
/// free for reads and for the store, and the kernel shares the rest. They also run at a lower
/// scheduling priority, so while a crawler floods the service a read waits for a core no longer
/// than a time slice.
enum ExtractionThreads {
    /// The nice value of an extraction thread: with 10 the kernel gives a normal thread about
    /// nine tenths of a contested core.
    static let niceness: Int32 = 10

    private static let pools = Mutex<[Int: NIOThreadPool]>([:])

    /// One core less than the machine has, and at least one.
    static var defaultCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount - 1) }

    /// Lowers the calling thread's priority to `niceness`. On Linux the nice value belongs to the
    /// thread, and `who` 0 names the caller, so the rest of the process keeps its priority. Called at the start of each job, since a
    /// pool's threads cannot be reached otherwise; the system call costs a microsecond.
    static func lowerCurrentThreadPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        #endif
    }

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
