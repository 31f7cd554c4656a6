import Foundation
import RedbookSession
import RedbookTestSupport
import Testing

/// Golden files under Tests/RedbookSessionTests/Golden: each holds the blocks of one scenario
/// and, after each, the Markdown the session recorded for it.
///
/// Test keys carry a random prefix so parallel tests never collide; the prefix is replaced by
/// ``placeholder`` (the same length, so table widths do not change) before comparing.
/// `REDBOOK_UPDATE_GOLDEN=1` rewrites the files instead; read every change before committing it.
enum GoldenFile {
    /// Stands for the random key prefix in golden files.
    static let placeholder = "t00000000:"

    /// A key prefix no other test uses, the same length as ``placeholder``.
    static func prefix() -> String {
        let prefix = TestRedis.uniqueName("")
        precondition(prefix.count == placeholder.count, "TestRedis.uniqueName changed its length")
        return prefix
    }

    /// Runs each block and compares the transcript with the golden file `name`.
    static func check(_ name: String, blocks: [String], prefix: String, session: Session, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var transcript = ""
        for (number, source) in blocks.enumerated() {
            let outcome = session.run(Block(language: .redis, source: source, firstLine: 1))
            #expect(outcome.failure == nil, "block \(number + 1): \(String(describing: outcome.failure))", sourceLocation: sourceLocation)
            if number > 0 { transcript += "\n" }
            transcript += "```redis\n\(source)\n```\n\n\(outcome.output)\n"
        }
        transcript = transcript.replacingOccurrences(of: prefix, with: placeholder)
        let url = PackageRoot.url("Tests/RedbookSessionTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["REDBOOK_UPDATE_GOLDEN"] == "1" {
            try Data(transcript.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(transcript == expected, "golden file \(name) differs", sourceLocation: sourceLocation)
    }
}
