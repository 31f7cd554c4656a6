import Foundation
import RedbookTestSupport
import Testing

/// The vector-database tutorial: its committed outputs reproduce, and on the original tutorial's
/// data its three tables are byte for byte what redis-py, sentence-transformers and pandas give.
@Suite struct TutorialNotebookTests {
    static let notebook = PackageRoot.url("notebooks/vector-database.md")

    /// The recorded output region after the block named `name`.
    static func region(after name: String, in text: String) -> String? {
        guard let block = text.range(of: "{name=\(name)}"),
              let open = text.range(of: "<!-- redbook:output -->", range: block.upperBound..<text.endIndex),
              let close = text.range(of: "<!-- /redbook:output -->", range: open.upperBound..<text.endIndex) else { return nil }
        return String(text[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The golden file's tables, in order: KNN, hybrid, range.
    static func goldenTables() throws -> [String] {
        let text = String(decoding: try SharedFixtures.data("golden/minilm-bikes-knn.md"), as: UTF8.self)
        return text.components(separatedBy: "\n## ").dropFirst().map { section in
            let lines = section.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("|") }
            return lines.prefix { $0.hasPrefix("|") }.joined(separator: "\n")
        }
    }

    @Test func theRecordedTutorialReproduces() throws {
        let run = try RedbookBinary.run(["run", "--check", Self.notebook.path])
        #expect(run.status == 0, "\(run.standardOutput)\(run.standardError)")
    }

    @Test func anExportNamesTheModelTheStepsUsed() throws {
        let path = try NotebookCommandTests.notebook("```swift\nencode(\"a bike\").count\n```\n")
        let export = try RedbookBinary.run(["export", path])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(export.standardOutput.contains("> - Model: all-MiniLM-L6-v2 (384 dims)\n"))
        #expect(export.standardOutput.contains("```text\n384\n```"))
    }

    @Test func offlineRunsNeverTouchTheNetwork() throws {
        let path = try NotebookCommandTests.notebook("```swift\nlet data = fetch(\"http://127.0.0.1:9/bikes.json\")\n```\n")
        // Nothing ever answers on the discard port, so this address is never in the cache.
        let run = try RedbookBinary.run(["run", "--offline", path])
        #expect(run.status != 0)
        #expect(run.standardError.contains("nb.md:2:"), "\(run.standardError)")
        #expect(run.standardError.contains("not in the cache"), "\(run.standardError)")
    }

    @Test(.enabled(if: SharedFixtures.isAvailable))
    func onTheOriginalDataTheTablesMatchThePythonReference() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutorial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SharedFixtures.url("data/bikes.json"), to: folder.appendingPathComponent("data/bikes.json"))
        // The checks at the end are about the project's own data; this copy leaves them out.
        var text = try String(contentsOf: Self.notebook, encoding: .utf8)
        let checks = try #require(text.range(of: "```swift {name=checks}"))
        text = String(text[..<checks.lowerBound])
        let copy = folder.appendingPathComponent("vector-database.md")
        try Data(text.utf8).write(to: copy)

        let run = try RedbookBinary.run(["run", copy.path])
        #expect(run.status == 0, "\(run.standardError)")
        let recorded = try String(contentsOf: copy, encoding: .utf8)
        let golden = try Self.goldenTables()
        #expect(golden.count == 3)
        for (name, table) in zip(["knn", "hybrid", "range"], golden) {
            let region = try #require(Self.region(after: name, in: recorded), "no output after {name=\(name)}")
            #expect(region == table, "the \(name) table differs from the reference")
        }
    }
}
