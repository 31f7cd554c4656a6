import Foundation
import RedbookNotebook
import Testing

/// Reading notebook files and replacing them atomically.
@Suite struct NotebookFileTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nbfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aMissingFileIsNamed() throws {
        let path = try folder().appendingPathComponent("absent.md").path
        let error = try #require(throws: NotebookError.self) { try Notebook.read(path: path) }
        #expect(error.kind == .missingFile)
        #expect("\(error)".hasPrefix("\(path): error: no such file"))
    }

    @Test func aFolderIsNotANotebook() throws {
        let path = try folder().path
        let error = try #require(throws: NotebookError.self) { try Notebook.read(path: path) }
        #expect(error.kind == .unreadable)
        #expect("\(error)".contains(path))
    }

    @Test func anInvalidUTF8FileIsNamed() throws {
        let url = try folder().appendingPathComponent("latin1.md")
        try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: url)
        let error = try #require(throws: NotebookError.self) { try Notebook.read(path: url.path) }
        #expect("\(error)".hasPrefix("\(url.path):1:4: error: the file is not valid UTF-8"))
    }

    @Test func writeReplacesTheFileKeepsItsModeAndLeavesNoTemporaryFile() throws {
        let dir = try folder()
        let url = dir.appendingPathComponent("nb.md")
        try Data("old".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        try Notebook.write(Array("new contents\n".utf8), to: url.path)
        #expect(try Data(contentsOf: url) == Data("new contents\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["nb.md"])
    }

    @Test func writingIntoAMissingFolderFailsWithTheFileName() throws {
        let path = try folder().appendingPathComponent("no/such/dir/out.md").path
        let error = try #require(throws: NotebookError.self) { try Notebook.write([], to: path) }
        #expect("\(error)".hasPrefix("\(path): error: cannot create a temporary file"))
    }
}
