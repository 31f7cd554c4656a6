import Foundation
@testable import RedbookREPL
import Testing

/// The history file between sessions: bounded, private, multi-line entries kept whole.
@Suite struct HistoryFileTests {
    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("redbook-history-\(UUID().uuidString)/history").path
    }

    @Test func aLongHistoryIsCutToItsNewestEntriesAndStaysPrivate() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let history = HistoryFile(path: path, limit: 3)
        for number in 1...7 { #expect(history.append("INCR counter:\(number)")) }
        // Seven lines pass twice the limit: the file is rewritten with the newest three.
        let stored = try String(contentsOfFile: path, encoding: .utf8)
        #expect(stored == "INCR counter:5\nINCR counter:6\nINCR counter:7\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(HistoryFile(path: path, limit: 2).load() == ["INCR counter:6", "INCR counter:7"])
    }

    @Test func entriesOfSeveralLinesAndBackslashesComeBackWhole() {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let entry = "FT.CREATE idx\n  SCHEMA $.name AS name TEXT\nSET path C:\\\\tmp\\n"
        let history = HistoryFile(path: path, limit: 10)
        #expect(history.append(entry))
        #expect(!history.append("AUTH default hunter2"))
        #expect(HistoryFile(path: path, limit: 10).load() == [entry])
    }
}
