import ArgumentParser
import Foundation
import RedbookServer

/// The `--redis` option shared by every subcommand that talks to Redis.
struct RedisOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Redis URL redis://[user:password@]host:port[/db]; default: $REDIS_URL, else an embedded server", valueName: "URL"))
    var redis: String?

    /// Connects to the chosen server, starting the embedded one when no URL is given.
    ///
    /// - Throws: ``RedbookRedis/RedisError`` or ``RedbookServer/ServerError``, described for the user.
    func open() throws -> RedisTarget {
        try RedisTarget.open(url: redis)
    }
}

extension RedisOptions {
    /// Like ``open()``, but prints why the server is unavailable and exits non-zero.
    func openOrExit() throws -> RedisTarget {
        do {
            return try open()
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
