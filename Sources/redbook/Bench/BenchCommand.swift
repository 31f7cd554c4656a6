import ArgumentParser

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Redbook's speed; figures go to docs/performance.md.",
        subcommands: [BenchLoadCommand.self, BenchEncodeCommand.self, BenchEmbedCommand.self, BenchStepsCommand.self, BenchReplCommand.self]
    )
}
