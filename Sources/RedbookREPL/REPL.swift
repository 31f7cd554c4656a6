public import RedbookSession
import Foundation
import RedbookRedis
import RedbookServer
import Synchronization

/// The interactive session behind `redbook repl`: Redis commands and Swift steps typed one
/// entry at a time against one ``Session``, shown as notebooks show them, and saved as a
/// notebook with `:save`.
///
/// On a terminal it edits lines with libedit (see docs/repl.md for the keys); with input from a
/// pipe or a file it reads entries in order, prints their outputs, and fails if any failed.
public final class REPL {
    /// How the REPL describes and reaches its server.
    public struct Configuration: Sendable {
        /// The server in the prompt: `127.0.0.1:PORT`, or the URL without its password.
        public var server: String
        /// The database the connection starts in (the URL's `/db`).
        public var database: Int
        /// The history file; `nil` keeps no history.
        public var historyPath: String?
        /// How many entries the history keeps.
        public var historyLimit: Int
        /// What a notebook's blocks may do while `:load` runs them; what is typed may do anything.
        public var loadPermissions = SessionPermissions.unrestricted

        /// Creates a configuration.
        public init(server: String, database: Int = 0, historyPath: String? = REPL.defaultHistoryPath, historyLimit: Int = 1_000) {
            self.server = server
            self.database = database
            self.historyPath = historyPath
            self.historyLimit = historyLimit
        }
    }

    /// `$REDBOOK_HISTFILE`, else `$XDG_STATE_HOME/redbook/history`, else `~/.local/state/redbook/history`.
    public static var defaultHistoryPath: String { HistoryFile.defaultPath() }

    /// Which language an entry is read in when it does not say.
    enum Mode: String {
        /// A line whose first word is a server command is Redis; any other is a Swift step.
        case auto
        case redis
        case swift
    }

    let session: Session
    let configuration: Configuration
    var mode = Mode.auto
    var transcript = Transcript()
    var database: Int
    var failures = 0
    var catalogState: Result<CommandCatalog, RedisError>?
    var editor: LineEditor?
    /// A line read ahead while looking for a continuation, to start the next entry with.
    var pendingLine: String?
    var history: HistoryFile?
    var quitRequested = false
    /// Whether an entry is running, so Ctrl-C interrupts it rather than being ignored.
    let running = Running()

    /// Creates a REPL on a session.
    public init(session: Session, configuration: Configuration) {
        self.session = session
        self.configuration = configuration
        self.database = configuration.database
        if let path = configuration.historyPath { history = HistoryFile(path: path, limit: configuration.historyLimit) }
    }

    /// Runs until `:quit`, Ctrl-D or the end of input.
    ///
    /// - Returns: The exit status: 0, or 1 when input came from a pipe and an entry failed.
    public func run() -> Int32 {
        let stop = session.stopRequest
        let running = running
        let connection = UncheckedConnection(session.connection)
        Interruption.intercept {
            guard running.isRunning else { return }
            stop.request()
            connection.value.interrupt()
        }
        defer { Interruption.intercept(nil) }
        if Terminal.isInteractive, let editor = LineEditor(name: "redbook", historySize: configuration.historyLimit, colour: Terminal.allowsColour) {
            self.editor = editor
            return runInteractive(editor)
        }
        return runPiped()
    }

    /// Runs an entry at its place in the transcript, prints its output, and records it.
    func execute(_ language: Block.Language, _ source: String, expectsError: Bool = false) {
        let block = Block(language: language, source: source, firstLine: transcript.nextFirstLine, column: 1, expectsError: expectsError)
        session.stopRequest.clear()
        running.isRunning = true
        let outcome = session.run(block)
        running.isRunning = false
        let interrupted = session.stopRequest.isRequested
        session.stopRequest.clear()
        clearProgress()
        let rendering = TerminalRendering(columns: editor == nil ? nil : Terminal.columns, colour: editor != nil && Terminal.allowsColour)
        if interrupted { Terminal.write("\n") }
        Terminal.write(rendering.render(outcome.output))
        if outcome.failure != nil { failures += 1 }
        transcript.append(block, outcome, interrupted: interrupted)
        followDatabase(after: block, outcome)
    }

    /// Tracks `SELECT n` for the prompt; a lost connection comes back in the URL's database.
    private func followDatabase(after block: Block, _ outcome: BlockOutcome) {
        if !session.connection.isConnected {
            database = configuration.database
            return
        }
        guard block.language == .redis, outcome.failure == nil else { return }
        let words = block.source.split(whereSeparator: \.isWhitespace)
        if words.count == 2, words[0].uppercased() == "SELECT", let number = Int(words[1]) { database = number }
    }

    private var progressShown = false

    /// Shows a long step's progress on one line of standard error, on a terminal only.
    func showProgress(_ text: String) {
        guard editor != nil else { return }
        Terminal.writeError("\r\u{1B}[K" + text)
        progressShown = true
    }

    private func clearProgress() {
        guard progressShown else { return }
        Terminal.writeError("\r\u{1B}[K")
        progressShown = false
    }
}

/// Whether an entry is running, readable from the signal handler's thread.
final class Running: Sendable {
    private let flag = Atomic<Bool>(false)

    var isRunning: Bool {
        get { flag.load(ordering: .sequentiallyConsistent) }
        set { flag.store(newValue, ordering: .sequentiallyConsistent) }
    }
}

/// The session's connection, handed to the signal handler only to call its thread-safe ``RedbookRedis/RedisConnection/interrupt()``.
struct UncheckedConnection: @unchecked Sendable {
    let value: RedisConnection
    init(_ value: RedisConnection) { self.value = value }
}
