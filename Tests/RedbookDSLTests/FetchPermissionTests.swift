import Foundation
import RedbookDSL
import Testing

/// Local reads of a notebook from elsewhere stay in its folder and the `--allow-read` paths.
@Suite struct FetchPermissionTests {
    /// A notebook folder and, beside it, a folder of the user's with a private file.
    private struct Layout {
        let root = try! FetchTemporaryFolder()
        var notebook: URL { root.url.appendingPathComponent("notebook", isDirectory: true) }
        var secret: String { root.url.appendingPathComponent("private/secret.json").path }

        init() throws {
            try root.write("[\"inside\"]", to: "notebook/data/bikes.json")
            try root.write("[\"secret\"]", to: "private/secret.json")
        }

        func fetcher(allowing paths: [URL]? = []) -> Fetcher {
            Fetcher(settings: FetchSettings(baseFolder: notebook, cacheFolder: root.cache, readablePaths: paths))
        }
    }

    @Test func filesInsideTheNotebooksFolderAreRead() throws {
        let layout = try Layout()
        #expect(try layout.fetcher().fetch("data/bikes.json").bytes == Array("[\"inside\"]".utf8))
    }

    @Test(arguments: ["../private/secret.json", "data/../../private/secret.json"])
    func aPathOutsideIsRefusedWithTheFlagThatAllowsIt(_ written: String) throws {
        let layout = try Layout()
        let error = try #require(throws: FetchError.self) { try layout.fetcher().fetch(written) }
        #expect(error.kind == .notPermitted)
        #expect(error.message.hasPrefix("fetch may not read \(written) (resolved to \(layout.secret)): it is outside the notebook's folder"))
        #expect(error.hint == "if you trust this notebook, run it with --allow-read \(layout.secret) (a file or a folder holding it)")
    }

    @Test func anAbsolutePathOrFileURLOutsideIsRefused() throws {
        let layout = try Layout()
        #expect(try #require(throws: FetchError.self) { try layout.fetcher().fetch(layout.secret) }.kind == .notPermitted)
        // A file: URL needs --allow-read even inside the notebook's folder.
        let inside = layout.notebook.appendingPathComponent("data/bikes.json").path
        let error = try #require(throws: FetchError.self) { try layout.fetcher().fetch("file://" + inside) }
        #expect(error.message.hasSuffix("it is a file: URL outside the --allow-read paths"))
    }

    @Test func aLinkInsideThatLeadsOutsideIsRefused() throws {
        let layout = try Layout()
        let link = layout.notebook.appendingPathComponent("data/link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: layout.secret)
        let error = try #require(throws: FetchError.self) { try layout.fetcher().fetch("data/link.json") }
        #expect(error.kind == .notPermitted)
    }

    @Test func allowReadOpensAFileOrAFolder() throws {
        let layout = try Layout()
        let folder = URL(fileURLWithPath: layout.secret).deletingLastPathComponent()
        for allowed in [URL(fileURLWithPath: layout.secret), folder] {
            let fetcher = layout.fetcher(allowing: [allowed])
            #expect(try fetcher.fetch("../private/secret.json").bytes == Array("[\"secret\"]".utf8))
            #expect(try fetcher.fetch("file://" + layout.secret).bytes == Array("[\"secret\"]".utf8))
        }
        // A folder's name is not a prefix of its neighbour's: /a/priv does not open /a/private.
        let neighbour = layout.root.url.appendingPathComponent("priv")
        #expect(throws: FetchError.self) { try layout.fetcher(allowing: [neighbour]).fetch(layout.secret) }
    }

    @Test func withoutRestrictionsAnyPathIsRead() throws {
        let layout = try Layout()
        #expect(try layout.fetcher(allowing: nil).fetch(layout.secret).bytes == Array("[\"secret\"]".utf8))
    }
}
