import RedbookNotebook
import RedbookSession
import Testing

/// Which fenced blocks run, and what their attributes say.
@Suite struct NotebookBlocksTests {
    @Test func onlyRedisAndSwiftFencesRun() throws {
        let notebook = try TestNotebook.parse("""
            # Title

            ```redis
            PING
            ```

            ```json
            {"a": 1}
            ```

            ~~~swift
            let x = 1
            ~~~

            ```redis-cli
            PING
            ```

            ```Redis
            PING
            ```

                ```redis
                indented code is never runnable
                ```

            ```
            no language
            ```

            """)
        #expect(notebook.blocks.map(\.block.language) == [.redis, .swift])
        #expect(notebook.blocks.map(\.block.source) == ["PING", "let x = 1"])
        #expect(notebook.blocks.map(\.block.firstLine) == [4, 12])
    }

    @Test func blockCoordinatesInsideContainers() throws {
        let notebook = try TestNotebook.parse("- item\n\n  ```redis\n  SET a 1\n  GET a\n  ```\n\n> ```redis\n> PING\n> ```\n")
        #expect(notebook.blocks.map(\.block.source) == ["SET a 1\nGET a", "PING"])
        #expect(notebook.blocks.map(\.block.firstLine) == [4, 9])
        #expect(notebook.blocks.map(\.block.column) == [3, 3])
        #expect(notebook.blocks.map(\.fenceLine) == [3, 8])
    }

    @Test func attributesAreRead() throws {
        let notebook = try TestNotebook.parse("""
            ```redis {skip}
            A
            ```
            ```redis {expect-error}
            B
            ```
            ```redis   {name=load-2 skip}  
            C
            ```
            ```swift
            D
            ```
            """)
        #expect(notebook.blocks.map(\.skip) == [true, false, true, false])
        #expect(notebook.blocks.map(\.block.expectsError) == [false, true, false, false])
        #expect(notebook.blocks.map(\.name) == [nil, nil, "load-2", nil])
    }

    struct BadInfo: Sendable, CustomTestStringConvertible {
        var info: String
        var column: Int
        var fragment: String
        var testDescription: String { info }
    }

    static let badInfos: [BadInfo] = [
        BadInfo(info: "redis {bogus}", column: 13, fragment: "unknown attribute 'bogus'"),
        BadInfo(info: "redis {skip", column: 17, fragment: "missing '}'"),
        BadInfo(info: "redis {name}", column: 13, fragment: "needs a value"),
        BadInfo(info: "redis {skip=yes}", column: 13, fragment: "takes no value"),
        BadInfo(info: "redis {skip skip}", column: 18, fragment: "appears twice"),
        BadInfo(info: "redis{skip}", column: 11, fragment: "put a space"),
        BadInfo(info: "redis skip", column: 12, fragment: "attributes go in braces"),
        BadInfo(info: "redis {skip} extra", column: 19, fragment: "after the attributes"),
        BadInfo(info: "swift {name=a/b}", column: 18, fragment: "may hold only"),
    ]

    @Test(arguments: badInfos) func unknownOrMalformedAttributesAreRefusedWithTheirPosition(_ bad: BadInfo) throws {
        let error = try #require(TestNotebook.parseError("Intro\n\n  ```\(bad.info)\n  X\n  ```\n"))
        #expect(error.kind == .invalidAttribute)
        #expect(error.line == 3)
        #expect(error.column == bad.column)
        #expect(error.message.contains(bad.fragment))
        #expect("\(error)".hasPrefix("nb.md:3:\(bad.column): error: "))
    }

    @Test func otherLanguagesMayUseAnyInfoString() throws {
        let notebook = try TestNotebook.parse("```json {whatever}\n{}\n```\n")
        #expect(notebook.blocks.isEmpty)
    }

    @Test func anUnclosedRunnableFenceIsRefused() throws {
        let error = try #require(TestNotebook.parseError("Text\n\n```redis\nPING\n"))
        #expect(error.kind == .unclosedFence)
        #expect(error.line == 3)
        #expect(error.column == 1)
    }
}
