import RedbookRedis
import Testing

@Suite struct RedisURLTests {
    @Test func parsesEveryPart() throws {
        let url = try RedisURL(parsing: "redis://bob:p%40ss@cache.local:6380/3")
        #expect(url.host == "cache.local")
        #expect(url.port == 6380)
        #expect(url.user == "bob")
        #expect(url.password == "p@ss")
        #expect(url.database == 3)
        #expect(url.redacted == "redis://bob:***@cache.local:6380/3")
    }

    @Test func defaultsAndShorthands() throws {
        let plain = try RedisURL(parsing: "redis://localhost")
        #expect(plain.port == 6379 && plain.database == 0 && plain.user == nil && plain.password == nil)
        let passwordOnly = try RedisURL(parsing: "redis://:hunter2@10.0.0.5:7000")
        #expect(passwordOnly.user == nil && passwordOnly.password == "hunter2")
        #expect(passwordOnly.redacted == "redis://:***@10.0.0.5:7000")
        let ipv6 = try RedisURL(parsing: "redis://[::1]:6390")
        #expect(ipv6.host == "::1" && ipv6.port == 6390 && ipv6.endpoint == "[::1]:6390")
    }

    @Test(arguments: [
        ("redis://:@", "missing host"),
        ("redis://localhost:99999", "port 99999 is out of range"),
        ("redis://localhost:0", "port 0 is out of range"),
        ("redis://localhost:abc", "port 'abc' is not a number"),
        ("http://localhost:6379", "unknown scheme 'http'"),
        ("rediss://localhost", "TLS is not supported"),
        ("localhost:6379", "expected redis://"),
        ("redis://localhost/x", "database 'x'"),
    ])
    func rejectsBadURLs(text: String, reason: String) {
        let error = #expect(throws: RedisError.self) { _ = try RedisURL(parsing: text) }
        #expect("\(error.map { "\($0)" } ?? "")".contains(reason))
    }

    @Test func badURLErrorsHideThePassword() {
        let error = #expect(throws: RedisError.self) { _ = try RedisURL(parsing: "redis://u:topsecret@host:70000") }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(!text.contains("topsecret"))
        #expect(text.contains("redis://u:***@host:70000"))
    }
}
