public import RedbookRedis
public import RedbookServer
import Foundation
import Synchronization

/// The embedded Redis server shared by every test in the process.
///
/// It starts on first use and stops when the test process ends (its watchdog sees to that even
/// after a crash). Tests keep out of each other's way with ``uniqueName(_:)`` key prefixes
/// rather than FLUSHALL, so they can run in parallel.
public enum TestRedis {
    private static let server = Mutex<Result<EmbeddedServer, ServerError>?>(nil)

    /// The shared server, started on first use.
    public static func shared() throws -> EmbeddedServer {
        try server.withLock { state in
            if state == nil {
                do throws(ServerError) {
                    state = .success(try EmbeddedServer.start())
                } catch {
                    state = .failure(error)
                }
            }
            return try state!.get()
        }
    }

    /// A new connection to the shared server.
    public static func connection() throws -> RedisConnection {
        try RedisConnection(url: try shared().url)
    }

    /// A name no other test uses, such as `test:3F2A…:bikes`, for keys and index names.
    public static func uniqueName(_ label: String) -> String {
        "t\(UUID().uuidString.prefix(8).lowercased()):\(label)"
    }
}
