import Foundation
import Glibc
import RedbookNotebook
import RedbookSession

/// Where the REPL keeps entries between sessions: one entry per line, readable only by its
/// owner (mode 0600), the newest ``limit`` kept, entries that may hold a secret never written.
///
/// An entry of several lines is stored on one line, its line breaks written `\n` and its
/// backslashes doubled, so Up brings the whole entry back.
final class HistoryFile {
    /// The file.
    let path: String
    /// How many entries are kept.
    let limit: Int
    /// Lines in the file as far as this process knows, so an entry does not read the file back.
    private var lines: Int?

    init(path: String, limit: Int) {
        self.path = path
        self.limit = limit
    }

    /// `$REDBOOK_HISTFILE`, else `$XDG_STATE_HOME/redbook/history`, else `~/.local/state/redbook/history`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["REDBOOK_HISTFILE"], !path.isEmpty { return path }
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return state + "/redbook/history"
    }

    /// The entries stored, oldest first; none when the file is missing or unreadable.
    func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let stored = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        lines = stored.count
        return stored.suffix(limit).map(Self.decode)
    }

    /// Appends one entry, unless it may hold a secret; creates the folder (0700) and the file
    /// (0600) on first use, and rewrites the file with its newest entries once it holds twice
    /// ``limit``.
    ///
    /// - Returns: Whether the entry was written.
    @discardableResult
    func append(_ entry: String) -> Bool {
        guard !SecretEntries.mayHoldSecret(entry), !entry.isEmpty else { return false }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        // A file made by an older program or another umask is tightened, never loosened.
        fchmod(descriptor, 0o600)
        let line = Array((Self.encode(entry) + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        trimIfLong()
        return written == line.count
    }

    private func trimIfLong() {
        // The file is read back only when it may have grown past twice the limit.
        if lines == nil { _ = load() }
        let count = (lines ?? 0) + 1
        lines = count
        guard count > 2 * limit, let data = FileManager.default.contents(atPath: path) else { return }
        let stored = data.split(separator: UInt8(ascii: "\n"))
        guard stored.count > 2 * limit else { return }
        let kept = stored.suffix(limit).flatMap { Array($0) + [UInt8(ascii: "\n")] }
        // Replaced whole, keeping its 0600 mode, so a crash mid-trim never leaves half a history.
        if (try? Notebook.write(kept, to: path)) != nil { lines = limit }
    }

    static func encode(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func decode(_ line: String) -> String {
        var result = ""
        var escaped = false
        for character in line {
            if escaped {
                result.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
