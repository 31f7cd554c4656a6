import ArgumentParser

@main
struct Redbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redbook",
        abstract: "Run Markdown notebooks of Redis commands and vector-search steps.",
        version: RedbookVersion.current,
        subcommands: [
            RunCommand.self, ExportCommand.self, CleanCommand.self, TableCommand.self,
            EmbedCommand.self, DoctorCommand.self, BenchCommand.self,
        ]
    )
}

/// The version printed by `redbook --version` and `redbook doctor`.
enum RedbookVersion {
    static let current = "0.1.0"
}
