import Foundation
import SwiftDiagnostics
import SwiftSyntax

/// Where a block's code starts in the notebook: its first line, and the column every code line
/// starts at (after a list item's or block quote's indentation).
struct SourceOrigin: Hashable {
    var line: Int
    var column: Int
}

extension Interpreter {
    /// A diagnostic placed in the notebook; the line table is built only here, on the error path.
    func place(_ diagnostic: Diagnostic, hint: String?, tree: some SyntaxProtocol) -> StepDiagnostic {
        let origin = origins[tree.root.id] ?? SourceOrigin(line: 1, column: 1)
        let location = SourceLocationConverter(fileName: "", tree: tree).location(for: diagnostic.position)
        let excerpt = DiagnosticsFormatter.annotatedSource(tree: tree, diags: [diagnostic], contextSize: 0)
        var lines = excerpt.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        return StepDiagnostic(line: location.line + origin.line - 1, column: location.column + origin.column - 1,
                              message: diagnostic.message, hint: hint ?? diagnostic.notes.first?.message,
                              excerpt: Self.renumbered(lines, by: origin.line - 1).joined(separator: "\n"))
    }

    /// The formatter's excerpt with its line-number gutter shifted to notebook lines and widened
    /// to fit them: `3 | code` becomes `767 | code`, and the lines under it keep lining up.
    static func renumbered(_ lines: [String], by offset: Int) -> [String] {
        guard offset != 0 else { return lines }
        // Each line is `NUMBER | text` or `SPACES | text`: split at the first " |".
        let parts = lines.map { line -> (number: Int?, rest: Substring)? in
            guard let bar = line.range(of: " |") else { return nil }
            let gutter = line[..<bar.lowerBound].trimmingCharacters(in: .whitespaces)
            if gutter.isEmpty { return (nil, line[bar.lowerBound...]) }
            guard let number = Int(gutter) else { return nil }
            return (number + offset, line[bar.lowerBound...])
        }
        let width = parts.compactMap { $0?.number.map { String($0).count } }.max() ?? 0
        return zip(lines, parts).map { line, part in
            guard let part else { return line }
            let label = part.number.map(String.init) ?? ""
            return String(repeating: " ", count: max(0, width - label.count)) + label + part.rest
        }
    }
}
