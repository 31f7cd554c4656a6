import Foundation
import Testing
@testable import RedbookDSL

/// `fetch` of local paths and of locations it refuses.
@Suite struct FetchLocalTests {
    @Test func relativePathResolvesAgainstTheBaseFolder() throws {
        let folder = try FetchTemporaryFolder()
        try folder.write(#"[{"name": "Velo"}]"#, to: "data/bikes.json")
        let data = try folder.fetcher().fetch("data/bikes.json")
        #expect(String(decoding: data.bytes, as: UTF8.self) == #"[{"name": "Velo"}]"#)
        #expect(data.source == "data/bikes.json")
        #expect(data.fromCache == false)
    }

    @Test func absolutePathIsReadAsWritten() throws {
        let folder = try FetchTemporaryFolder()
        let elsewhere = try FetchTemporaryFolder()
        let path = try elsewhere.write("a,b\n1,2\n", to: "table.csv")
        let data = try folder.fetcher().fetch(path)
        #expect(data.bytes == Array("a,b\n1,2\n".utf8))
        #expect(data.source == path)
    }

    @Test func localFilesAreNeverCached() throws {
        let folder = try FetchTemporaryFolder()
        try folder.write("one", to: "note.txt")
        #expect(try folder.fetcher().fetch("note.txt").bytes == Array("one".utf8))
        try folder.write("two", to: "note.txt")
        #expect(try folder.fetcher().fetch("note.txt").bytes == Array("two".utf8))
        #expect(!FileManager.default.fileExists(atPath: folder.cache.path))
    }

    @Test func missingRelativeFileNamesBothPathsAndTheBaseFolder() throws {
        let folder = try FetchTemporaryFolder()
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch("data/nope.json") }
        #expect(error.kind == .missingFile)
        #expect(error.message == "no such file: data/nope.json (resolved to \(folder.path)/data/nope.json)")
        #expect(error.hint == "relative paths start at the notebook's folder, \(folder.path)")
    }

    @Test func missingAbsoluteFileIsNamedOnce() throws {
        let folder = try FetchTemporaryFolder()
        let path = folder.path + "/gone.json"
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch(path) }
        #expect(error.kind == .missingFile)
        #expect(error.description == "no such file: \(path)\nhint: check the path")
    }

    @Test func tildeIsNotExpanded() throws {
        let folder = try FetchTemporaryFolder()
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch("~/bikes.json") }
        #expect(error.kind == .missingFile)
        #expect(error.message.contains("resolved to \(folder.path)/~/bikes.json"))
        #expect(error.hint?.contains("~ is not expanded") == true)
    }

    @Test func emptyLocationIsRefused() throws {
        let folder = try FetchTemporaryFolder()
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch("") }
        #expect(error.message == "fetch was given an empty location")
    }

    @Test func folderIsRefused() throws {
        let folder = try FetchTemporaryFolder()
        try folder.write("x", to: "data/inside.json")
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch("data") }
        #expect(error.kind == .isFolder)
        #expect(error.message == "data (resolved to \(folder.path)/data) is a folder, not a file")
        #expect(error.hint == "name a file inside it, such as data/inside.json")
    }

    /// Root reads any file whatever its mode, so only another user can see this failure.
    @Test(.enabled(if: getuid() != 0, "root can read a file of mode 000"))
    func unreadableFileSaysPermissionDenied() throws {
        let folder = try FetchTemporaryFolder()
        let path = try folder.write("secret", to: "locked.json")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch("locked.json") }
        #expect(error.kind == .unreadable)
        #expect(error.message == "cannot read locked.json (resolved to \(path)): permission denied")
    }

    @Test func permissionErrorsHaveTheirOwnMessage() {
        let error = LocalFile.failure(errno: EACCES, name: "locked.json (resolved to /n/locked.json)",
                                      written: "locked.json", baseFolder: "/n")
        #expect(error.kind == .unreadable)
        #expect(error.message == "cannot read locked.json (resolved to /n/locked.json): permission denied")
        #expect(error.hint == "check the permissions of the file and of the folders above it")
    }

    @Test func localFileOverTheLimitIsRefused() throws {
        let folder = try FetchTemporaryFolder()
        try folder.write(String(repeating: "x", count: 1001), to: "big.txt")
        try folder.write(String(repeating: "x", count: 1000), to: "fits.txt")
        let fetcher = folder.fetcher(maximumBytes: 1000)
        #expect(try fetcher.fetch("fits.txt").bytes.count == 1000)
        let error = try #require(throws: FetchError.self) { try fetcher.fetch("big.txt") }
        #expect(error.kind == .tooLarge)
        #expect(error.message.hasSuffix("is larger than the 1000 bytes limit"))
    }

    @Test func deviceWithoutASizeStopsAtTheLimit() throws {
        let folder = try FetchTemporaryFolder()
        let error = try #require(throws: FetchError.self) { try folder.fetcher(maximumBytes: 100_000).fetch("/dev/zero") }
        #expect(error.kind == .tooLarge)
    }

    @Test(arguments: ["ftp://files.example.com/bikes.json", "data:application/json,[1]", "s3://bucket/bikes.json"])
    func otherSchemesAreRefusedByName(location: String) throws {
        let folder = try FetchTemporaryFolder()
        let scheme = location.prefix { $0 != ":" }
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch(location) }
        #expect(error.kind == .unsupportedScheme)
        #expect(error.message == "fetch cannot read '\(location)': the \(scheme): scheme is not supported")
        #expect(error.hint?.contains("fetch reads local paths, file:// URLs and http:// or https:// URLs") == true)
    }

    @Test func aFileURLNamesALocalPath() throws {
        let folder = try FetchTemporaryFolder()
        let path = try folder.write("[1]", to: "data/one.json")
        #expect(try folder.fetcher().fetch("FILE://" + path).bytes == Array("[1]".utf8))
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch("file://elsewhere.example/srv/a.json") }
        #expect(error.kind == .invalidURL)
        #expect(error.message == "fetch cannot read 'file://elsewhere.example/srv/a.json': not a file URL of this machine")
    }

    @Test func aColonNameCanBeReadAsDotSlash() throws {
        let folder = try FetchTemporaryFolder()
        try folder.write("[]", to: "notes:v2.json")
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch("notes:v2.json") }
        #expect(error.hint?.hasSuffix("for a local file whose name holds a colon, write ./notes:v2.json") == true)
        #expect(try folder.fetcher().fetch("./notes:v2.json").bytes == Array("[]".utf8))
    }

    @Test func refusedSchemesHideCredentials() throws {
        let folder = try FetchTemporaryFolder()
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch("ftp://anna:hunter2@files.example.com/x") }
        #expect(error.message == "fetch cannot read 'ftp://***@files.example.com/x': the ftp: scheme is not supported")
    }
}
