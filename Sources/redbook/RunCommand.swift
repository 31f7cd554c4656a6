import ArgumentParser
import Foundation
import RedbookNotebook
import RedbookServer

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run notebooks and record each block's output in place.",
        discussion: """
            Runs every ```redis and ```swift block in order against one connection and writes each \
            block's output right after it, between <!-- redbook:output --> and <!-- /redbook:output -->. \
            Stops at the first failing block unless --keep-going; exits non-zero when any block failed. \
            Several notebooks run one after another, each against its own embedded server.
            """
    )

    @Argument(help: ArgumentHelp("The notebooks to run.", valueName: "NOTEBOOK.md"))
    var notebooks: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the recorded notebook to this file instead of in place.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("only"), help: ArgumentHelp("Run only the block marked {name=NAME} (repeatable).", valueName: "NAME"))
    var only: [String] = []

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "With --only, first run the blocks before each named one without recording them (default: on for the embedded server, off with --redis)."))
    var setup: Bool?

    @Flag(help: "Run every block even after one fails (the run still fails).")
    var keepGoing = false

    @Flag(help: "Write nothing; fail with a diff when any recorded output would change.")
    var check = false

    @Flag(help: "Remove every output region instead of running (same as 'redbook clean').")
    var clean = false

    @OptionGroup var stepOptions: StepOptions

    @OptionGroup var redisOptions: RedisOptions

    @OptionGroup var safetyOptions: SafetyOptions

    func validate() throws {
        if notebooks.isEmpty { throw ValidationError("name at least one notebook to run") }
        if clean && check { throw ValidationError("--clean and --check cannot be used together") }
        if clean && (!only.isEmpty || keepGoing) { throw ValidationError("--clean runs nothing; drop --only and --keep-going") }
        if check && output != nil { throw ValidationError("--check writes nothing, so -o has no effect; drop one of them") }
        if output != nil && notebooks.count > 1 { throw ValidationError("-o takes one notebook; several notebooks are each recorded in place") }
        if setup != nil && only.isEmpty { throw ValidationError("--setup and --no-setup only apply with --only") }
    }

    func run() throws {
        var failed = [String]()
        for path in notebooks {
            let succeeded = runOne(path)
            if !succeeded { failed.append(path) }
            if notebooks.count > 1 {
                NotebookConsole.printError("\(path): \(succeeded ? "ok" : "failed")")
            }
        }
        if notebooks.count > 1 {
            NotebookConsole.printError("\(notebooks.count - failed.count) of \(notebooks.count) notebooks passed")
        }
        if !failed.isEmpty { throw ExitCode.failure }
    }

    /// Runs, checks or cleans one notebook; reports every problem on stderr.
    ///
    /// - Returns: Whether it succeeded.
    private func runOne(_ path: String) -> Bool {
        do {
            // In place, the file is locked and checked for edits before the save; otherwise it is only read.
            let file = check || output != nil ? nil : try NotebookFile(path: path)
            let book = try file?.notebook ?? Notebook.read(path: path)
            if let output { try Notebook.checkWritable(output) }
            for warning in book.warnings { NotebookConsole.printError("\(warning)") }
            if clean {
                if let file { _ = try file.save(book.cleaned()) } else { try Notebook.write(book.cleaned(), to: output ?? path) }
                return true
            }
            if only.isEmpty, let reason = Self.nothingToRun(book) {
                NotebookConsole.printError("\(path): \(reason)")
                return true
            }
            let target: RedisTarget
            do {
                target = try redisOptions.open()
            } catch {
                NotebookConsole.printError("error: \(error)")
                return false
            }
            defer { target.close() }
            let options = NotebookRunner.Options(only: Set(only), keepGoing: keepGoing, setup: setup ?? (target.embedded != nil))
            let result = try NotebookConsole.run(book, connection: target.connection, options: options,
                                                 model: stepOptions.modelDirectory, offline: stepOptions.offline,
                                                 permissions: safetyOptions.permissions(for: target))
            Interruption.parkIfRequested()
            for message in result.failureMessages { NotebookConsole.printError(message) }
            // Only a lost connection can mean a dead server, and only then is it worth waiting to see.
            if !result.succeeded, let embedded = target.embedded, !target.connection.isConnected, embedded.hasStopped() {
                NotebookConsole.printError("error: \(ServerError.diedDuringRun(logTail: embedded.logTail()))")
            }
            let recorded = result.recordedBytes
            if check {
                return Self.compare(path: path, recorded: book.bytes, fresh: recorded) && result.succeeded
            }
            if let file {
                _ = try file.save(recorded)
            } else if let output {
                try Notebook.write(recorded, to: output)
            }
            return result.succeeded
        } catch {
            Interruption.parkIfRequested()
            NotebookConsole.printError("\(error)")
            return false
        }
    }

    /// Why a notebook has nothing to run, or `nil` when it has a block to run.
    private static func nothingToRun(_ book: Notebook) -> String? {
        if book.blocks.isEmpty { return "no runnable blocks (fenced ```redis or ```swift code); nothing to do" }
        if book.blocks.allSatisfy(\.skip) { return "every runnable block is marked {skip}; nothing to do" }
        return nil
    }

    /// Prints a diff and an error when the recorded outputs differ from a fresh run's.
    private static func compare(path: String, recorded: [UInt8], fresh: [UInt8]) -> Bool {
        let diff = LineDiff.unified(old: String(decoding: recorded, as: UTF8.self), new: String(decoding: fresh, as: UTF8.self),
                                    oldLabel: "\(path) (recorded)", newLabel: "\(path) (this run)")
        guard !diff.isEmpty else { return true }
        print(diff, terminator: "")
        NotebookConsole.printError("\(path): error: recorded outputs differ from this run; run 'redbook run \(path)' to update them")
        return false
    }
}

extension ParsableCommand {
    /// Runs notebook work; an error (a ``NotebookError``) is printed as `FILE:LINE:COLUMN: error: ...` and
    /// the command exits non-zero (instead of ArgumentParser's generic "Error:" line).
    static func attempt<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            Interruption.parkIfRequested()
            NotebookConsole.printError("\(error)")
            throw ExitCode.failure
        }
    }
}
