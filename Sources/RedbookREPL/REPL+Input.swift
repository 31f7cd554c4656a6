import Glibc
import RedbookDSL
import RedbookSession

extension REPL {
    /// One entry as typed: its language and its source in notebook form (a Redis command's
    /// continuation lines indented, as in a `redis` block).
    struct TypedEntry: Equatable {
        var language: Block.Language
        var source: String
    }

    func runInteractive(_ editor: LineEditor) -> Int32 {
        session.progress = { [weak self] text in self?.showProgress(text) }
        if let history {
            for entry in history.load() { editor.remember(entry) }
        }
        editor.hint = { [weak self] line in self?.hint(for: line) }
        editor.complete = { [weak self] line in self?.completion(for: line) }
        Terminal.write("redbook repl on \(configuration.server): Redis commands and Swift steps; :help for help, Ctrl-D to quit\n")
        while !quitRequested {
            guard let first = nextLine(prompt: prompt) else { break }
            guard let line = first else { continue }
            handle(line) { [self] in
                let continued = nextLine(prompt: continuationPrompt)
                return continued ?? nil
            }
        }
        Terminal.write("\n")
        return 0
    }

    func runPiped() -> Int32 {
        // Entries from a file or a script are not typed; they stay out of the history.
        history = nil
        while !quitRequested, let line = pendingLine.take() ?? readLine(strippingNewline: true) {
            handle(line) { readLine(strippingNewline: true) }
        }
        return failures == 0 ? 0 : 1
    }

    /// Runs one line and the lines that continue it: a meta command, or an entry.
    ///
    /// - Parameter more: The next line of input, `nil` at its end or when the user cancelled it.
    func handle(_ line: String, more: () -> String?) {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.isEmpty || RedisEntry.isComment(line) && mode != .swift { return }
        if trimmed.hasPrefix(":") {
            if let forced = forcedEntry(String(trimmed)) {
                run(entry(from: forced.text, language: forced.language, more: more), typed: String(trimmed))
            } else {
                meta(String(trimmed))
            }
            return
        }
        if mode != .swift, ["quit", "exit"].contains(trimmed.lowercased()) {
            quitRequested = true
            return
        }
        run(entry(from: line, language: language(of: line), more: more), typed: line)
    }

    private func run(_ entry: TypedEntry?, typed: String) {
        guard let entry else { return }
        remember(entry.source == typed || entry.language == .redis && !typed.hasPrefix(":") ? entry.source : typed)
        execute(entry.language, Self.repeated(entry))
    }

    /// `:swift STEP` and `:redis COMMAND` run one line in that language whatever the mode.
    func forcedEntry(_ line: String) -> (language: Block.Language, text: String)? {
        guard let language = Self.forcedLanguage(of: line) else { return nil }
        let text = line.dropFirst(language.rawValue.count + 2)
        return text.allSatisfy(\.isWhitespace) ? nil : (language, String(text))
    }

    /// The language a `:redis ` or `:swift ` prefix forces, even before anything follows it.
    static func forcedLanguage(of line: String) -> Block.Language? {
        [Block.Language.redis, .swift].first { line.hasPrefix(":\($0.rawValue) ") }
    }

    /// The whole entry that starts with `line`, reading continuation lines as needed.
    func entry(from line: String, language: Block.Language, more: () -> String?) -> TypedEntry? {
        var lines = line.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        switch language {
        case .swift:
            while !Interpreter.isComplete(lines.joined(separator: "\n")) {
                guard let next = more() else { return editor == nil ? TypedEntry(language: .swift, source: lines.joined(separator: "\n")) : nil }
                lines.append(next)
            }
        case .redis:
            while true {
                if let last = lines.last, Self.endsWithBackslash(last) {
                    // A trailing backslash continues the command on the next line, as in a shell.
                    lines[lines.count - 1] = String(last.trimmingSuffix().dropLast()).trimmingSuffix()
                    guard let next = more() else { return nil }
                    lines.append("  " + next.drop { $0 == " " || $0 == "\t" })
                    continue
                }
                // Lines already waiting that are indented continue it, as in a `redis` block.
                guard inputIsWaiting, let next = more() else { break }
                if RedisEntry.continues(next) {
                    lines.append(next)
                } else {
                    pendingLine = next
                    break
                }
            }
        }
        return TypedEntry(language: language, source: lines.joined(separator: "\n"))
    }

    private static func endsWithBackslash(_ line: String) -> Bool {
        line.trimmingSuffix().hasSuffix("\\") && !line.trimmingSuffix().hasSuffix("\\\\")
    }

    /// Whether more input is already there: a pasted block, or the rest of a pipe.
    private var inputIsWaiting: Bool {
        if pendingLine != nil { return true }
        guard editor != nil else { return true }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// `3 INCR x` runs `INCR x` three times, as redis-cli does.
    static func repeated(_ entry: TypedEntry) -> String {
        guard entry.language == .redis else { return entry.source }
        let words = entry.source.split(separator: " ", maxSplits: 1)
        guard words.count == 2, let count = Int(words[0]), (1...100_000).contains(count) else { return entry.source }
        return Array(repeating: String(words[1]), count: count).joined(separator: "\n")
    }

    /// A line from the terminal, or the one read ahead. `nil` at the end of input; `.some(nil)`
    /// when Ctrl-C dropped the line.
    private func nextLine(prompt: String) -> String?? {
        if let line = pendingLine.take() { return .some(line) }
        guard let editor else { return readLine(strippingNewline: true).map { .some($0) } }
        switch editor.read(prompt: prompt) {
        case .line(let text): return .some(text)
        case .cancelled: return .some(nil)
        case .end:
            // Ctrl-D read while looking ahead for a continuation still ends the session after this entry.
            quitRequested = true
            return nil
        }
    }

    private func remember(_ entry: String) {
        editor?.remember(entry)
        history?.append(entry)
    }
}

extension Optional {
    /// The value, leaving `nil` behind.
    mutating func take() -> Wrapped? {
        defer { self = nil }
        return self
    }
}
