import Foundation
import RedbookRedis
import RedbookTestSupport
import Testing

/// A notebook from elsewhere, run against a server that is not Redbook's own, cannot erase or
/// reconfigure it, nor read files outside its folder, unless the command line allows it.
@Suite struct SharedServerSafetyTests {
    /// The shared test server as an "external" one, in a database of this suite's own.
    private static func external(database: Int) throws -> (url: String, connection: RedisConnection) {
        var url = try TestRedis.shared().url
        url.database = database
        return ("redis://\(url.endpoint)/\(database)", try RedisConnection(url: url))
    }

    @Test func flushdbOnAnExternalServerStopsTheRunAndErasesNothing() throws {
        let (url, connection) = try Self.external(database: 11)
        let key = TestRedis.uniqueName("kept")
        _ = try connection.send(RedisCommand("SET", key, "1"))
        let path = try NotebookCommandTests.notebook("```redis\nECHO before\n```\n\n```redis {expect-error}\nFLUSHDB\n```\n\n```redis\nECHO after\n```\n")
        let run = try RedbookBinary.run(["run", "--redis", url, path])
        #expect(run.status != 0)
        #expect(run.standardError.contains("nb.md:6:1: error: refused: FLUSHDB erases every key of the database, and redis://\(url.dropFirst(8)) is not Redbook's own server"),
                "\(run.standardError)")
        #expect(run.standardError.contains("hint: pass --allow-destructive to run it anyway"))
        #expect(try connection.send(RedisCommand("EXISTS", key)) == .integer(1))
        #expect(!(try NotebookCommandTests.contents(path)).contains("\"after\""))

        let allowed = try RedbookBinary.run(["run", "--redis", url, "--allow-destructive", "--keep-going", path])
        #expect(allowed.status != 0, "FLUSHDB succeeds, so {expect-error} fails the block")
        #expect(try connection.send(RedisCommand("EXISTS", key)) == .integer(0))
    }

    @Test func theEmbeddedServerRunsAnything() throws {
        let path = try NotebookCommandTests.notebook("```redis\nSET a 1\nFLUSHALL\nCONFIG SET maxmemory-policy allkeys-lru\nDBSIZE\n```\n")
        let run = try RedbookBinary.run(["run", path])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(try NotebookCommandTests.contents(path).contains("(integer) 0"))
    }

    @Test func aStepsRedisCallIsRefusedToo() throws {
        let (url, _) = try Self.external(database: 11)
        let path = try NotebookCommandTests.notebook("```swift\nlet answer = redis(\"CONFIG\", \"SET\", \"maxmemory\", \"1mb\")\n```\n")
        let run = try RedbookBinary.run(["run", "--redis", url, path])
        #expect(run.status != 0)
        #expect(run.standardError.contains("refused: CONFIG changes the server's configuration"), "\(run.standardError)")
        let maxmemory = try Self.external(database: 0).connection.send(RedisCommand("CONFIG", "GET", "maxmemory"))
        #expect(maxmemory.elements?.last?.string != "1048576")
    }

    @Test func keysIsRefusedOnlyOnALargeKeyspace() throws {
        let (url, connection) = try Self.external(database: 12)
        let prefix = TestRedis.uniqueName("many")
        let path = try NotebookCommandTests.notebook("```redis\nKEYS \(prefix):1*\n```\n")
        _ = try connection.send(RedisCommand("SET", "\(prefix):1", "x"))
        let small = try RedbookBinary.run(["run", "--redis", url, path])
        #expect(small.status == 0, "\(small.standardError)")
        var arguments = ["MSET"]
        for index in 0..<10_001 { arguments += ["\(prefix):\(index)", "x"] }
        _ = try connection.send(RedisCommand(arguments))
        defer { _ = try? connection.send(RedisCommand(["UNLINK"] + (0..<10_001).map { "\(prefix):\($0)" })) }
        let large = try RedbookBinary.run(["run", "--redis", url, path])
        #expect(large.status != 0)
        #expect(large.standardError.contains("refused: KEYS walks all"), "\(large.standardError)")
    }

    @Test func fetchOutsideTheNotebooksFolderNeedsAllowRead() throws {
        let path = try NotebookCommandTests.notebook("```swift\nlet data = fetch(\"../outside/data.json\")\ndata.count\n```\n")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("outside-\(UUID().uuidString)")
        let outside = folder.appendingPathComponent("data.json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("[1, 2, 3]".utf8).write(to: outside)
        let notebook = try NotebookCommandTests.contents(path).replacingOccurrences(of: "../outside/", with: "../\(folder.lastPathComponent)/")
        try Data(notebook.utf8).write(to: URL(fileURLWithPath: path))
        let refused = try RedbookBinary.run(["run", path])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("fetch may not read ../\(folder.lastPathComponent)/data.json"), "\(refused.standardError)")
        #expect(refused.standardError.contains("run it with --allow-read \(outside.path)"))
        let allowed = try RedbookBinary.run(["run", "--allow-read", folder.path, path])
        #expect(allowed.status == 0, "\(allowed.standardError)")
        #expect(try NotebookCommandTests.contents(path).contains("3"))
    }

    @Test func theExampleNotebookIsStoppedOnASharedServerAndRunsOnTheEmbeddedOne() throws {
        let (url, connection) = try Self.external(database: 14)
        let key = TestRedis.uniqueName("kept")
        _ = try connection.send(RedisCommand("SET", key, "1"))
        let example = PackageRoot.url("Examples/Safety/untrusted.md").path
        let copy = try NotebookCommandTests.notebook(try NotebookCommandTests.contents(example))
        let shared = try RedbookBinary.run(["run", "--redis", url, copy])
        #expect(shared.status != 0)
        #expect(shared.standardError.contains("refused: FLUSHDB erases every key of the database"), "\(shared.standardError)")
        #expect(try connection.send(RedisCommand("EXISTS", key)) == .integer(1))
        let embedded = try RedbookBinary.run(["run", "--keep-going", copy])
        #expect(embedded.status != 0, "the fetch outside the folder still fails")
        #expect(embedded.standardError.contains("fetch may not read /etc/hostname"), "\(embedded.standardError)")
        #expect(!embedded.standardError.contains("refused: FLUSHDB"))
    }
}
