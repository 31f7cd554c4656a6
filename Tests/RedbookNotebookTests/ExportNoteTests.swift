import RedbookNotebook
import RedbookSession
import Testing

/// An export shows what `{skip}` and `{expect-error}` meant, since the attributes are dropped.
@Suite struct ExportNoteTests {
    static func body(_ text: String) throws -> String {
        let notebook = try TestNotebook.parse(text)
        let export = NotebookExport(notebook: notebook, run: nil, header: .init())
        let document = TestNotebook.string(export.bytes)
        return String(document.components(separatedBy: "---\n").dropFirst().joined(separator: "---\n"))
    }

    @Test func aSkippedBlockSaysItDidNotRun() throws {
        let body = try Self.body("```redis {skip}\nFLUSHALL\n```\n\nNext paragraph.\n")
        #expect(body.contains("```redis\nFLUSHALL\n```\n\n*Not run: this block is marked `{skip}`.*\n\nNext paragraph.\n"))
        #expect(!body.contains("{skip}\n"))
    }

    @Test func aSkippedBlockWithOldOutputSaysWhereItCameFrom() throws {
        let text = "- Step:\n\n  ```redis {skip}\n  PING\n  ```\n  <!-- redbook:output -->\n\n  PONG\n\n  <!-- /redbook:output -->\n"
        let body = try Self.body(text)
        #expect(body.contains("  ```\n\n  *Not run: this block is marked `{skip}`; the output below was recorded by an earlier run.*\n\n  PONG\n"))
    }

    @Test func anExpectedErrorIsMarked() throws {
        let body = try Self.body("```redis {expect-error}\nFOO\n```")
        #expect(body.hasSuffix("```redis\nFOO\n```\n\n*Expected to fail: this block is marked `{expect-error}`.*"))
    }

    @Test func plainBlocksGetNoNote() throws {
        let body = try Self.body("```redis {name=a}\nPING\n```\n")
        #expect(body == "\n```redis\nPING\n```\n")
    }
}
