import RedbookRedis
import Testing

/// redis-cli's argument rules, case by case; expected bytes are written out by hand.
@Suite struct CommandLineParserTests {
    private func arguments(_ line: String) throws -> [[UInt8]] {
        try CommandLineParser.split(line).map(\.bytes)
    }

    private func texts(_ line: String) throws -> [String] {
        try arguments(line).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func whitespaceSeparatesArguments() throws {
        #expect(try texts("SET  key\tvalue ") == ["SET", "key", "value"])
        #expect(try texts("") == [])
        #expect(try texts("   \t ") == [])
    }

    @Test func columnsAreOneBasedByteOffsets() throws {
        let split = try CommandLineParser.split(#"GET "é x"  k"#)
        #expect(split.map(\.column) == [1, 5, 13])
        #expect(split[1].bytes == [0xC3, 0xA9, 0x20, 0x78])
    }

    @Test func doubleQuotesUnderstandEscapes() throws {
        #expect(try arguments(#""a\nb\rc\td\be\af\\g\"h""#) == [
            [0x61, 0x0A, 0x62, 0x0D, 0x63, 0x09, 0x64, 0x08, 0x65, 0x07, 0x66, 0x5C, 0x67, 0x22, 0x68],
        ])
    }

    @Test func hexEscapesGiveAnyByteIncludingZero() throws {
        #expect(try arguments(#""\x00\xff\x7F\xAb""#) == [[0x00, 0xFF, 0x7F, 0xAB]])
        #expect(try arguments(#""caf\xc3\xa9""#) == [Array("café".utf8)])
    }

    @Test func incompleteHexAndUnknownEscapesKeepTheCharacter() throws {
        // redis-cli writes the character after a backslash when it is not a known escape.
        #expect(try texts(#""\x4g" "\q" "\x""#) == ["x4g", "q", "x"])
    }

    @Test func singleQuotesAreLiteralExceptEscapedQuote() throws {
        #expect(try texts(#"'a\nb' 'it\'s' '\x41'"#) == [#"a\nb"#, "it's", #"\x41"#])
        #expect(try texts(#"'{"brand":"Nord"}'"#) == [#"{"brand":"Nord"}"#])
    }

    @Test func quotesMayStartInsideAnArgument() throws {
        #expect(try texts(#"key"with space" x'y z'"#) == ["keywith space", "xy z"])
    }

    @Test func emptyQuotedArguments() throws {
        #expect(try texts(#"SET k """#) == ["SET", "k", ""])
        #expect(try texts("SET k ''") == ["SET", "k", ""])
    }

    @Test func unbalancedDoubleQuotePointsAtTheOpeningQuote() {
        #expect {
            try CommandLineParser.split(#"SET key "unterminated"#)
        } throws: { error in
            (error as? CommandLineParser.SyntaxError)?.column == 9
        }
    }

    @Test func unbalancedSingleQuotePointsAtTheOpeningQuote() {
        #expect(throws: CommandLineParser.SyntaxError.self) { try CommandLineParser.split("SET 'a b") }
        do {
            _ = try CommandLineParser.split("SET k 'it\\'")
            Issue.record("expected an error")
        } catch {
            #expect(error.column == 7)
            #expect(error.reason.contains("unbalanced"))
        }
    }

    @Test func trailingBackslashInsideQuotesIsUnbalanced() {
        do {
            _ = try CommandLineParser.split(#"ECHO "abc\"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.column == 6)
        }
    }

    @Test func closingQuoteMustBeFollowedBySpaceOrEnd() throws {
        do {
            _ = try CommandLineParser.split(#"SET "a"b"#)
            Issue.record("expected an error")
        } catch {
            #expect(error.column == 8)
            #expect(error.reason.contains("followed by a space"))
        }
        do {
            _ = try CommandLineParser.split("SET 'a'b")
            Issue.record("expected an error")
        } catch {
            #expect(error.column == 8)
        }
        #expect(try texts("SET \"a\"\t'b'") == ["SET", "a", "b"])
    }

    @Test func binaryLinesSplitLikeText() throws {
        let line: [UInt8] = [0x53, 0x45, 0x54, 0x20, 0xFF, 0x00, 0x20, 0x22, 0x5C, 0x78, 0x30, 0x30, 0x22]
        #expect(try CommandLineParser.split(bytes: line).map(\.bytes) == [[0x53, 0x45, 0x54], [0xFF, 0x00], [0x00]])
    }

    @Test func errorDescriptionCarriesColumnAndHint() {
        let error = CommandLineParser.SyntaxError(column: 4, reason: "unbalanced quotes", hint: "close it")
        #expect(error.description == "column 4: unbalanced quotes (hint: close it)")
    }

    @Test func aFiftyMegabyteLineSplits() throws {
        let value = [UInt8](repeating: UInt8(ascii: "v"), count: 50 << 20)
        let split = try CommandLineParser.split(bytes: Array("SET k ".utf8) + value)
        #expect(split.map(\.column) == [1, 5, 7])
        #expect(split[2].bytes.count == 50 << 20)
        #expect(throws: CommandLineParser.SyntaxError.self) {
            try CommandLineParser.split(bytes: Array("SET k \"".utf8) + value)
        }
    }
}
