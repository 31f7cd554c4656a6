import ArgumentParser
import Foundation
import RedbookNotebook
import RedbookServer

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a clean results document from a notebook.",
        discussion: """
            Runs the notebook (without changing it) and writes its prose, each block's code and output, \
            with no runner markers, under a header naming the time, Redis and module versions, the model \
            and the time per block. With --no-run, exports the outputs already recorded in the notebook.
            """
    )

    @Argument(help: ArgumentHelp("The notebook to export.", valueName: "NOTEBOOK.md"))
    var notebook: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the results here (default: standard output).", valueName: "FILE"))
    var output: String?

    @Flag(help: "Do not run; export the outputs recorded in the notebook.")
    var noRun = false

    @Flag(help: "Run every block even after one fails (the export still fails).")
    var keepGoing = false

    @OptionGroup var stepOptions: StepOptions

    @OptionGroup var redisOptions: RedisOptions

    @OptionGroup var safetyOptions: SafetyOptions

    func run() throws {
        let book = try Self.attempt { try Notebook.read(path: notebook) }
        if let output { try Self.attempt { try Notebook.checkDistinct(output: output, input: notebook) } }
        for warning in book.warnings { NotebookConsole.printError("\(warning)") }
        guard !noRun else {
            return try emit(NotebookExport(notebook: book, run: nil, header: .init()).bytes)
        }
        let target = try redisOptions.openOrExit()
        defer { target.close() }
        var header = NotebookExport.Header(ranAt: Self.now())
        if let version = try? ServerModules.redisVersion(target.connection) {
            header.redis = "\(version) (\(target.label))"
        }
        if let modules = try? ServerModules.list(target.connection) {
            header.modules = modules.map { "\($0.name) \($0.versionText)" }.sorted()
        }
        let result = try Self.attempt { try NotebookConsole.run(book, connection: target.connection, options: .init(keepGoing: keepGoing),
                                                                  model: stepOptions.modelDirectory, offline: stepOptions.offline,
                                                                  permissions: safetyOptions.permissions(for: target)) }
        Interruption.parkIfRequested()
        for message in result.failureMessages { NotebookConsole.printError(message) }
        try emit(NotebookExport(notebook: book, run: result, header: header).bytes)
        if !result.succeeded { throw ExitCode.failure }
    }

    private func emit(_ bytes: [UInt8]) throws {
        if let output {
            try Self.attempt { try Notebook.write(bytes, to: output) }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    private static func now() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: Date())
    }
}
