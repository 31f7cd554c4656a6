public import Foundation
public import RedbookRedis
import Glibc
public import RedbookSession

/// What the notebook subcommands share: stderr messages, and a run with progress.
public enum NotebookConsole {
    /// Writes one line to standard error.
    ///
    /// - Parameter text: The line, without its newline.
    public static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Runs a notebook in a new session over `connection`, with progress on stderr when it is a terminal.
    ///
    /// Steps see paths relative to the notebook's folder.
    ///
    /// - Parameters:
    ///   - notebook: The notebook to run.
    ///   - connection: The Redis connection every block uses.
    ///   - options: Which blocks run and whether a failure stops the run.
    ///   - model: The model folder steps encode with (`--model`), or `nil` for the default.
    ///   - offline: Whether `fetch` of a URL may only use the cache (`--offline`).
    ///   - permissions: What the blocks may do to the server and the user's files.
    /// - Throws: ``NotebookError`` when `--only` names a block that does not exist.
    public static func run(_ notebook: Notebook, connection: RedisConnection, options: NotebookRunner.Options,
                           model: URL? = nil, offline: Bool = false,
                           permissions: SessionPermissions = .unrestricted) throws(NotebookError) -> NotebookRun {
        let session = Session(connection: connection)
        session.folder = URL(fileURLWithPath: notebook.name).deletingLastPathComponent()
        session.modelDirectory = model
        session.offline = offline
        session.permissions = permissions
        let printer = ProgressPrinter(enabled: isatty(STDERR_FILENO) == 1)
        if printer.enabled {
            // A long step rewrites its block's progress line in place: carriage return, erase the line.
            session.progress = { FileHandle.standardError.write(Data("\r\u{1B}[K    \($0) …".utf8)) }
        }
        var run = try NotebookRunner(options: options, progress: printer.show) { session.run($0) }.run(notebook)
        run.model = session.encoderDescription
        return run
    }
}

/// Prints `[N/M] line L: first line … 4.2 ms` per block; silent when disabled.
struct ProgressPrinter {
    let enabled: Bool

    func show(_ progress: NotebookRunner.Progress) {
        guard enabled else { return }
        switch progress {
        case .started(let number, let total, let block):
            var summary = block.summary
            // The line is printed, not recorded; a password in it would still end up on screen.
            if SecretEntries.mayHoldSecret(summary) {
                summary = (summary.split(separator: " ").first.map(String.init) ?? "") + " (not shown: it may hold a password)"
            }
            if summary.count > 60 { summary = String(summary.prefix(59)) + "…" }
            FileHandle.standardError.write(Data("[\(number)/\(total)] line \(block.fenceLine): \(summary) …".utf8))
        case .finished(_, _, _, let outcome):
            let mark = outcome.failure == nil ? "" : " failed"
            FileHandle.standardError.write(Data(" \(NotebookExport.durationText(outcome.duration))\(mark)\n".utf8))
        }
    }
}
