import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs work on a thread with a large stack, waiting for it.
///
/// Parsing, operator folding and evaluation all recurse as deep as the code nests, and the
/// threads a caller happens to be on (a test runner's, a dispatch queue's) can have small
/// stacks. A dedicated thread makes the depth limits of the language, not of the caller's
/// thread, decide what a block may hold.
///
/// Starting a thread and mapping its stack costs about as much as running a small block, so
/// finished threads wait for the next job. A job that arrives while every thread is busy (a
/// step that runs a block, callers on several threads) gets a thread of its own, so no job
/// ever waits behind another.
enum LargeStack {
    /// 512 MiB of address space, reserved but only touched as deep as the work goes.
    static let size = 512 << 20
    /// Threads kept waiting beyond this many end when their job is done.
    static let idleLimit = 2

    private static let lock = NSLock()
    nonisolated(unsafe) private static var idle: [Worker] = []

    /// The value of `body`, computed on a thread with a large stack.
    static func run<T>(_ body: @escaping () -> T) -> T {
        var result: T?
        let finished = DispatchSemaphore(value: 0)
        let worker = lock.withLock { idle.popLast() } ?? Worker()
        worker.submit(Worker.Job(body: { result = body() }, finished: finished))
        finished.wait()
        return result!
    }

    /// Takes a worker back after its job; `false` tells it to end.
    fileprivate static func park(_ worker: Worker) -> Bool {
        lock.withLock {
            guard idle.count < idleLimit else { return false }
            idle.append(worker)
            return true
        }
    }
}

/// One large-stack thread that runs jobs one at a time.
private final class Worker: @unchecked Sendable {
    struct Job {
        let body: () -> Void
        let finished: DispatchSemaphore
    }

    private let condition = NSCondition()
    private var job: Job?

    init() {
        let thread = Thread { [self] in loop() }
        thread.stackSize = LargeStack.size
        thread.start()
    }

    func submit(_ job: Job) {
        condition.lock()
        self.job = job
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        var kept = true
        while kept {
            condition.lock()
            while job == nil { condition.wait() }
            let next = job!
            job = nil
            condition.unlock()
            next.body()
            StackPages.releaseDeep()
            // Parked before the caller wakes, so its next job finds this thread idle.
            kept = LargeStack.park(self)
            next.finished.signal()
        }
    }
}
