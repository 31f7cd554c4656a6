/// Something in a notebook that is probably a mistake but does not stop a run, such as a
/// ```` ```Redis ```` block that will never run because languages are case-sensitive.
public struct NotebookWarning: Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based byte column.
    public var column: Int
    /// What looks wrong.
    public var message: String
    /// How to fix it.
    public var hint: String?

    /// `FILE:LINE:COLUMN: warning: MESSAGE`, then the hint on its own line.
    public var description: String {
        Diagnostic.line(file: file, line: line, column: column, severity: .warning, message: message, hint: hint)
    }

    /// The runnable language a fence's first info word was probably meant to be, if any:
    /// `Redis`, `REDIS`, `redis-cli`, `rediscli`, `Swift`, `swift5` and the like.
    static func intendedLanguage(ofInfoWord word: Substring) -> String? {
        let lowered = word.lowercased()
        for language in ["redis", "swift"] {
            if lowered == language || (lowered.hasPrefix(language) && lowered.count <= language.count + 4) {
                return language
            }
        }
        return nil
    }

    /// A warning for a fence whose language is a near miss of a runnable one.
    static func nearMiss(file: String, line: Int, column: Int, word: Substring, language: String) -> NotebookWarning {
        let reason = word.lowercased() == language ? "languages are case-sensitive" : "only ```\(language) runs"
        return NotebookWarning(file: file, line: line, column: column,
                               message: "this ```\(word) block does not run (\(reason))",
                               hint: "write ```\(language) to run it, or use another language to keep it as plain code")
    }
}
