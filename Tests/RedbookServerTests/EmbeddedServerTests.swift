import Foundation
import RedbookRedis
import RedbookServer
import Testing

@Suite struct EmbeddedServerTests {
    @Test func startsWithBothModulesAndStopsCleanly() throws {
        let server = try EmbeddedServer.start()
        let connection = try RedisConnection(url: server.url)
        #expect(server.url.host == "127.0.0.1")
        let names = try ServerModules.list(connection).map(\.name)
        #expect(names.contains("search"))
        #expect(names.contains("ReJSON"))
        #expect(try ServerModules.redisVersion(connection).hasPrefix("8."))
        // Persistence is off: nothing may be written to the private folder.
        #expect(try connection.call("CONFIG", "GET", "save") == .array([.bulk(Array("save".utf8)), .bulk([])]))
        #expect(try connection.call("CONFIG", "GET", "bind").elements?.last?.string == "127.0.0.1")

        #expect(server.isRunning)
        server.stop()
        #expect(!server.isRunning)
        #expect(!FileManager.default.fileExists(atPath: server.directory.path))
        server.stop()  // a second stop is harmless
        #expect(throws: RedisError.self) { _ = try RedisConnection(url: server.url, connectTimeout: .seconds(1)) }
    }

    @Test func twoServersGetDifferentPorts() throws {
        let first = try EmbeddedServer.start()
        let second = try EmbeddedServer.start()
        defer { first.stop(); second.stop() }
        #expect(first.url.port != second.url.port)
    }

    @Test func missingServerBinaryNamesTheFileAndTheFix() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-empty-\(UUID().uuidString)")
        let error = #expect(throws: ServerError.self) { _ = try EmbeddedServer.start(home: RedbookHome(directory: empty)) }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(text.contains(empty.appendingPathComponent("redis/redis-server").path))
        #expect(text.contains("scripts/bootstrap"))
    }

    @Test func deathDuringRunIsExplainedWithTheLog() throws {
        let server = try EmbeddedServer.start()
        defer { server.stop() }
        let connection = try RedisConnection(url: server.url)
        // SHUTDOWN is the server dying under us, as a crash would look to the client.
        _ = try? connection.send(RedisCommand("SHUTDOWN", "NOSAVE"))
        let deadline = ContinuousClock.now + .seconds(5)
        while server.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(!server.isRunning)
        let failure = #expect(throws: RedisError.self) { try connection.call("PING") }
        let explained = try #require(failure.map { server.explain($0) })
        let text = "\(explained)"
        #expect(text.contains("stopped unexpectedly"))
        #expect(text.contains("last lines of its log"))
    }
}
