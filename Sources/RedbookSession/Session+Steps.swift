import RedbookDSL
import RedbookTables

extension Session {
    /// Runs a `swift` block: what it printed, then its last bare expression, are recorded. In a
    /// block that ``Block/expectsError``, a failure is recorded and the block succeeds.
    func runSwift(_ block: Block) -> BlockOutcome {
        let outcome = interpreter.run(block.source, firstLine: block.firstLine, column: block.column)
        var output = BlockOutput()
        output.limit = outputLimit
        if !outcome.printed.isEmpty { output.appendText(outcome.printed.joined(separator: "\n")) }
        if let failure = Self.failure(outcome.diagnostics) {
            output.appendText(failure.all.map { "error: " + $0.explanation }.joined(separator: "\n"))
            return BlockOutcome(output: output.render(), failure: block.expectsError ? nil : failure)
        }
        if let value = outcome.value { Self.render(value, into: &output) }
        if block.expectsError {
            return BlockOutcome(output: output.render(), failure: BlockFailure(
                line: block.firstLine, column: block.column, message: "expected this block to fail, and it succeeded",
                hint: "remove {expect-error} if the block is meant to succeed"))
        }
        return BlockOutcome(output: output.render())
    }

    /// A block's problems as one failure, the first in front; `nil` when there are none.
    static func failure(_ problems: [StepDiagnostic]) -> BlockFailure? {
        guard let first = problems.first else { return nil }
        return BlockFailure(line: first.line, column: first.column, message: first.message, hint: first.hint, excerpt: first.excerpt,
                            others: problems.dropFirst().map { BlockFailure(line: $0.line, column: $0.column, message: $0.message, hint: $0.hint, excerpt: $0.excerpt) })
    }

    /// How a step's value is recorded: documents and lists as a `json` block (long number
    /// arrays abbreviated), rows as a pandas-style table, a vector as its summary, the rest as text.
    static func render(_ value: Value, into output: inout BlockOutput) {
        switch value {
        case .rows(let table):
            output.appendMarkdown(markdown(table))
        case .vector(let components):
            output.appendText(vectorSummary(components))
        case .object, .array:
            if let text = try? value.jsonText(limit: shownJSONLimit), let pretty = JSONPrettyPrinter.format(Array(text.utf8)) {
                output.appendJSON(pretty)
            } else {
                output.appendText(describe(value, limit: shownJSONLimit))
            }
        default:
            output.appendText(describe(value))
        }
    }

    /// Rows as pandas' `to_markdown(index=False)` shows a frame of them.
    static func markdown(_ table: Rows) -> String {
        guard !table.rows.isEmpty else { return "(no rows)" }
        let cells = table.rows.map { row in row.map(cell) }
        return MarkdownTable(columns: table.columns, rows: cells).render()
    }

    static func cell(_ value: Value) -> Cell {
        switch value {
        case .null: .missing
        case .bool(let flag): .boolean(flag)
        case .int(let number): .integer(Int64(number))
        case .double(let number): .double(number)
        case .string(let text): .text(text)
        case .vector(let components): .text(vectorSummary(components))
        default: .text(describe(value))
        }
    }

    /// `[0.0123, -0.0456, … ] (384 dims)`, as vectors read elsewhere in a notebook.
    static func vectorSummary(_ components: [Float]) -> String {
        CellText.vectorSummary(components.flatMap { component in
            withUnsafeBytes(of: component.bitPattern.littleEndian) { Array($0) }
        })
    }

    /// The most JSON a block's value is written as before it is shown: far more than a
    /// notebook keeps of one output, and quick to write.
    static let shownJSONLimit = 16 * 1024 * 1024

    /// A value as one line of text: JSON for documents and lists of at most `limit` bytes,
    /// their type and size past it.
    static func describe(_ value: Value, limit: Int = shownJSONLimit) -> String {
        switch value {
        case .null: return "nil"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return "\(number)"
        case .string(let text): return text
        default:
            if let text = try? value.jsonText(limit: limit) { return text }
            switch value {
            case .array(let items): return "(an Array of \(items.count) elements, too large to show)"
            case .object(let object): return "(a Dictionary of \(object.count) members, too large to show)"
            default: return value.typeName
            }
        }
    }
}
