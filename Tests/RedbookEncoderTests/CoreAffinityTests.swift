import Foundation
import Testing
@testable import RedbookEncoder

/// The worker pool keeps its caller and its helpers on different CPUs, and gives the caller its
/// CPUs back afterwards.
@Suite struct CoreAffinityTests {
    @Test(.enabled(if: CoreAffinity.current() != nil))
    func aSetRoundTripsThroughTheKernel() throws {
        let original = try #require(CoreAffinity.current())
        #expect(!original.cpus.isEmpty)
        let first = try #require(original.cpus.first)
        #expect(original.with(only: [first]).applyToCurrentThread())
        #expect(CoreAffinity.current()?.cpus == [first])
        #expect(original.applyToCurrentThread())
        #expect(CoreAffinity.current()?.cpus == original.cpus)
    }

    @Test(.enabled(if: CoreAffinity.current().map { $0.cpus.count >= 2 } ?? false))
    func aPassKeepsTheCallerOffTheHelpersCPUs() throws {
        let pool = WorkerPool.shared
        let before = try #require(CoreAffinity.current()).cpus
        #expect(!pool.helperCPUs.isEmpty)
        // Other suites' queries may hold the pool for a moment.
        var acquired = pool.acquire()
        for _ in 0..<10_000 where !acquired {
            usleep(1_000)
            acquired = pool.acquire()
        }
        try #require(acquired)
        let during = try #require(CoreAffinity.current()).cpus
        pool.release()
        #expect(!during.isEmpty)
        #expect(Set(during).isDisjoint(with: pool.helperCPUs))
        #expect(CoreAffinity.current()?.cpus == before)
    }
}
