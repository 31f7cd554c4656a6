import RedbookNotebook
import Testing

/// Recording outputs in place: where regions go, what they look like, and that nothing else moves.
@Suite struct OutputRegionTests {
    @Test func aRegionIsInsertedRightAfterTheBlock() throws {
        let result = try TestNotebook.record("Intro\n\n```redis\nPING\n```\n\nMore prose.\n", [0: "PONG"])
        #expect(result == """
            Intro

            ```redis
            PING
            ```
            <!-- redbook:output -->

            PONG

            <!-- /redbook:output -->

            More prose.

            """)
    }

    @Test func aRecordedRegionIsReplacedAndReadBack() throws {
        let first = try TestNotebook.record("```redis\nGET a\n```\n", [0: "old\n\nvalue"])
        let notebook = try TestNotebook.parse(first)
        #expect(notebook.blocks[0].recordedOutput == "old\n\nvalue")
        let second = TestNotebook.string(notebook.recording([0: "new"]))
        #expect(second == "```redis\nGET a\n```\n<!-- redbook:output -->\n\nnew\n\n<!-- /redbook:output -->\n")
    }

    @Test func recordingTwiceGivesIdenticalBytes() throws {
        let source = "# T\n\n- a\n\n  ```redis\n  X\n  ```\n\n> ```redis\n> Y\n> ```\nEnd"
        let outputs = [0: "```\nOK\n```", 1: "| a |\n| - |\n| 1 |"]
        let once = try TestNotebook.record(source, outputs)
        let twice = try TestNotebook.record(once, outputs)
        #expect(once == twice)
        #expect(once != source)
    }

    @Test func regionLinesCarryTheListItemsIndentation() throws {
        let result = try TestNotebook.record("1. Step\n\n   ```redis\n   PING\n   ```\n2. Next\n", [0: "```\nPONG\n```"])
        #expect(result == """
            1. Step

               ```redis
               PING
               ```
               <!-- redbook:output -->

               ```
               PONG
               ```

               <!-- /redbook:output -->
            2. Next

            """)
        let notebook = try TestNotebook.parse(result)
        #expect(notebook.blocks.count == 1)
        #expect(notebook.blocks[0].recordedOutput == "```\nPONG\n```")
    }

    @Test func regionLinesCarryTheBlockQuotePrefix() throws {
        let result = try TestNotebook.record("> ```redis\n> PING\n> ```\n", [0: "a\n\nb"])
        #expect(result == "> ```redis\n> PING\n> ```\n> <!-- redbook:output -->\n>\n> a\n>\n> b\n>\n> <!-- /redbook:output -->\n")
        #expect(try TestNotebook.parse(result).blocks[0].recordedOutput == "a\n\nb")
    }

    @Test func aFenceOnTheListMarkerLineGetsSpacesForTheMarker() throws {
        let result = try TestNotebook.record("- ```redis\n  PING\n  ```\n", [0: "PONG"])
        #expect(result == "- ```redis\n  PING\n  ```\n  <!-- redbook:output -->\n\n  PONG\n\n  <!-- /redbook:output -->\n")
    }

    @Test func crlfFilesGetCRLFRegions() throws {
        let source = "Intro  \r\n\r\n```redis\r\nPING\r\n```\r\nafter\r\n"
        let result = try TestNotebook.record(source, [0: "PONG\nsecond"])
        #expect(result == "Intro  \r\n\r\n```redis\r\nPING\r\n```\r\n<!-- redbook:output -->\r\n\r\nPONG\r\nsecond\r\n\r\n<!-- /redbook:output -->\r\nafter\r\n")
        #expect(TestNotebook.string(try TestNotebook.parse(result).cleaned()) == source)
    }

    @Test func aFileWithoutAFinalNewlineKeepsHavingNone() throws {
        let source = "```redis\nPING\n```"
        let result = try TestNotebook.record(source, [0: "PONG"])
        #expect(result == "```redis\nPING\n```\n<!-- redbook:output -->\n\nPONG\n\n<!-- /redbook:output -->")
        #expect(try TestNotebook.record(result, [0: "PONG"]) == result)
        #expect(TestNotebook.string(try TestNotebook.parse(result).cleaned()) == source)
    }

    @Test func everythingOutsideRegionsIsKeptByteForByte() throws {
        let source = """
            ---
            title: Ünïcödé ✓ 日本語  
            ---

            * bullet with trailing spaces   
              continued\tline

              ```redis {name=a}
              SET café "crème brûlée"
              ```

            > quote 🚲
            >
            > ~~~~ swift
            > let x = 1
            > ~~~~

            | a | b |
            |---|---|
            | 1 | 2 |

                indented code
            ```redis {skip}
            SKIPPED
            ```
            tail without newline
            """
        let notebook = try TestNotebook.parse(source)
        #expect(notebook.blocks.count == 3)
        let recorded = try TestNotebook.parse(TestNotebook.string(notebook.recording([0: "OK", 1: "(integer) 1"])))
        #expect(recorded.blocks.count == 3)
        #expect(TestNotebook.string(recorded.cleaned()) == source)
        // The prose between blocks is still there, untouched, in the recorded file.
        let text = TestNotebook.string(recorded.bytes)
        for line in source.split(separator: "\n") {
            #expect(text.contains(line))
        }
    }

    @Test func blocksNotRecordedKeepTheirRegions() throws {
        let source = try TestNotebook.record("```redis {skip}\nA\n```\n\n```redis\nB\n```\n", [0: "kept", 1: "old"])
        let result = TestNotebook.string(try TestNotebook.parse(source).recording([1: "new"]))
        #expect(result.contains("\nkept\n"))
        #expect(result.contains("\nnew\n"))
        #expect(!result.contains("old"))
    }

    @Test func emptyOutputIsAnEmptyRegion() throws {
        let result = try TestNotebook.record("```redis\nA\n```\n", [0: ""])
        #expect(result == "```redis\nA\n```\n<!-- redbook:output -->\n<!-- /redbook:output -->\n")
        #expect(try TestNotebook.parse(result).blocks[0].recordedOutput == "")
    }

    @Test func blankLinesBeforeARegionAreAllowedAndKept() throws {
        let source = "```redis\nA\n```\n\n<!-- redbook:output -->\nold\n<!-- /redbook:output -->\n"
        let result = try TestNotebook.record(source, [0: "new"])
        #expect(result == "```redis\nA\n```\n\n<!-- redbook:output -->\n\nnew\n\n<!-- /redbook:output -->\n")
    }

    @Test func markersInsideCodeAreNotMarkers() throws {
        let source = "```markdown\n<!-- redbook:output -->\n```\n\n```redis\nA\n```\n"
        let notebook = try TestNotebook.parse(source)
        #expect(notebook.blocks.count == 1)
        #expect(notebook.blocks[0].recordedOutput == nil)
    }

    @Test func fencesInsideARegionNeverRun() throws {
        let result = try TestNotebook.record("```redis\nA\n```\n", [0: "```redis\nnot a block\n```"])
        let notebook = try TestNotebook.parse(result)
        #expect(notebook.blocks.map(\.block.source) == ["A"])
    }

    @Test func cleanRemovesEveryRegion() throws {
        let source = "a\n\n```redis\nA\n```\n\n- ```redis\n  B\n  ```\n"
        let recorded = try TestNotebook.record(source, [0: "x", 1: "y"])
        #expect(TestNotebook.string(try TestNotebook.parse(recorded).cleaned()) == source)
    }

    @Test func anIndentedFenceGetsAnIndentedRegionThatReadsBack() throws {
        let result = try TestNotebook.record("Text\n\n  ```redis\n  PING\n  ```\n", [0: "PONG"])
        #expect(result == "Text\n\n  ```redis\n  PING\n  ```\n  <!-- redbook:output -->\n\n  PONG\n\n  <!-- /redbook:output -->\n")
        #expect(try TestNotebook.parse(result).blocks[0].recordedOutput == "PONG")
    }

    @Test func aLoneCarriageReturnNeverMergesWithTheNextLine() throws {
        let source = "# T\r> ```redis\n> PING\n> ```\n\nafter\n"
        let recorded = try TestNotebook.parse(TestNotebook.record(source, [0: "PONG"]))
        #expect(recorded.blocks[0].recordedOutput == "PONG")
        #expect(TestNotebook.string(recorded.cleaned()) == source)
    }
}
