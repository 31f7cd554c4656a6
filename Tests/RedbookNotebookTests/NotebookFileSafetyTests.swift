import Foundation
import Glibc
import RedbookNotebook
import Testing

/// Saving a notebook never loses the user's work: locks, edits made during a run, links, and
/// an output path that is the notebook itself.
@Suite struct NotebookFileSafetyTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nbsafe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let text = "```redis\nPING\n```\n"
    static let recorded = Array("```redis\nPING\n```\n<!-- redbook:output -->\n\nPONG\n\n<!-- /redbook:output -->\n".utf8)

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    @Test func aSecondOpenOfTheSameNotebookIsRefused() throws {
        let url = try Self.folder().appendingPathComponent("nb.md")
        try Self.write(Self.text, to: url)
        let first = try NotebookFile(path: url.path)
        let error = try #require(throws: NotebookError.self) { _ = try NotebookFile(path: url.path) }
        #expect(error.kind == .locked)
        #expect("\(error)".hasPrefix("\(url.path): error: another redbook process is running this notebook"))
        _ = try first.save(Self.recorded)
        // Once saved, the first run is done with the file: a new run reads what it wrote.
        #expect(try NotebookFile(path: url.path).notebook.bytes == Self.recorded)
    }

    @Test func theLockEndsWithTheHolder() throws {
        let url = try Self.folder().appendingPathComponent("nb.md")
        try Self.write(Self.text, to: url)
        do {
            let first = try NotebookFile(path: url.path)
            _ = try first.save(Self.recorded)
        }
        let again = try NotebookFile(path: url.path)
        #expect(again.notebook.bytes == Self.recorded)
    }

    @Test func anEditSavedDuringTheRunIsKeptAndTheResultGoesBeside() throws {
        let folder = try Self.folder()
        let url = folder.appendingPathComponent("notes.md")
        try Self.write(Self.text, to: url)
        let file = try NotebookFile(path: url.path)
        let edit = Self.text + "\nA paragraph typed while the run went on.\n"
        try Self.write(edit, to: url)
        let error = try #require(throws: NotebookError.self) { _ = try file.save(Self.recorded) }
        #expect(error.kind == .changedDuringRun)
        #expect("\(error)".contains("written to \(folder.path)/notes.redbook.md"))
        #expect(try String(contentsOf: url, encoding: .utf8) == edit)
        #expect(try Data(contentsOf: folder.appendingPathComponent("notes.redbook.md")) == Data(Self.recorded))
    }

    @Test func anEditThatKeepsTheSizeAndTimeIsStillNoticed() throws {
        let url = try Self.folder().appendingPathComponent("nb.md")
        try Self.write(Self.text, to: url)
        let before = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        let file = try NotebookFile(path: url.path)
        // Same length, same modification time, different bytes, written in place (same inode).
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("```redis\nPONG\n```\n".utf8))
        try handle.close()
        if let before { try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: url.path) }
        #expect(throws: NotebookError.self) { _ = try file.save(Self.recorded) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "```redis\nPONG\n```\n")
    }

    @Test func anUnchangedResultLeavesTheFileAlone() throws {
        let url = try Self.folder().appendingPathComponent("nb.md")
        try Self.write(Self.text, to: url)
        let file = try NotebookFile(path: url.path)
        #expect(try file.save(Array(Self.text.utf8)) == .unchanged)
        #expect(try file.save(Self.recorded) == .written)
    }

    @Test func aLinkIsWrittenThroughToItsTarget() throws {
        let folder = try Self.folder()
        let real = try Self.folder().appendingPathComponent("real.md")
        try Self.write(Self.text, to: real)
        let link = folder.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        let file = try NotebookFile(path: link.path)
        #expect(try file.save(Self.recorded) == .written)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        #expect(try Data(contentsOf: real) == Data(Self.recorded))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["link.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.deletingLastPathComponent().path) == ["real.md"])
    }

    @Test func aRelativeLinkChainIsFollowed() throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Self.write(Self.text, to: folder.appendingPathComponent("sub/real.md"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("one.md").path, withDestinationPath: "sub/two.md")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("sub/two.md").path, withDestinationPath: "real.md")
        try Notebook.write(Self.recorded, to: folder.appendingPathComponent("one.md").path)
        #expect(try Data(contentsOf: folder.appendingPathComponent("sub/real.md")) == Data(Self.recorded))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("one.md").path) == "sub/two.md")
    }

    @Test func anOutputThatIsTheInputIsRefused() throws {
        let folder = try Self.folder()
        let notebook = folder.appendingPathComponent("nb.md")
        try Self.write(Self.text, to: notebook)
        let link = folder.appendingPathComponent("alias.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "nb.md")
        let hard = folder.appendingPathComponent("hard.md")
        try FileManager.default.linkItem(at: notebook, to: hard)
        for output in [notebook.path, folder.path + "/./nb.md", link.path, hard.path] {
            let error = try #require(throws: NotebookError.self) { try Notebook.checkDistinct(output: output, input: notebook.path) }
            #expect(error.kind == .sameFile, "\(output)")
        }
        try Notebook.checkDistinct(output: folder.appendingPathComponent("results.md").path, input: notebook.path)
    }
}
