import RedbookRedis
import RedbookServer
import RedbookSession
import RedbookTestSupport
import Testing

/// A server that goes away mid-block: the recorded output must not name its random port.
@Suite struct LostConnectionTests {
    @Test func shutdownIsRecordedWithoutTheServersAddress() throws {
        // A server of its own: the shared one must outlive this test.
        let server = try EmbeddedServer.start()
        defer { server.stop() }
        let connection = try RedisConnection(url: server.url)
        let session = Session(connection: connection)
        let outcome = session.run(Block(language: .redis, source: "PING\nSHUTDOWN NOSAVE\nPING", firstLine: 3))
        let failure = try #require(outcome.failure)
        #expect(failure.line == 4)
        // The failure, printed but never recorded, still says which server it was.
        #expect(failure.message.contains(server.url.endpoint))
        #expect(outcome.output.hasPrefix("```text\nPONG\nerror: the connection to Redis was lost during SHUTDOWN: "))
        #expect(!outcome.output.contains(String(server.url.port)))
        #expect(!outcome.output.contains("127.0.0.1"))

        // The next block cannot connect at all; that is recorded without the address too.
        let next = session.run(Block(language: .redis, source: "PING"))
        #expect(next.failure?.message.contains(server.url.endpoint) == true)
        #expect(next.output.hasPrefix("```text\nerror: cannot connect to Redis: "))
        #expect(!next.output.contains(String(server.url.port)))
    }
}
