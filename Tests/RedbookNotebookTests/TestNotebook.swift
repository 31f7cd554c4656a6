import RedbookNotebook
import RedbookSession

/// Builds notebooks from text and runs them with scripted outcomes instead of a server.
enum TestNotebook {
    static func parse(_ text: String, name: String = "nb.md") throws -> Notebook {
        try Notebook(bytes: Array(text.utf8), name: name)
    }

    static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Records `outputs` (by block index) into `text` and returns the new file text.
    static func record(_ text: String, _ outputs: [Int: String]) throws -> String {
        string(try parse(text).recording(outputs))
    }

    /// The error parsing `text` throws, or `nil`.
    static func parseError(_ text: String) -> NotebookError? {
        do throws(NotebookError) {
            _ = try Notebook(bytes: Array(text.utf8), name: "nb.md")
            return nil
        } catch {
            return error
        }
    }
}

/// An executor that answers from a script and remembers what it was asked.
final class ScriptedExecutor: @unchecked Sendable {
    private(set) var received: [Block] = []
    private let answer: (Block) -> BlockOutcome

    init(_ answer: @escaping (Block) -> BlockOutcome) {
        self.answer = answer
    }

    func run(_ block: Block) -> BlockOutcome {
        received.append(block)
        return answer(block)
    }
}
