import Foundation
import RedbookREPL
import RedbookRedis
import RedbookTestSupport
import Testing

/// `redbook repl` on a real pseudo-terminal, against its own embedded server.
@Suite(.serialized) struct ReplTerminalTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func repl(_ arguments: [String] = []) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(program: RedbookBinary.url.path, ["repl"] + arguments, environment: ["REDBOOK_HISTFILE": folder.appendingPathComponent("history").path])
        try terminal.waitFor("> ")
        return terminal
    }

    /// The embedded server's port, from the prompt.
    private func port(of terminal: PseudoTerminal) throws -> Int {
        let match = try #require(terminal.output.firstMatch(of: /127\.0\.0\.1:(\d+)>/))
        return try #require(Int(match.1))
    }

    @Test func aCommandGetsItsReplyAndCtrlDLeavesNoServer() throws {
        let terminal = try repl()
        let port = try port(of: terminal)
        terminal.type("PING\r")
        // Ctrl-D typed before the next prompt would reach a terminal still in line mode.
        try terminal.waitFor("> ", after: try terminal.waitFor("PONG"))
        #expect(try terminal.pressCtrlDUntilExit() == 0)
        let url = RedisURL(host: "127.0.0.1", port: port)
        #expect((try? RedisConnection(url: url, connectTimeout: .seconds(1))) == nil, "the embedded server is still up")
    }

    @Test func tabCompletesCommandsAndKeysAndAHintFollowsACommand() throws {
        let terminal = try repl()
        try terminal.enter("SET replkey:Alpha 1", expecting: "OK")
        var mark = terminal.mark
        terminal.type("ft.se\t")
        mark = try terminal.waitFor("FT.SEARCH", after: mark)
        // The key completes from a prefix in another case; Enter then reads it back.
        mark = terminal.mark
        terminal.type("\u{15}GET REPLK\t\r")
        mark = try terminal.waitFor("\"1\"", after: mark)
        mark = terminal.mark
        terminal.type("\u{15}SET ")
        try terminal.waitFor("key value [NX|XX] [GET]", after: mark)
    }

    @Test func aPastedFTCreateSpansLinesAndASwiftStepShowsItsValue() throws {
        let terminal = try repl()
        let index = "idx\(UUID().uuidString.prefix(6))"
        terminal.type("FT.CREATE \(index) ON JSON SCHEMA\r  $.name AS name TEXT\r  $.price AS price NUMERIC\r")
        var mark = try terminal.waitFor("OK")
        try terminal.waitFor("> ", after: mark)
        try terminal.enter("FT.INFO \(index)", expecting: "| price")
        mark = terminal.mark
        terminal.type("let prices = [270, 1200,\r")
        mark = try terminal.waitFor("...> ", after: mark)
        terminal.type("455]\rprices.map { $0 * 2 }.max()\r")
        try terminal.waitFor("2400", after: mark)
    }

    @Test func ctrlCDropsAHalfTypedLineAndStopsALongStep() throws {
        let terminal = try repl()
        terminal.type("SET never:typed 1\u{03}")
        try terminal.waitFor("> ", after: try terminal.waitFor("^C"))
        try terminal.enter("EXISTS never:typed", expecting: "(integer) 0")
        try terminal.enter("var laps = 0", expecting: "")
        var mark = terminal.mark
        terminal.type("while true { laps += 1 }\r")
        Thread.sleep(forTimeInterval: 0.5)
        terminal.type("\u{03}")
        mark = try terminal.waitFor("error: interrupted", after: mark)
        terminal.type("laps > 0\r")
        try terminal.waitFor("true", after: mark)
        #expect(terminal.isRunning)
    }

    @Test func historyIsPrivateAndKeepsNoPassword() throws {
        let terminal = try repl()
        try terminal.enter("AUTH default s3cret-marker", expecting: "OK")
        try terminal.enter("ECHO kept", expecting: "\"kept\"")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
        let path = folder.appendingPathComponent("history").path
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("ECHO kept"))
        #expect(!text.contains("s3cret-marker"))
    }

    @Test func aSavedSessionPassesRunCheck() throws {
        let terminal = try repl()
        let notebook = folder.appendingPathComponent("session.md").path
        try terminal.enter("SET saved:count 41", expecting: "OK")
        try terminal.enter("INCR saved:count", expecting: "(integer) 42")
        try terminal.enter("let words = [\"b\", \"a\"].sorted()", expecting: "")
        try terminal.enter("words", expecting: "\"a\",")
        try terminal.enter("NOSUCHCOMMAND x", expecting: "(error)")
        try terminal.enter(":save \(notebook)", expecting: "saved 5 entries")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
        let check = try RedbookBinary.run(["run", "--check", notebook])
        #expect(check.status == 0, "\(check.standardOutput)\n\(check.standardError)")
        let text = try String(contentsOfFile: notebook, encoding: .utf8)
        #expect(text.contains("```redis {expect-error}\nNOSUCHCOMMAND x\n```"))
    }

    @Test func theExampleSessionRunsFromAFile() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Examples/REPL/session.txt").standardizedFileURL
        let result = try RedbookBinary.run(["repl"], stdin: try Data(contentsOf: example))
        #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)")
        #expect(result.standardOutput.contains("| shop:001 | Spoke & Chain |      41 |"))
        #expect(result.standardOutput.contains("2 shops, 58 bikes"))
        #expect(result.standardOutput.contains("total  Int    58"))
    }

    @Test func pipedInputRunsInOrderAndFailsWhenAnEntryFails() throws {
        let input = "SET piped 1\nGET piped\nlet n = 2\nn * 21\nNOSUCHCOMMAND\nECHO after\n"
        let result = try RedbookBinary.run(["repl"], stdin: Data(input.utf8))
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("OK\n\"1\"\n42\n(error) ERR unknown command"))
        #expect(result.standardOutput.hasSuffix("\"after\"\n"))
        #expect(!result.standardOutput.contains("> "), "no prompts without a terminal")
        let clean = try RedbookBinary.run(["repl"], stdin: Data("PING\n".utf8))
        #expect(clean.status == 0)
        #expect(clean.standardOutput == "PONG\n")
    }
}
