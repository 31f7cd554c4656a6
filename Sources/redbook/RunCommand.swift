import ArgumentParser
import Foundation
import RedbookNotebook

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a notebook and record each block's output in place.",
        discussion: """
            Runs every ```redis and ```swift block in order against one connection and writes each \
            block's output right after it, between <!-- redbook:output --> and <!-- /redbook:output -->. \
            Stops at the first failing block unless --keep-going; exits non-zero when any block failed.
            """
    )

    @Argument(help: ArgumentHelp("The notebook to run.", valueName: "NOTEBOOK.md"))
    var notebook: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the recorded notebook to this file instead of in place.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("only"), help: ArgumentHelp("Run only the block marked {name=NAME} (repeatable).", valueName: "NAME"))
    var only: [String] = []

    @Flag(help: "Run every block even after one fails (the run still fails).")
    var keepGoing = false

    @Flag(help: "Write nothing; fail with a diff when any recorded output would change.")
    var check = false

    @Flag(help: "Remove every output region instead of running (same as 'redbook clean').")
    var clean = false

    @OptionGroup var redisOptions: RedisOptions

    func validate() throws {
        if clean && check { throw ValidationError("--clean and --check cannot be used together") }
        if clean && (!only.isEmpty || keepGoing) { throw ValidationError("--clean runs nothing; drop --only and --keep-going") }
    }

    func run() throws {
        let book = try Self.attempt { try Notebook.read(path: notebook) }
        if clean {
            try Self.attempt { try Notebook.write(book.cleaned(), to: output ?? notebook) }
            return
        }
        let target = try redisOptions.openOrExit()
        defer { target.close() }
        let result = try Self.attempt { try NotebookConsole.run(book, connection: target.connection, options: .init(only: Set(only), keepGoing: keepGoing)) }
        let recorded = result.recordedBytes
        for message in result.failureMessages { NotebookConsole.printError(message) }
        if check {
            let diff = LineDiff.unified(old: String(decoding: book.bytes, as: UTF8.self),
                                        new: String(decoding: recorded, as: UTF8.self),
                                        oldLabel: "\(notebook) (recorded)", newLabel: "\(notebook) (this run)")
            if !diff.isEmpty {
                print(diff, terminator: "")
                NotebookConsole.printError("\(notebook): error: recorded outputs differ from this run; run 'redbook run \(notebook)' to update them")
                throw ExitCode.failure
            }
        } else if output != nil || recorded != book.bytes {
            // An unchanged notebook is left alone, so its modification time says when outputs last changed.
            try Self.attempt { try Notebook.write(recorded, to: output ?? notebook) }
        }
        if !result.succeeded { throw ExitCode.failure }
    }
}

extension ParsableCommand {
    /// Runs notebook work; an error (a ``NotebookError``) is printed as `FILE:LINE:COLUMN: error: ...` and
    /// the command exits non-zero (instead of ArgumentParser's generic "Error:" line).
    static func attempt<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            NotebookConsole.printError("\(error)")
            throw ExitCode.failure
        }
    }
}
