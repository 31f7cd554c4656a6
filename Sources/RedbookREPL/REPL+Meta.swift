import Foundation
import RedbookNotebook
import RedbookSession

extension REPL {
    /// Runs a line that starts with `:`.
    func meta(_ line: String) {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let argument = line.drop { !$0.isWhitespace }.drop { $0.isWhitespace }
        switch words[0] {
        case ":help", ":h", ":?":
            Terminal.write(words.count > 1 ? help(for: words[1]) : Self.overview)
        case ":save":
            save(to: String(argument))
        case ":load":
            load(String(argument))
        case ":vars":
            Terminal.write(variableListing())
        case ":clear":
            if editor != nil { Terminal.write("\u{1B}[H\u{1B}[2J") }
        case ":quit", ":q", ":exit":
            quitRequested = true
        case ":redis", ":swift", ":auto":
            mode = Mode(rawValue: String(words[0].dropFirst())) ?? .auto
            Terminal.write("entries are \(mode == .auto ? "Redis commands or Swift steps, told apart by their first word" : mode.rawValue) now\n")
        default:
            problem("unknown meta command \(words[0]); :help lists them")
        }
    }

    static let overview = """
        Type a Redis command (redis-cli syntax) or a Swift step (docs/dsl.md); in auto mode a line
        whose first word is a server command is Redis, any other line is a step.

          :redis, :swift, :auto   read entries as Redis commands, as Swift steps, or tell them apart
          :redis CMD, :swift STEP run one line in that language
          :help [COMMAND]         this text, or a command's arguments and summary
          :save FILE.md           write the session as a notebook that `redbook run --check` reproduces
          :load FILE.md           run a notebook's blocks here and stay
          :vars                   the names steps have bound
          :clear                  clear the screen
          :quit                   leave (also Ctrl-D on an empty line, quit, exit)

        Tab completes commands, index names, keys and step names; a grey hint shows what a command
        or step takes. A line ending in \\ or an indented pasted line continues a Redis command; a
        step continues while a bracket or a multi-line string is open. Ctrl-C drops the line, or
        stops a running entry. 3 INCR x runs INCR x three times.

        """

    private func help(for name: String) -> String {
        if let step = Session.steps.first(where: { $0.name == name }) {
            return "\(step.signature)\nsee docs/dsl.md for what it does\n"
        }
        if let text = catalog?.help(for: name) { return text.hasSuffix("\n") ? text : text + "\n" }
        return "no command or step named \(name)\n"
    }

    private func variableListing() -> String {
        let variables = session.variables
        guard !variables.isEmpty else { return "no names bound yet\n" }
        let nameWidth = variables.map(\.name.count).max() ?? 0
        let typeWidth = variables.map(\.type.count).max() ?? 0
        return variables.map { variable in
            variable.name.padded(to: nameWidth) + "  " + variable.type.padded(to: typeWidth) + "  " + variable.preview
        }.joined(separator: "\n") + "\n"
    }

    private func save(to path: String) {
        guard !path.isEmpty else { return problem(":save needs a file name, such as :save session.md") }
        do {
            try Notebook.write(transcript.bytes, to: path)
            Terminal.write("saved \(transcript.entries.count) entries to \(path)\n")
        } catch {
            problem("\(error)")
        }
    }

    private func load(_ path: String) {
        guard !path.isEmpty else { return problem(":load needs a file name, such as :load notebooks/vector-database.md") }
        let notebook: Notebook
        do {
            notebook = try Notebook.read(path: path)
        } catch {
            return problem("\(error)")
        }
        // Steps read files beside the notebook while it loads, as `redbook run` does.
        let (folder, permissions) = (session.folder, session.permissions)
        session.folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        // A notebook is someone else's script; what the user types next is their own again.
        session.permissions = configuration.loadPermissions
        defer { (session.folder, session.permissions) = (folder, permissions) }
        let before = failures
        var ran = 0
        for block in notebook.blocks where !block.skip {
            execute(block.block.language, block.block.source, expectsError: block.block.expectsError)
            ran += 1
            if session.stopRequest.isRequested || transcript.entries.last?.interrupted == true { break }
        }
        Terminal.write("loaded \(path): \(ran) blocks, \(failures - before) failed\n")
    }

    /// Reports a mistake in a meta command; from a pipe it counts as a failed entry.
    func problem(_ message: String) {
        Terminal.writeError("error: \(message)\n")
        if editor == nil { failures += 1 }
    }
}

extension String {
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
