public import Foundation

/// The cache folder where scripts/bootstrap puts the Redis server, its modules and the default model.
///
/// `$REDBOOK_HOME`, or `${XDG_CACHE_HOME:-~/.cache}/redbook`.
public struct RedbookHome: Sendable, Hashable {
    /// The cache folder itself.
    public var directory: URL

    /// Uses the given folder as the cache.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The cache folder chosen by the environment.
    public static var current: RedbookHome {
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["REDBOOK_HOME"], !home.isEmpty {
            return RedbookHome(directory: URL(fileURLWithPath: home, isDirectory: true))
        }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache").path
        return RedbookHome(directory: URL(fileURLWithPath: cache, isDirectory: true).appendingPathComponent("redbook"))
    }

    /// The redis-server executable.
    public var redisServer: URL { directory.appendingPathComponent("redis/redis-server") }

    /// The RediSearch module.
    public var searchModule: URL { directory.appendingPathComponent("redis/redisearch.so") }

    /// The RedisJSON module.
    public var jsonModule: URL { directory.appendingPathComponent("redis/rejson.so") }

    /// The default embedding model folder (all-MiniLM-L6-v2).
    public var defaultModel: URL { directory.appendingPathComponent("models/all-MiniLM-L6-v2") }

    /// The model folder to use: `$REDBOOK_MODEL` when set, else ``defaultModel``.
    public var selectedModel: URL {
        if let path = ProcessInfo.processInfo.environment["REDBOOK_MODEL"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return defaultModel
    }
}
