import RedbookNotebook
import Testing

/// Inputs no person writes but a file can hold: one enormous line, NUL bytes.
@Suite struct UnusualInputTests {
    @Test func aFiftyMegabyteLineParsesAndRecords() throws {
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: 50 << 20)
        let text = line + Array("\n\n```redis\nPING\n```\n".utf8)
        let notebook = try Notebook(bytes: text, name: "long.md")
        #expect(notebook.blocks.map(\.fenceLine) == [3])
        let recorded = notebook.recording([0: "PONG"])
        #expect(try Notebook(bytes: recorded, name: "long.md").blocks.first?.recordedOutput == "PONG")
    }

    @Test func aFiftyMegabyteCommandLineIsOneBlockLine() throws {
        let value = [UInt8](repeating: UInt8(ascii: "v"), count: 50 << 20)
        let text = Array("```redis\nSET k ".utf8) + value + Array("\n```\n".utf8)
        let notebook = try Notebook(bytes: text, name: "long.md")
        #expect(notebook.blocks.first?.block.source.utf8.count == 6 + (50 << 20))
    }

    @Test func nulBytesInProseAreKeptByteForByte() throws {
        let text = "Pro\u{0}se.\n\n```redis\nPING\n```\n"
        let recorded = TestNotebook.string(try TestNotebook.parse(text).recording([0: "PONG"]))
        #expect(recorded == text + "<!-- redbook:output -->\n\nPONG\n\n<!-- /redbook:output -->\n")
        #expect(try TestNotebook.parse(recorded).cleaned() == Array(text.utf8))
    }

    /// Markdown reads a NUL as U+FFFD, so such a block would send or run other bytes than the file holds.
    @Test func aNulByteInARunnableBlockIsRefusedWhereItStands() throws {
        let redis = try #require(TestNotebook.parseError("Intro.\n\n```redis\nPING\nSET k a\u{0}b\n```\n"))
        #expect(redis.kind == .nulByte)
        #expect((redis.line, redis.column) == (5, 8))
        #expect(redis.hint == #"delete it, or write it as \x00 inside a "..." argument"#)
        let swift = try #require(TestNotebook.parseError("> ```swift\n> let s = \"\u{0}\"\n> ```\n"))
        #expect((swift.kind, swift.line, swift.column) == (.nulByte, 2, 12))
        // Other languages' blocks are prose to the runner.
        #expect(TestNotebook.parseError("```text\n\u{0}\n```\n") == nil)
    }
}
