/// The body rows of the Markdown tables in a recorded output, each as its trimmed cells.
///
/// The header and the `|:---|` line of each table are left out, so `rows(in:)` lists exactly
/// the rows a reader sees, in their order.
enum TableRows {
    static func rows(in output: String) -> [[String]] {
        var rows = [[String]]()
        var header = false
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                header = false
                continue
            }
            if !header {
                header = true  // the first line of a table names its columns
                continue
            }
            if line.hasPrefix("|:") || line.hasPrefix("|-") { continue }
            rows.append(line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: " ") })
        }
        return rows
    }

    /// The header of the first table: its column names.
    static func columns(in output: String) -> [String] {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("|") }) else { return [] }
        return line.dropFirst().dropLast().split(separator: "|").map { $0.trimmingCharacters(in: " ") }
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
