import Foundation
import Glibc
import Testing

/// SIGKILL at a random moment of `redbook run`, again and again: the notebook is always exactly
/// the old file or exactly the new one. `scripts/kill-loop COUNT` runs it many times; the
/// suite runs `REDBOOK_KILL_RUNS` kills (12 unless set).
@Suite struct KillDuringRunTests {
    static let notebook = """
        # Killed runs

        ```redis
        HSET kill:1 name "city bike" price 300
        HSET kill:2 name "trail bike" price 900
        FT.CREATE kill:idx ON HASH PREFIX 1 kill: SCHEMA name TEXT price NUMERIC SORTABLE
        ```

        ```redis
        FT.SEARCH kill:idx "bike" SORTBY price RETURN 2 name price
        ```

        ```swift
        let rows = (1...200).map { ["n": $0, "square": $0 * $0] }
        rows
        ```

        """

    @Test func everyKillLeavesTheOldFileOrTheNewOne() throws {
        let count = Int(ProcessInfo.processInfo.environment["REDBOOK_KILL_RUNS"] ?? "") ?? 12
        let path = try NotebookCommandTests.notebook(Self.notebook)
        let old = Array(Self.notebook.utf8)
        let clock = ContinuousClock()
        let started = clock.now
        let full = try RedbookBinary.run(["run", path])
        let duration = started.duration(to: clock.now)
        #expect(full.status == 0, "\(full.standardError)")
        let new = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(new != old)

        var (keptOld, gotNew) = (0, 0)
        let window = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        for _ in 0..<count {
            try Data(old).write(to: URL(fileURLWithPath: path))
            let (process, _, _) = try RedbookBinary.start(["run", path])
            usleep(useconds_t(Double.random(in: 0...(window * 1.1)) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            if bytes == old { keptOld += 1 } else if bytes == new { gotNew += 1 } else {
                Issue.record("a killed run left a mixed file:\n\(String(decoding: bytes, as: UTF8.self))")
                return
            }
        }
        print("kill-loop: \(count) runs killed at random moments within \(Int(window * 1000)) ms: " +
              "\(keptOld) left the old file, \(gotNew) the new one, 0 anything else")
        // The next run clears what a killed save left behind.
        #expect(try RedbookBinary.run(["run", path]).status == 0)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["nb.md"])
    }
}
