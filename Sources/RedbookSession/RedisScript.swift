import RedbookRedis
import RedbookDSL

/// The commands of a `redis` block, each with the notebook position of its first argument.
///
/// Layout rules, on top of redis-cli's argument syntax (``CommandLineParser``):
/// - one command per line;
/// - a line that starts with a space or tab continues the command above it, so a long
///   `FT.CREATE` can put one schema field per line;
/// - a line whose first non-blank characters are `#` or `//` is a comment; it neither ends
///   nor continues a command;
/// - a blank line ends the current command, so an indented line after it starts a new one.
struct RedisScript: Sendable, Hashable {
    /// One command and where it was written.
    struct Command: Sendable, Hashable {
        /// The arguments, command name first.
        var arguments: [[UInt8]]
        /// 1-based line in the notebook file of the command's first argument.
        var line: Int
        /// 1-based byte column in the notebook file of the command's first argument.
        var column: Int

        /// The command name in upper case, such as `FT.SEARCH`.
        var name: String {
            guard let first = arguments.first else { return "" }
            return String(decoding: first, as: UTF8.self).uppercased()
        }

        var redisCommand: RedisCommand { RedisCommand(arguments: arguments) }
    }

    /// The commands in order.
    var commands: [Command]

    /// Evaluates `\(expression)` at a notebook line and column.
    typealias Resolver = (_ expression: String, _ line: Int, _ column: Int) throws(BlockFailure) -> Value

    /// Splits a block's source into commands.
    ///
    /// - Parameter resolve: Evaluates interpolations (see ``RedisInterpolation``); without it,
    ///   `\(` is text as it always was.
    /// - Throws: ``BlockFailure`` at the notebook line and column of a quoting mistake or of an
    ///   interpolation that fails.
    init(block: Block, resolve: Resolver? = nil) throws(BlockFailure) {
        var commands = [Command]()
        var open = false
        // Bytes, not Characters: "\r\n" is one Character and would hide the line break.
        for (offset, rawLine) in block.source.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            var line = Array(rawLine)
            if line.last == 0x0D { line.removeLast() }
            let notebookLine = block.firstLine + offset
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
            if trimmed.isEmpty {
                open = false
                continue
            }
            if RedisEntry.isComment(String(decoding: trimmed, as: UTF8.self)) { continue }
            var substituted = [[UInt8]: [UInt8]]()
            if let resolve, line.contains(UInt8(ascii: "\\")) {
                (line, substituted) = try Self.interpolate(line, line: notebookLine, column: block.column, resolve: resolve)
            }
            var arguments: [CommandLineParser.Argument]
            do {
                arguments = try CommandLineParser.split(bytes: line)
            } catch {
                throw BlockFailure(
                    line: notebookLine,
                    column: block.column + error.column - 1,
                    message: error.reason,
                    hint: error.hint
                )
            }
            for index in arguments.indices {
                if let bytes = substituted[arguments[index].bytes] {
                    arguments[index].bytes = bytes
                }
            }
            // A line of only whitespace-like bytes that `trimmed` kept (such as a form feed) has no arguments.
            guard let first = arguments.first else { continue }
            let continues = open && (line.first == 0x20 || line.first == 0x09) && !commands.isEmpty
            if continues {
                commands[commands.count - 1].arguments += arguments.map(\.bytes)
            } else {
                commands.append(Command(
                    arguments: arguments.map(\.bytes),
                    line: notebookLine,
                    column: block.column + first.column - 1
                ))
            }
            open = true
        }
        self.commands = commands
    }

    /// The line with each interpolation replaced: by a marker when it is a whole argument (the
    /// second result maps each marker to its bytes), else by its text.
    private static func interpolate(_ line: [UInt8], line number: Int, column: Int, resolve: Resolver) throws(BlockFailure) -> ([UInt8], [[UInt8]: [UInt8]]) {
        let pieces = RedisInterpolation.pieces(in: line)
        guard !pieces.isEmpty else { return (line, [:]) }
        var result = [UInt8]()
        var whole = [[UInt8]: [UInt8]]()
        var position = 0
        for (count, piece) in pieces.enumerated() {
            result += line[position..<piece.range.lowerBound]
            let expressionColumn = column + piece.range.lowerBound + 2
            let value = try resolve(piece.expression, number, expressionColumn)
            if piece.standsAlone {
                let marker = RedisInterpolation.marker(count)
                do throws(StepError) {
                    whole[marker] = try value.redisArgument()
                } catch {
                    throw BlockFailure(line: number, column: expressionColumn, message: error.message, hint: error.hint)
                }
                result += marker
            } else {
                guard let text = value.inlineText else {
                    throw BlockFailure(line: number, column: expressionColumn,
                                       message: "a \(value.typeName) cannot go inside a longer argument",
                                       hint: "give it an argument of its own: … \\(\(piece.expression)) …")
                }
                result += RedisInterpolation.inline(text, quoted: piece.quoted)
            }
            position = piece.range.upperBound
        }
        result += line[position...]
        return (result, whole)
    }
}
