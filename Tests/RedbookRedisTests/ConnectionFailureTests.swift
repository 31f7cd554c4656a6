import Glibc
import RedbookRedis
import Testing

@Suite struct ConnectionFailureTests {
    /// A loopback port with nothing listening: bind one, note it, close it.
    private func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(ok)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func closedPortFailsFastWithTheEndpoint() throws {
        let port = try closedPort()
        let start = ContinuousClock.now
        let error = #expect(throws: RedisError.self) {
            _ = try RedisConnection(url: RedisURL(host: "127.0.0.1", port: port), connectTimeout: .seconds(5))
        }
        // Refused, not timed out: well under the connect timeout.
        #expect(ContinuousClock.now - start < .seconds(4))
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(text.contains("cannot connect to Redis at 127.0.0.1:\(port)"))
        #expect(text.contains("refused"))
    }

    @Test func passwordNeverAppearsInConnectionErrors() throws {
        let port = try closedPort()
        let url = try RedisURL(parsing: "redis://alice:s3cr3t-pw@127.0.0.1:\(port)/2")
        let error = #expect(throws: RedisError.self) { _ = try RedisConnection(url: url) }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(!text.contains("s3cr3t-pw"))
        #expect(!"\(url)".contains("s3cr3t-pw"))
        #expect(url.redacted == "redis://alice:***@127.0.0.1:\(port)/2")
    }
}
