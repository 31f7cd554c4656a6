import RedbookRedis
import RedbookTestSupport
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

/// Mangled URLs holding a marker password: whatever shape the text has, an error message,
/// the redacted form and the parsed URL's description never contain the password.
@Suite struct RedisURLRedactionTests {
    static let marker = "Zq7secretMarker"

    @Test(arguments: [
        "user:secretpass123@127.0.0.1:6379",
        "//user:secretpass123@127.0.0.1:6379",
        "redis:/user:secretpass123@127.0.0.1:6379",
        "redis:user:secretpass123@127.0.0.1:6379",
        "reddis://user:secretpass123@127.0.0.1:6379",
        "secretpass123@127.0.0.1",
        "user:secretpass123@host://x",
    ])
    func theIssuesShapesNeverShowThePassword(text: String) {
        let error = #expect(throws: RedisError.self) { _ = try RedisURL(parsing: text) }
        let message = error.map { "\($0)" } ?? ""
        #expect(!message.isEmpty)
        #expect(!message.contains("secretpass123"), "\(message)")
        #expect(message.contains("***"), "\(message)")
    }

    /// Characters a password may hold, including the URL's own separators.
    static let passwordCharacters = Array("abcXYZ019:/@?#[]%-._~!$&'()*+,;= ")

    /// One random way to damage a URL; each keeps the last `@` before the host, since without
    /// it a password cannot be told from a host name.
    static func mangle(_ parts: (scheme: String, user: String, password: String, host: String), using random: inout SeededRandom) -> String {
        let schemes = ["redis://", "", "//", "/", "redis:/", "redis:", "reddis://", "http://", "rediss://", "REDIS://",
                       "redis:///", "redis:\\\\", " redis://", "redis ://", "ftp:"]
        let users = [parts.user, "", "a:b", "u%zz", "u@x"]
        let hosts = [parts.host, "", "host:99999", "host:abc", "[::1", "[::1]x", "host/db", "host/-1", "host?x=1",
                     "host#frag", "h:1:2", "host:", ":6379", "host//", "h@h"]
        let scheme = schemes[random.next(below: schemes.count)]
        let user = users[random.next(below: users.count)]
        let host = hosts[random.next(below: hosts.count)]
        let separator = random.next(below: 4) == 0 ? "" : ":"
        var text = scheme + user + separator + parts.password + "@" + host
        if random.next(below: 5) == 0 { text += ["/", "/x", "?a", "#", "/3/4"][random.next(below: 5)] }
        return text
    }

    @Test func noMangledURLShowsItsPassword() throws {
        var random = SeededRandom(seed: 0x5EED)
        for _ in 0..<5_000 {
            var password = Self.marker
            for _ in 0..<random.next(below: 6) {
                let character = Self.passwordCharacters[random.next(below: Self.passwordCharacters.count)]
                let position = password.index(password.startIndex, offsetBy: random.next(below: password.count + 1))
                password.insert(character, at: position)
            }
            let text = Self.mangle((scheme: "redis://", user: "alice", password: password, host: "127.0.0.1:6379"), using: &random)
            let redacted = RedisURL.redact(text)
            #expect(!redacted.contains(Self.marker), "redact(\(text)) = \(redacted)")
            do {
                let url = try RedisURL(parsing: text)
                for shown in [url.redacted, url.description, url.endpoint] {
                    #expect(!shown.contains(Self.marker), "\(text) parsed and shows \(shown)")
                }
            } catch {
                #expect(!"\(error)".contains(Self.marker), "\(text) fails with \(error)")
            }
        }
    }
}
