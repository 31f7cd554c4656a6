import Foundation
import RedbookRedis
import RedbookSession
import RedbookTestSupport
import Testing

/// A session on the shared test server that runs blocks the way a notebook holds them: each
/// block starts at line 10, column 1 unless a test says otherwise, so failures can be checked
/// at their notebook position.
struct StepSession {
    let session: Session

    init(folder: URL? = nil) throws {
        session = Session(connection: try TestRedis.connection())
        if let folder { session.folder = folder }
    }

    var connection: RedisConnection { session.connection }

    func swift(_ source: String, line: Int = 10, column: Int = 1) -> BlockOutcome {
        session.run(Block(language: .swift, source: source, firstLine: line, column: column))
    }

    func redis(_ source: String, line: Int = 10, column: Int = 1) -> BlockOutcome {
        session.run(Block(language: .redis, source: source, firstLine: line, column: column))
    }

    /// Runs a `swift` block that must succeed and returns what it recorded.
    func output(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let outcome = swift(source)
        if let failure = outcome.failure { Issue.record("the block failed: \(failure)", sourceLocation: sourceLocation) }
        return outcome.output
    }

    /// Runs a `redis` block that must succeed and returns what it recorded.
    func redisOutput(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let outcome = redis(source)
        if let failure = outcome.failure { Issue.record("the block failed: \(failure)", sourceLocation: sourceLocation) }
        return outcome.output
    }

    /// Runs a `swift` block that must fail and returns where and why.
    func failure(_ source: String, line: Int = 10, column: Int = 1, sourceLocation: SourceLocation = #_sourceLocation) throws -> BlockFailure {
        let outcome = swift(source, line: line, column: column)
        return try #require(outcome.failure, "the block succeeded: \(outcome.output)", sourceLocation: sourceLocation)
    }

    /// A `text` block as a session records plain values and printed lines.
    static func text(_ lines: String...) -> String {
        "```text\n" + lines.joined(separator: "\n") + "\n```"
    }

    /// A `json` block as a session records documents and arrays.
    static func json(_ text: String) -> String {
        "```json\n" + text + "\n```"
    }
}

/// A fresh folder standing for a notebook's folder, removed when the test drops it.
final class StepFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-steps-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` at `relative` inside the folder, creating folders on the way.
    func write(_ text: String, to relative: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }
}
