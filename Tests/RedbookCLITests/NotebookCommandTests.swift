import Foundation
import Glibc
import RedbookTestSupport
import Testing

/// `redbook run`, `clean` and `export`, run as a user would: the built binary on files in a temporary folder.
@Suite struct NotebookCommandTests {
    /// A fresh folder holding `name` with `text`; returns the file's path.
    static func notebook(_ text: String, name: String = "nb.md") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nbcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func contents(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    static let recorded = """
        # Notebook

        ```redis
        PING
        ```
        <!-- redbook:output -->

        old ping

        <!-- /redbook:output -->

        > ```redis {skip}
        > PING
        > ```
        > <!-- redbook:output -->
        >
        > kept
        >
        > <!-- /redbook:output -->
        """

    @Test func cleanRemovesRegionsAndKeepsEverythingElse() throws {
        let path = try Self.notebook(Self.recorded)
        let result = try RedbookBinary.run(["clean", path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Self.contents(path) == "# Notebook\n\n```redis\nPING\n```\n\n> ```redis {skip}\n> PING\n> ```")
    }

    @Test func runCleanWithOutputWritesElsewhere() throws {
        let path = try Self.notebook(Self.recorded)
        let out = path + ".clean.md"
        let result = try RedbookBinary.run(["run", "--clean", path, "-o", out])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try Self.contents(path) == Self.recorded)
        #expect(try !Self.contents(out).contains("redbook:output"))
    }

    @Test func aMissingNotebookIsNamed() throws {
        let result = try RedbookBinary.run(["run", "/nonexistent/notebook.md"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("/nonexistent/notebook.md: error: no such file"))
    }

    @Test func aDamagedNotebookIsRefusedAndLeftAlone() throws {
        let text = "Intro\n\n```redis\nPING\n```\n<!-- redbook:output -->\nPrecious prose.\n"
        let path = try Self.notebook(text)
        for arguments in [["run", path], ["clean", path], ["export", "--no-run", path]] {
            let result = try RedbookBinary.run(arguments)
            #expect(result.status != 0)
            #expect(result.standardError.contains("\(path):6:1: error: output region opened here is never closed"))
            #expect(try Self.contents(path) == text)
        }
    }

    @Test func anUnknownAttributeIsRefusedWithItsPosition() throws {
        let path = try Self.notebook("```redis {skp}\nPING\n```\n")
        let result = try RedbookBinary.run(["run", path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("\(path):1:11: error: unknown attribute 'skp'"))
    }

    @Test func theRunStopsAtAFailingBlockRecordsItAndExitsNonZero() throws {
        let text = """
            ```redis
            NOSUCHCOMMAND here
            ```

            ```redis
            PING
            ```
            <!-- redbook:output -->
            later output
            <!-- /redbook:output -->

            """
        let path = try Self.notebook(text)
        let result = try RedbookBinary.run(["run", path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("\(path):2:1: error: "))
        let after = try Self.contents(path)
        #expect(after.hasPrefix("```redis\nNOSUCHCOMMAND here\n```\n<!-- redbook:output -->\n"))
        #expect(after.contains("later output"))
    }

    @Test func anUnknownOnlyNameFails() throws {
        let path = try Self.notebook("```redis {name=a}\nPING\n```\n")
        let result = try RedbookBinary.run(["run", "--only", "b", path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("no block is named 'b'"))
        #expect(try Self.contents(path) == "```redis {name=a}\nPING\n```\n")
    }

    @Test func runHelpDescribesTheOptions() throws {
        let result = try RedbookBinary.run(["run", "--help"])
        #expect(result.status == 0)
        for option in ["--only", "--keep-going", "--check", "--clean", "--output", "--redis"] {
            #expect(result.standardOutput.contains(option))
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressIsShownOnlyWhenStderrIsATerminal() throws {
        let path = try Self.notebook("```redis\nPING\n```\n\n```redis\nECHO two\n```\n")
        let piped = try RedbookBinary.run(["run", "--check", "--keep-going", path])
        #expect(!piped.standardError.contains("[1/2]"))
        let (text, _) = try RedbookBinary.runOnTerminal(["run", "--check", "--keep-going", path])
        #expect(text.contains("[1/2] line 1: PING …"))
        #expect(text.contains("[2/2] line 5: ECHO two …"))
        #expect(text.contains(" ms\r\n") || text.contains(" s\r\n"))
    }
}
