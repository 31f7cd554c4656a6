public import RedbookRedis

/// A module loaded in a Redis server, as MODULE LIST reports it.
public struct ServerModule: Sendable, Hashable {
    /// The module's name, such as `search` or `ReJSON`.
    public var name: String
    /// The version number as the server reports it, such as `21005`.
    public var version: Int64

    /// The version as `major.minor.patch` (21005 is 2.10.5).
    public var versionText: String {
        "\(version / 10_000).\(version / 100 % 100).\(version % 100)"
    }
}

/// Reads what a server has loaded.
public enum ServerModules {
    /// The modules a server has loaded.
    ///
    /// - Throws: ``RedisError`` when MODULE LIST fails or its reply has an unexpected shape.
    public static func list(_ connection: RedisConnection) throws(RedisError) -> [ServerModule] {
        let reply = try connection.call("MODULE", "LIST")
        guard let entries = reply.elements else { throw .protocolViolation("MODULE LIST did not return an array") }
        return entries.compactMap { entry in
            guard let fields = entry.elements else { return nil }
            var name: String?
            var version: Int64 = 0
            for index in stride(from: 0, to: fields.count - 1, by: 2) {
                switch fields[index].string {
                case "name": name = fields[index + 1].string
                case "ver": version = fields[index + 1].integer ?? 0
                default: break
                }
            }
            return name.map { ServerModule(name: $0, version: version) }
        }
    }

    /// The server's `redis_version` from INFO server.
    public static func redisVersion(_ connection: RedisConnection) throws(RedisError) -> String {
        let info = try connection.call("INFO", "server").string ?? ""
        for line in info.split(whereSeparator: \.isNewline) where line.hasPrefix("redis_version:") {
            return String(line.dropFirst("redis_version:".count))
        }
        return "unknown"
    }
}
