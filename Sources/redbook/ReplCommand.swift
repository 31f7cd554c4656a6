import ArgumentParser
import Foundation
import RedbookREPL
import RedbookServer
import RedbookSession

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Type Redis commands and Swift steps interactively, on the same engine as notebooks.",
        discussion: """
            On a terminal: line editing (emacs keys, Ctrl-R), Tab completion of commands, indexes, keys and \
            steps, argument hints, and a history file. From a pipe or a file: entries run in order, their \
            outputs are printed, and the exit status is 1 if any failed. `:help` lists the meta commands; \
            `:save FILE.md` writes the session as a notebook. See docs/repl.md.
            """
    )

    @OptionGroup var redisOptions: RedisOptions
    @OptionGroup var stepOptions: StepOptions
    @OptionGroup var safetyOptions: SafetyOptions

    func run() throws {
        let target = try redisOptions.openOrExit()
        defer { target.close() }
        let session = Session(connection: target.connection)
        session.modelDirectory = stepOptions.modelDirectory
        session.offline = stepOptions.offline
        let url = target.connection.url
        let server = (url.user.map { "\($0)@" } ?? "") + url.endpoint
        var configuration = REPL.Configuration(server: server, database: url.database)
        configuration.loadPermissions = safetyOptions.permissions(for: target)
        let repl = REPL(session: session, configuration: configuration)
        let status = repl.run()
        if status != 0 { throw ExitCode(status) }
    }
}
