import Dispatch
import Foundation

/// Runs work on a thread with a large stack, waiting for it.
///
/// Parsing, operator folding and evaluation all recurse as deep as the code nests, and the
/// threads a caller happens to be on (a test runner's, a dispatch queue's) can have small
/// stacks. A dedicated thread makes the depth limits of the language, not of the caller's
/// thread, decide what a block may hold.
enum LargeStack {
    /// 512 MiB of address space, reserved but only touched as deep as the work goes.
    static let size = 512 << 20

    private final class Job<T>: @unchecked Sendable {
        let body: () -> T
        var result: T?
        let finished = DispatchSemaphore(value: 0)

        init(_ body: @escaping () -> T) {
            self.body = body
        }
    }

    /// The value of `body`, computed on a thread with a large stack.
    static func run<T>(_ body: @escaping () -> T) -> T {
        let job = Job(body)
        let thread = Thread {
            job.result = job.body()
            job.finished.signal()
        }
        thread.stackSize = size
        thread.start()
        job.finished.wait()
        return job.result!
    }
}
