import RedbookRedis
import RedbookServer
import Testing

/// AUTH and SELECT from the URL, on a server of its own (a password would lock out other tests).
@Suite struct AuthenticationTests {
    @Test func userPasswordAndDatabaseFromTheURL() throws {
        let server = try EmbeddedServer.start()
        defer { server.stop() }
        let admin = try RedisConnection(url: server.url)
        try admin.call("ACL", "SETUSER", "alice", "on", ">w0nderland-pw", "~*", "+@all")
        try admin.call("CONFIG", "SET", "requirepass", "default-pw")

        let port = server.url.port
        let alice = try RedisConnection(url: try RedisURL(parsing: "redis://alice:w0nderland-pw@127.0.0.1:\(port)/5"))
        #expect(try alice.call("ACL", "WHOAMI").string == "alice")
        try alice.call("SET", "where", "db5")
        #expect(try alice.call("CLIENT", "INFO").string?.contains(" db=5 ") == true)

        let defaultUser = try RedisConnection(url: try RedisURL(parsing: "redis://:default-pw@127.0.0.1:\(port)"))
        #expect(try defaultUser.call("GET", "where") == .null)  // database 0
        #expect(try defaultUser.call("ACL", "WHOAMI").string == "default")
    }

    @Test func wrongPasswordIsRefusedWithoutEchoingIt() throws {
        let server = try EmbeddedServer.start()
        defer { server.stop() }
        try RedisConnection(url: server.url).call("CONFIG", "SET", "requirepass", "right-pw")
        let url = try RedisURL(parsing: "redis://:wrong-pw-123@127.0.0.1:\(server.url.port)")
        let error = #expect(throws: RedisError.self) { _ = try RedisConnection(url: url) }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(text.contains("AUTH"))
        #expect(text.contains("WRONGPASS") || text.contains("invalid"))
        #expect(!text.contains("wrong-pw-123"))
    }
}
