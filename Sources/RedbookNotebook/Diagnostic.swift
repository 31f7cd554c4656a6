/// The one place that writes a message about a spot in a file, in the form editors jump to:
/// `FILE:LINE:COLUMN: error: MESSAGE` (or `FILE: warning: ...` when no line applies), then
/// `hint: ...` on its own line when there is one.
enum Diagnostic {
    /// How serious a message is.
    enum Severity: String {
        case error
        case warning
    }

    /// A message's text.
    ///
    /// - Parameters:
    ///   - file: The file, as the user named it.
    ///   - line: 1-based line, when the message has one.
    ///   - column: 1-based byte column, shown only with a line.
    ///   - severity: `error` unless told.
    ///   - message: What is wrong; may already hold `hint:` lines of its own.
    ///   - hint: How to fix it.
    static func line(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error,
                     message: String, hint: String? = nil) -> String {
        var location = file
        if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(location): \(severity.rawValue): \(message)" + (hint.map { "\nhint: \($0)" } ?? "")
    }
}
