/// A block's recorded Markdown as the REPL shows it: the code fences dropped, tables kept as
/// they are recorded, each line cut to the terminal's width, errors in red and hints in grey
/// when colour is allowed.
struct TerminalRendering {
    /// The width to fit, or `nil` to leave lines whole (output to a pipe).
    var columns: Int?
    /// Whether to colour errors and hints.
    var colour: Bool

    private enum Kind { case text, json, table }

    /// The text to print, ending with a newline unless empty.
    func render(_ recorded: String) -> String {
        var parts = [(Kind, [String])]()
        var fence: String?
        var kind = Kind.table
        for line in recorded.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let open = fence {
                if line == open { fence = nil } else { parts[parts.count - 1].1.append(line) }
                continue
            }
            let ticks = line.prefix { $0 == "`" }.count
            if ticks >= 3 {
                fence = String(repeating: "`", count: ticks)
                kind = line.dropFirst(ticks) == "json" ? .json : .text
                parts.append((kind, []))
            } else if line.isEmpty {
                if parts.last?.0 == .table, parts.last?.1.isEmpty == false { parts.append((.table, [])) }
            } else {
                if parts.last?.0 != .table { parts.append((.table, [])) }
                parts[parts.count - 1].1.append(line)
            }
        }
        let shown = parts.filter { !$0.1.isEmpty }
        var lines = [String]()
        for (index, part) in shown.enumerated() {
            if index > 0, part.0 == .table || shown[index - 1].0 == .table { lines.append("") }
            for (number, line) in part.1.enumerated() {
                lines.append(paint(fit(line), kind: part.0, header: number == 0))
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private func fit(_ line: String) -> String {
        guard let columns, columns > 1, line.count > columns else { return line }
        return String(line.prefix(columns - 1)) + "…"
    }

    private func paint(_ line: String, kind: Kind, header: Bool) -> String {
        guard colour else { return line }
        if kind == .text, line.hasPrefix("(error)") || line.hasPrefix("error:") { return "\u{1B}[31m\(line)\u{1B}[0m" }
        if kind == .text, line.hasPrefix("hint:") { return "\u{1B}[90m\(line)\u{1B}[0m" }
        if kind == .table, header, line.hasPrefix("|") { return "\u{1B}[1m\(line)\u{1B}[0m" }
        return line
    }
}
