import Foundation
import Synchronization
import Testing
@testable import RedbookEncoder

/// The spinning helper threads: every part runs once per step, and one pass holds the pool at a time.
@Suite struct WorkerPoolTests {
    @Test func everyPartRunsExactlyOncePerStep() {
        let pool = WorkerPool.shared
        // Another test's forward pass may hold the pool for a moment.
        while !pool.acquire() { sched_yield() }
        defer { pool.release() }
        let counts = Counts(parts: pool.parts)
        for step in 0..<2_000 {
            pool.run { part in counts.bump(part) }
            // Runs return only when all parts are done, so every count is already up to date here.
            #expect(counts.values.allSatisfy { $0 == step + 1 }, "step \(step): \(counts.values)")
            if counts.values.contains(where: { $0 != step + 1 }) { break }
        }
    }

    @Test func onePassHoldsThePoolAtATime() {
        let pool = WorkerPool.shared
        #expect(pool.parts == min(8, ProcessInfo.processInfo.activeProcessorCount))
        guard pool.parts > 1 else {
            #expect(!pool.acquire(), "a pool without helpers is never handed out")
            return
        }
        // Wait for any other test's pass to finish, then hold the pool.
        while !pool.acquire() { sched_yield() }
        #expect(!pool.acquire())
        pool.release()
        #expect(pool.acquire())
        pool.release()
    }
}

/// One counter per part, bumped by whichever thread runs that part.
private final class Counts: Sendable {
    private let slots: Mutex<[Int]>

    init(parts: Int) {
        slots = Mutex(Array(repeating: 0, count: parts))
    }

    func bump(_ part: Int) {
        slots.withLock { $0[part] += 1 }
    }

    var values: [Int] { slots.withLock { $0 } }
}
