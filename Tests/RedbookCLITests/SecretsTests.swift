import Foundation
import Glibc
import RedbookRedis
import RedbookTestSupport
import Testing

/// A password given in `--redis`, `REDIS_URL` or `AUTH` shows up nowhere: not on stdout or
/// stderr, not in recorded outputs or exports, not in the process title, whatever fails.
@Suite struct SecretsTests {
    /// A user of the shared test server whose password is a marker no output may hold.
    private struct Account {
        let user = TestRedis.uniqueName("user").replacingOccurrences(of: ":", with: "-")
        let password = "Mk\(UUID().uuidString.prefix(12))pw"
        let endpoint: String

        init() throws {
            let connection = try TestRedis.connection()
            endpoint = try TestRedis.shared().url.endpoint
            let reply = try connection.send(RedisCommand("ACL", "SETUSER", user, "on", ">\(password)", "~*", "&*", "+@all"))
            #expect(reply == .status("OK"))
        }

        func url(password: String? = nil, endpoint: String? = nil, database: Int = 13) -> String {
            "redis://\(user):\(password ?? self.password)@\(endpoint ?? self.endpoint)/\(database)"
        }

        /// Fails the test when `text` holds the password, naming where it leaked.
        func expectHidden(_ text: String, in place: String, _ location: SourceLocation = #_sourceLocation) {
            #expect(!text.contains(password), "the password leaked into \(place): \(text)", sourceLocation: location)
        }

        func expectHidden(_ run: RedbookBinary.Result, _ label: String, _ location: SourceLocation = #_sourceLocation) {
            expectHidden(run.standardOutput, in: "stdout of \(label)", location)
            expectHidden(run.standardError, in: "stderr of \(label)", location)
        }
    }

    /// Output regions only: a notebook's own text is the author's to write.
    private static func outputs(_ path: String) throws -> String {
        let text = try NotebookCommandTests.contents(path)
        return text.components(separatedBy: "<!-- redbook:output -->").dropFirst()
            .map { $0.components(separatedBy: "<!-- /redbook:output -->")[0] }.joined(separator: "\n")
    }

    private static let failing = "```redis\nSET secret:probe 1\nAUTH nobody wrong\nFT.SEARCH no-such-index \"*\"\n```\n"

    @Test func aFailingRunWithThePasswordInTheURLShowsItNowhere() throws {
        let account = try Account()
        let path = try NotebookCommandTests.notebook(Self.failing)
        let run = try RedbookBinary.run(["run", "--keep-going", "--redis", account.url(), path])
        #expect(run.status != 0)
        #expect(run.standardError.contains("WRONGPASS") || run.standardError.contains("error"), "\(run.standardError)")
        account.expectHidden(run, "run --redis")
        account.expectHidden(try NotebookCommandTests.contents(path), in: "the recorded notebook")

        let viaEnvironment = try RedbookBinary.run(["run", "--keep-going", path], environment: ["REDIS_URL": account.url()])
        #expect(viaEnvironment.status != 0)
        account.expectHidden(viaEnvironment, "run with REDIS_URL")

        let export = try RedbookBinary.run(["export", "--keep-going", "--redis", account.url(), path])
        #expect(export.standardOutput.contains("redis://\(account.user):***@"), "\(export.standardOutput)")
        account.expectHidden(export, "export")
    }

    @Test func connectionFailuresNameTheServerWithoutThePassword() throws {
        let account = try Account()
        let path = try NotebookCommandTests.notebook("```redis\nPING\n```\n")
        let cases = [
            ("a wrong password", account.url(password: account.password + "x")),
            ("a closed port", account.url(endpoint: "127.0.0.1:1")),
            ("a port out of range", account.url(endpoint: "127.0.0.1:99999999")),
            ("a misspelt scheme", account.url().replacingOccurrences(of: "redis://", with: "reddis://")),
            ("a database that does not exist", account.url(database: 999_999)),
        ]
        for (label, url) in cases {
            let run = try RedbookBinary.run(["run", "--redis", url, path])
            #expect(run.status != 0, "\(label)")
            #expect(run.standardError.contains("error"), "\(label): \(run.standardError)")
            account.expectHidden(run, label)
            account.expectHidden(try NotebookCommandTests.contents(path), in: "the notebook after \(label)")
        }
    }

    @Test func anAuthEntryAtThePipedReplEchoesNoPassword() throws {
        let account = try Account()
        let input = "AUTH \(account.user) \(account.password)\nACL WHOAMI\nAUTH \(account.user) \(account.password)-wrong\n"
        let run = try RedbookBinary.run(["repl", "--redis", "redis://\(account.endpoint)"], environment: ["REDBOOK_HISTFILE": "/dev/null"],
                                        stdin: Data(input.utf8))
        #expect(run.status != 0, "the wrong AUTH fails")
        #expect(run.standardOutput.contains(account.user), "\(run.standardOutput)")
        account.expectHidden(run, "repl")
    }

    @Test func theProcessTitleHidesThePassword() throws {
        let account = try Account()
        let process = Process()
        process.executableURL = RedbookBinary.url
        process.arguments = ["repl", "--redis", account.url()]
        process.environment = ProcessInfo.processInfo.environment.merging(["REDBOOK_HISTFILE": "/dev/null"]) { $1 }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        // The title changes before any connection: wait until the process has started for real.
        var title = ""
        for _ in 0..<200 {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(process.processIdentifier)/cmdline"))) ?? Data()
            title = String(decoding: bytes.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            if title.contains("redis://"), !title.contains(account.password) { break }
            usleep(10_000)
        }
        #expect(title.contains("repl --redis redis://\(account.user):"), "\(title)")
        account.expectHidden(title, in: "the process title")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressLinesOnATerminalHideAnAuthBlock() throws {
        let account = try Account()
        let path = try NotebookCommandTests.notebook("```redis\nAUTH \(account.user) \(account.password)\nACL WHOAMI\n```\n")
        let (text, status) = try RedbookBinary.runOnTerminal(["run", "--redis", "redis://\(account.endpoint)", path])
        #expect(status == 0, "\(text)")
        #expect(text.contains("[1/1] line 1: AUTH (not shown: it may hold a password) …"), "\(text)")
        account.expectHidden(text, in: "the progress line")
        account.expectHidden(try Self.outputs(path), in: "the recorded output")
    }
}
