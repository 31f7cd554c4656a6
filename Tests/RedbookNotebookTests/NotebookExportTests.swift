import RedbookNotebook
import RedbookSession
import Testing

@Suite struct NotebookExportTests {
    static let source = """
        # Demo

        ```redis {name=set}
        SET a 1
        ```
        <!-- redbook:output -->

        old

        <!-- /redbook:output -->

        > ```redis {skip}
        > GET b
        > ```
        > <!-- redbook:output -->
        >
        > recorded b
        >
        > <!-- /redbook:output -->

        """

    @Test func anExportShowsCodeAndFreshOutputWithoutMarkers() throws {
        let notebook = try TestNotebook.parse(Self.source)
        let executor = ScriptedExecutor { _ in BlockOutcome(output: "OK", duration: .milliseconds(42)) }
        let run = try NotebookRunner(execute: executor.run).run(notebook)
        let header = NotebookExport.Header(ranAt: "2026-01-02 03:04:05 UTC", redis: "8.0.0 (embedded)", modules: ["search 8.0.0"])
        let text = TestNotebook.string(NotebookExport(notebook: notebook, run: run, header: header).bytes)
        #expect(text.hasPrefix("> **Results of `nb.md`**\n"))
        #expect(text.contains("> - Ran: 2026-01-02 03:04:05 UTC\n"))
        #expect(text.contains("> - Redis: 8.0.0 (embedded)\n"))
        #expect(text.contains("> - Modules: search 8.0.0\n"))
        #expect(text.contains("> - Model: none\n"))
        #expect(text.contains("> - Time: 42.0 ms for 1 block\n"))
        #expect(text.contains("| 3 | `SET a 1` | 42.0 ms |"))
        #expect(text.hasSuffix("""
            # Demo

            ```redis
            SET a 1
            ```

            OK

            > ```redis
            > GET b
            > ```
            >
            > *Not run: this block is marked `{skip}`; the output below was recorded by an earlier run.*
            >
            > recorded b

            """))
        #expect(!text.contains("redbook:output"))
        #expect(!text.contains("redis {skip}") && !text.contains("{name=set}"))
    }

    @Test func aNoRunExportShowsRecordedOutputsAndSaysSo() throws {
        let notebook = try TestNotebook.parse(Self.source)
        let text = TestNotebook.string(NotebookExport(notebook: notebook, run: nil, header: .init()).bytes)
        #expect(text.contains("Not run"))
        #expect(!text.contains("> - Ran:"))
        #expect(text.contains("\nold\n"))
        #expect(text.contains("> recorded b\n"))
        #expect(!text.contains("redbook:output"))
    }

    @Test func durationsAreShownInSecondsOrMilliseconds() {
        #expect(NotebookExport.durationText(.milliseconds(1_234)) == "1.234 s")
        #expect(NotebookExport.durationText(.milliseconds(5)) == "5.0 ms")
        #expect(NotebookExport.durationText(.microseconds(420)) == "0.4 ms")
        #expect(NotebookExport.durationText(.zero) == "0.0 ms")
    }
}
