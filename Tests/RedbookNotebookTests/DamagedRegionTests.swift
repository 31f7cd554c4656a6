import RedbookNotebook
import Testing

/// Damaged output markers are refused with their position; nothing is repaired by deleting prose.
@Suite struct DamagedRegionTests {
    struct Damage: Sendable, CustomTestStringConvertible {
        var name: String
        var markdown: String
        var line: Int
        var column: Int
        var fragment: String
        var testDescription: String { name }
    }

    static let damages: [Damage] = [
        Damage(name: "opening marker without a close",
               markdown: "```redis\nA\n```\n<!-- redbook:output -->\nold output\n\nImportant prose.\n",
               line: 4, column: 1, fragment: "never closed"),
        Damage(name: "closing marker without an opening one",
               markdown: "```redis\nA\n```\nold output\n<!-- /redbook:output -->\n",
               line: 5, column: 1, fragment: "without an opening"),
        Damage(name: "a second opening before the close",
               markdown: "```redis\nA\n```\n<!-- redbook:output -->\nx\n```redis\nB\n```\n<!-- redbook:output -->\ny\n<!-- /redbook:output -->\n",
               line: 4, column: 1, fragment: "not closed before the next one opens at line 9"),
        Damage(name: "a region after prose",
               markdown: "Some prose.\n\n<!-- redbook:output -->\nx\n<!-- /redbook:output -->\n",
               line: 3, column: 1, fragment: "does not follow a runnable block"),
        Damage(name: "a region after a block that does not run",
               markdown: "```json\n{}\n```\n<!-- redbook:output -->\nx\n<!-- /redbook:output -->\n",
               line: 4, column: 1, fragment: "does not follow a runnable block"),
        Damage(name: "a region separated from its block by prose",
               markdown: "```redis\nA\n```\nNote.\n<!-- redbook:output -->\nx\n<!-- /redbook:output -->\n",
               line: 5, column: 1, fragment: "does not follow a runnable block"),
        Damage(name: "a close outside the block quote of its opening",
               markdown: "> ```redis\n> A\n> ```\n> <!-- redbook:output -->\n> x\n\n<!-- /redbook:output -->\n",
               line: 7, column: 1, fragment: "same list item or block quote"),
        Damage(name: "a misspelt marker",
               markdown: "```redis\nA\n```\n<!-- redbook:output-->\nx\n<!-- /redbook:output -->\n",
               line: 4, column: 1, fragment: "is not an output marker"),
    ]

    @Test(arguments: damages) func damagedMarkersAreRefused(_ damage: Damage) throws {
        let error = try #require(TestNotebook.parseError(damage.markdown))
        #expect(error.kind == .damagedRegion)
        #expect(error.line == damage.line)
        #expect(error.column == damage.column)
        #expect(error.message.contains(damage.fragment))
        #expect("\(error)".hasPrefix("nb.md:\(damage.line):\(damage.column): error: "))
        #expect(error.hint != nil)
    }

    @Test func invalidUTF8IsRefusedWithItsPosition() throws {
        var bytes = Array("# ok\n\nab".utf8)
        bytes.append(0xC3)
        bytes.append(contentsOf: Array("(\n".utf8))
        let error = try #require(throws: NotebookError.self) { try Notebook(bytes: bytes, name: "bad.md") }
        #expect(error.kind == .invalidUTF8)
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect("\(error)".hasPrefix("bad.md:3:3: error: the file is not valid UTF-8"))
    }
}
