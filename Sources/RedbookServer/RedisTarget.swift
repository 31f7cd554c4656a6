public import RedbookRedis
import Foundation

/// The Redis server a command works against: the user's (`--redis URL` or `REDIS_URL`) or a
/// private embedded one that lives as long as this value.
public final class RedisTarget {
    /// The connection to use.
    public let connection: RedisConnection
    /// The embedded server, when one was started.
    public let embedded: EmbeddedServer?

    /// Connects to `url` (or `$REDIS_URL`), or starts the embedded server when neither is given.
    ///
    /// Also installs SIGINT and SIGTERM handlers that stop the embedded server, if any, and exit
    /// 128+signal once no file is halfway replaced (see ``Interruption``).
    /// - Parameters:
    ///   - url: The server's URL; `nil` for `$REDIS_URL`, else the embedded server.
    ///   - commandTimeout: How long a command may wait for its reply before the run fails.
    /// - Throws: ``RedisError`` for a bad URL or unreachable server, ``ServerError`` when the
    ///   embedded server cannot start.
    public static func open(url: String?, commandTimeout: Duration = .seconds(120)) throws -> RedisTarget {
        let text = url ?? ProcessInfo.processInfo.environment["REDIS_URL"].flatMap { $0.isEmpty ? nil : $0 }
        ServerRegistry.shared.installSignalHandlers()
        if let text {
            let parsed = try RedisURL(parsing: text)
            return RedisTarget(connection: try RedisConnection(url: parsed, commandTimeout: commandTimeout), embedded: nil)
        }
        let server = try EmbeddedServer.start()
        do {
            return RedisTarget(connection: try RedisConnection(url: server.url, commandTimeout: commandTimeout), embedded: server)
        } catch {
            server.stop()
            throw error
        }
    }

    private init(connection: RedisConnection, embedded: EmbeddedServer?) {
        self.connection = connection
        self.embedded = embedded
    }

    deinit {
        close()
    }

    /// How to describe the server in output: `embedded` or the redacted URL.
    public var label: String {
        embedded == nil ? connection.url.redacted : "embedded"
    }

    /// Explains a failure: a broken connection to a dead embedded server becomes ``ServerError/diedDuringRun(logTail:)``.
    public func explain(_ error: any Error) -> any Error {
        guard let embedded, let redisError = error as? RedisError else { return error }
        return embedded.explain(redisError)
    }

    /// Closes the connection and stops the embedded server, if any.
    public func close() {
        connection.close()
        embedded?.stop()
    }
}
