import ArgumentParser
import Glibc
import RedbookServer

@main
struct Redbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redbook",
        abstract: "Run Markdown notebooks of Redis commands and vector-search steps.",
        version: RedbookVersion.current,
        subcommands: [
            RunCommand.self, ExportCommand.self, CleanCommand.self, TableCommand.self,
            ReplCommand.self, EmbedCommand.self, DoctorCommand.self, BenchCommand.self,
        ]
    )

    /// Runs the command; when Ctrl-C stopped the server under a command, that command's own
    /// failure (a lost connection) is not reported: the signal handler ends the process instead.
    static func main() {
        // Past a file size limit, a write should fail with EFBIG and be reported, naming the
        // file, rather than end the process halfway through a save.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot(Array(ProcessTitle.argumentsHidingPasswords().dropFirst()))
            try command.run()
        } catch {
            Interruption.parkIfRequested()
            exit(withError: error)
        }
    }
}

/// The version printed by `redbook --version` and `redbook doctor`.
enum RedbookVersion {
    static let current = "0.1.0"
}
