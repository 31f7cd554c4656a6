@testable import RedbookSession
import Testing

/// How a block's lines become commands, and where errors point in the notebook.
@Suite struct RedisScriptTests {
    private func script(_ source: String, line: Int = 10, column: Int = 1) throws(BlockFailure) -> RedisScript {
        try RedisScript(block: Block(language: .redis, source: source, firstLine: line, column: column))
    }

    private func words(_ command: RedisScript.Command) -> [String] {
        command.arguments.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func oneCommandPerLine() throws {
        let commands = try script("SET a 1\nGET a\nPING").commands
        #expect(commands.map(words) == [["SET", "a", "1"], ["GET", "a"], ["PING"]])
        #expect(commands.map(\.line) == [10, 11, 12])
        #expect(commands.map(\.name) == ["SET", "GET", "PING"])
    }

    @Test func indentedLinesContinueTheCommandAbove() throws {
        let source = """
            FT.CREATE idx ON JSON PREFIX 1 bike:
              SCHEMA
                $.brand AS brand TEXT
            \t$.price AS price NUMERIC
            GET x
            """
        let commands = try script(source).commands
        #expect(commands.count == 2)
        #expect(words(commands[0]) == [
            "FT.CREATE", "idx", "ON", "JSON", "PREFIX", "1", "bike:", "SCHEMA",
            "$.brand", "AS", "brand", "TEXT", "$.price", "AS", "price", "NUMERIC",
        ])
        #expect(commands[1].line == 14)
    }

    @Test func commentsAreSkippedAndDoNotBreakAContinuation() throws {
        let source = """
            # load one bike
            // and another comment
            HSET bike:1
              # the brand
              brand Nord
                // price next
              price 815
            """
        let commands = try script(source).commands
        #expect(commands.map(words) == [["HSET", "bike:1", "brand", "Nord", "price", "815"]])
        #expect(commands[0].line == 12)
    }

    @Test func blankLinesSeparateCommands() throws {
        let commands = try script("ECHO a\n\n  ECHO b\n   \nECHO c").commands
        // After a blank line an indented line starts a new command.
        #expect(commands.map(words) == [["ECHO", "a"], ["ECHO", "b"], ["ECHO", "c"]])
        #expect(commands.map(\.line) == [10, 12, 14])
        #expect(commands.map(\.column) == [1, 3, 1])
    }

    @Test func firstLineIndentedStartsACommand() throws {
        #expect(try script("  PING\n    hello").commands.map(words) == [["PING", "hello"]])
    }

    @Test func carriageReturnsAtLineEndsAreIgnored() throws {
        #expect(try script("SET a \"1\"\r\nGET a\r").commands.map(words) == [["SET", "a", "1"], ["GET", "a"]])
    }

    @Test func hashInsideACommandIsAnArgument() throws {
        #expect(try script("ECHO #notacomment").commands.map(words) == [["ECHO", "#notacomment"]])
    }

    @Test func commandColumnsAddTheBlockColumn() throws {
        // A block inside a list item: its text starts at column 4 of the file.
        let commands = try script("PING\n  x\n  GET k", line: 3, column: 4).commands
        #expect(commands.count == 1)
        #expect(commands[0].column == 4)
    }

    @Test func unbalancedQuoteFailsAtItsNotebookLineAndColumn() {
        do {
            _ = try script("SET a 1\nSET b \"open", line: 20, column: 3)
            Issue.record("expected a failure")
        } catch {
            #expect(error.line == 21)
            #expect(error.column == 9)  // 3 + the quote at byte 7 of the line - 1
            #expect(error.message.hasPrefix("unbalanced quotes"))
            #expect(error.hint?.isEmpty == false)
            #expect(!error.message.contains("hint:"))
        }
    }

    @Test func quoteErrorOnAContinuationLine() {
        do {
            _ = try script("HSET k\n  f 'v", line: 5)
            Issue.record("expected a failure")
        } catch {
            #expect(error.line == 6)
            #expect(error.column == 5)
        }
    }

    @Test func gluedClosingQuoteIsAnError() {
        do {
            _ = try script(#"ECHO "a"b"#)
            Issue.record("expected a failure")
        } catch {
            #expect(error.line == 10)
            #expect(error.column == 9)
        }
    }

    @Test func aBlockOfCommentsHasNoCommands() throws {
        #expect(try script("# nothing\n\n// here").commands.isEmpty)
        #expect(try script("").commands.isEmpty)
    }
}
