import Foundation
import RedbookRedis
import RedbookSession

extension REPL {
    /// The server's commands, read once on a connection of its own (reading them may reset a
    /// connection, which would lose a `SELECT`); `nil` when the server cannot list them.
    var catalog: CommandCatalog? {
        if catalogState == nil {
            catalogState = Result { () throws(RedisError) in
                let connection = try RedisConnection(url: session.connection.url, commandTimeout: .seconds(10))
                defer { connection.close() }
                return try CommandCatalog.load(from: connection)
            }
        }
        return try? catalogState?.get()
    }

    /// The language of an entry that does not say: in auto mode, Redis when its first word
    /// (after a repeat count) is a server command, else a Swift step.
    func language(of line: String) -> Block.Language {
        switch mode {
        case .redis: return .redis
        case .swift: return .swift
        case .auto: break
        }
        var words = line.split(whereSeparator: \.isWhitespace)
        if words.count > 1, Int(words[0]) != nil { words.removeFirst() }
        guard let first = words.first else { return .swift }
        // A name the steps bound wins over a command of the same name: `keys` after `let keys = …`.
        let name = first.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        if !name.isEmpty, session.variableNames.contains(String(name)) { return .swift }
        // A word in capitals that names no step value is a command the server may not know:
        // it should answer "unknown command" rather than the step language "cannot find".
        let shouting = first.contains { $0.isLetter } && first.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "." || $0 == "_" }
        if shouting, !session.variableNames.contains(String(first)) { return .redis }
        if let catalog { return catalog.command(named: String(first)) != nil ? .redis : .swift }
        // Without the server's list: a bare word that holds no Swift punctuation is a command.
        return first.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" } && !Self.swiftKeywords.contains(String(first)) ? .redis : .swift
    }

    private static let swiftKeywords: Set<String> = ["let", "var", "for", "if", "guard", "func", "while", "print", "return"]

    /// The prompt: the server, `[db]` after SELECT, the mode when it is not auto.
    var prompt: String {
        guard session.connection.isConnected else { return "not connected> " }
        var text = configuration.server + (database == 0 ? "" : "[\(database)]")
        if mode != .auto { text += " \(mode.rawValue)" }
        return text + "> "
    }

    /// As wide as the prompt, so continuation lines line up.
    var continuationPrompt: String {
        String(repeating: " ", count: max(0, prompt.count - 5)) + "...> "
    }

    /// The grey hint for the line typed so far: a command's remaining arguments, or a step's labels.
    func hint(for line: String) -> String? {
        let forced = forcedEntry(line)
        let text = forced?.text ?? line
        guard !text.isEmpty, !text.hasPrefix(":") else { return nil }
        switch forced?.language ?? language(of: text) {
        case .redis:
            guard text.last == " " else { return nil }
            var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.count > 1, Int(words[0]) != nil { words.removeFirst() }
            return catalog?.hint(forTyped: words)
        case .swift:
            guard text.last == "(" else { return nil }
            let name = String(text.dropLast().reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
            return Session.steps.first { $0.name == name }?.signature
        }
    }

    /// What Tab inserts for the line typed so far.
    func completion(for line: String) -> LineEditor.Completion? {
        let language = Self.forcedLanguage(of: line) ?? language(of: line)
        let connection = session.connection
        let completer = Completer(
            commandNames: catalog?.names ?? [],
            indexNames: { (try? connection.call("FT._LIST"))?.elements?.compactMap(\.string) ?? [] },
            keys: { prefix in (try? Completer.keys(matching: prefix, on: connection)) ?? [] },
            swiftNames: Session.steps.map(\.name) + session.variableNames
        )
        var result = completer.complete(line, cursor: line.count, mode: language == .redis ? .redis : .swift)
        // The first word in auto mode may be either: commands and step names are both offered.
        if mode == .auto, !line.hasPrefix(":"), !line.contains(where: \.isWhitespace) {
            let other = completer.complete(line, cursor: line.count, mode: language == .redis ? .swift : .redis)
            if other.range == result.range {
                var seen = Set<String>()
                result.candidates = (result.candidates + other.candidates).filter { seen.insert($0).inserted }
            } else if result.candidates.isEmpty {
                result = other
            }
        }
        guard !result.candidates.isEmpty else { return nil }
        let replacing = result.range.count
        if result.candidates.count == 1 {
            return LineEditor.Completion(replacing: replacing, insertion: result.candidates[0] + " ", choices: [])
        }
        return LineEditor.Completion(replacing: replacing, insertion: result.commonPrefix, choices: result.candidates)
    }
}
