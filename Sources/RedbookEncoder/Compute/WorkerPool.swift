import Foundation
import Synchronization

/// Helper threads that wait by spinning, for the many small parallel steps of one short query.
///
/// A query runs about thirty parallel steps of 20–100 µs each. Handing each to a sleeping thread
/// costs a wake-up in the kernel every time; these helpers spin for a while after each step, so the
/// next one starts within a few hundred nanoseconds, and sleep only when no work comes for about
/// a millisecond.
///
/// One forward pass uses the pool at a time (``acquire()``); a concurrent caller that finds it
/// taken runs on its own thread instead.
final class WorkerPool: @unchecked Sendable {
    // `job` is written by the owner before `generation` is released and read by helpers after
    // they acquire the new generation; no other state is shared outside atomics.

    /// The pool for this process: a helper for each encoder worker beyond the caller.
    static let shared = WorkerPool(helpers: EmbeddingModel.workerCount - 1)

    /// Parts each step is cut into: the helpers and the calling thread.
    let parts: Int

    private let generation = Atomic<Int>(0)
    private let pending = Atomic<Int>(0)
    private let owned = Atomic<Bool>(false)
    private let sleepers: [Sleeper]
    private var job: (@Sendable (Int) -> Void)?
    /// The CPU each helper is pinned to; empty when the process may use fewer CPUs than parts.
    let helperCPUs: [Int]
    /// The owner's CPUs from before ``acquire()`` kept it off the helpers' ones.
    private var ownerAffinity: CoreAffinity?

    /// Spins before a helper sleeps; a spin is one atomic load, a few nanoseconds.
    private static let spinLimit = 200_000

    private init(helpers: Int) {
        parts = max(0, helpers) + 1
        sleepers = (0..<max(0, helpers)).map { _ in Sleeper() }
        let allowed = CoreAffinity.current()?.cpus ?? []
        helperCPUs = helpers > 0 && allowed.count > helpers ? Array(allowed.suffix(helpers)) : []
        for index in sleepers.indices {
            let thread = Thread { [unowned self] in self.serve(part: index + 1) }
            thread.name = "redbook-encoder-\(index + 1)"
            thread.start()
        }
    }

    /// Takes the pool for one forward pass; false when another pass holds it or there are no helpers.
    ///
    /// For the length of the pass the calling thread stays off the helpers' CPUs (see ``CoreAffinity``).
    func acquire() -> Bool {
        guard parts > 1, owned.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            return false
        }
        if !helperCPUs.isEmpty, let mine = CoreAffinity.current() {
            let own = mine.cpus
            let others = own.filter { !helperCPUs.contains($0) }
            if !others.isEmpty, others != own, mine.with(only: others).applyToCurrentThread() {
                ownerAffinity = mine
            }
        }
        return true
    }

    /// Gives the pool back after ``acquire()`` returned true, and the caller its CPUs.
    func release() {
        if let saved = ownerAffinity {
            saved.applyToCurrentThread()
            ownerAffinity = nil
        }
        owned.store(false, ordering: .releasing)
    }

    /// Runs `body(part)` for every part in `0..<parts`, part 0 on the calling thread, and returns when all are done.
    ///
    /// Only the thread that acquired the pool may call this.
    func run(_ body: @escaping @Sendable (Int) -> Void) {
        job = body
        pending.store(parts - 1, ordering: .relaxed)
        generation.add(1, ordering: .sequentiallyConsistent)
        for sleeper in sleepers { sleeper.wake() }
        body(0)
        var spins = 0
        while pending.load(ordering: .acquiring) > 0 {
            spins += 1
            // A helper that lost its core to another process: give the core back rather than spin on it.
            if spins > 10_000 { sched_yield() }
        }
        job = nil
    }

    /// Wakes sleeping helpers without giving them work, so a step that comes within their spin
    /// (about a millisecond) starts at once instead of after a wake-up in the kernel.
    func wakeHelpers() {
        for sleeper in sleepers { sleeper.wake() }
    }

    private func serve(part: Int) {
        let sleeper = sleepers[part - 1]
        if !helperCPUs.isEmpty { CoreAffinity.current()?.with(only: [helperCPUs[part - 1]]).applyToCurrentThread() }
        var seen = 0
        while true {
            var spins = 0
            var current = generation.load(ordering: .acquiring)
            while current == seen {
                spins += 1
                if spins > Self.spinLimit {
                    sleeper.sleep { self.generation.load(ordering: .sequentiallyConsistent) != seen }
                    spins = 0
                }
                current = generation.load(ordering: .acquiring)
            }
            seen = current
            job?(part)
            pending.subtract(1, ordering: .releasing)
        }
    }
}

/// One helper's way to sleep until woken, without losing a wake-up that races with falling asleep.
private final class Sleeper: @unchecked Sendable {
    // Only atomics and the semaphore, which are thread-safe themselves.
    private let asleep = Atomic<Bool>(false)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Sleeps unless `hasWork` turns true after announcing it; the announcement is what `wake` checks.
    func sleep(unless hasWork: () -> Bool) {
        asleep.store(true, ordering: .sequentiallyConsistent)
        if hasWork() {
            // Work came while announcing: if a waker already saw the announcement, it signalled; take that signal.
            if !asleep.exchange(false, ordering: .sequentiallyConsistent) { semaphore.wait() }
            return
        }
        semaphore.wait()
    }

    /// Wakes the helper if it sleeps or is about to.
    func wake() {
        if asleep.exchange(false, ordering: .sequentiallyConsistent) { semaphore.signal() }
    }
}
