import ArgumentParser
import Foundation
import RedbookServer

/// The `--redis` option shared by every subcommand that talks to Redis.
struct RedisOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Redis URL redis://[user:password@]host:port[/db]; default: $REDIS_URL, else an embedded server", valueName: "URL"))
    var redis: String?

    @Option(name: .long, help: ArgumentHelp("How long a command may wait for its reply before the run fails (default: 120).", valueName: "SECONDS"))
    var timeout: Double = 120

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout needs a positive number of seconds") }
    }

    /// Connects to the chosen server, starting the embedded one when no URL is given.
    ///
    /// - Throws: ``RedbookRedis/RedisError`` or ``RedbookServer/ServerError``, described for the user.
    func open() throws -> RedisTarget {
        try RedisTarget.open(url: redis, commandTimeout: .milliseconds(Int64(timeout * 1000)))
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
