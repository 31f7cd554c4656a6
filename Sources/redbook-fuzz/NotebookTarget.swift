import RedbookNotebook
import RedbookSession
import RedbookTables

extension FuzzTarget {
    /// Notebook parsing, recording, cleaning and export.
    ///
    /// The first byte chooses how the rest is read: as the notebook's bytes, or with a few
    /// control bytes standing for the lines the runner writes (output markers, fences, container
    /// starts), so output regions turn up in arbitrary Markdown. A notebook that parses is then
    /// recorded with outputs shaped like the session's, and the recording must parse to the same
    /// blocks with those outputs, clean to the cleaned original, and export to UTF-8.
    static let notebook = FuzzTarget(name: "notebook", summary: "Notebook(bytes:), recording, cleaned, export") { bytes in
        var input = FuzzInput(bytes)
        let mode = input.byte()
        let body = input.rest()
        let text = mode & 1 == 0 ? body : expandingRunnerLines(body)
        guard let notebook = try? Notebook(bytes: text, name: "fuzz.md") else { return }

        let sample = String(decoding: body.filter { $0 != 0x0D }, as: UTF8.self)
        var outputs = [Int: String]()
        for index in notebook.blocks.indices where (Int(mode >> 1) + index) % 3 != 0 {
            outputs[index] = output(shape: (Int(mode >> 3) + index) % 4, sample: sample)
        }
        let recorded = notebook.recording(outputs)
        let reread: Notebook
        do {
            reread = try Notebook(bytes: recorded, name: "fuzz.md")
        } catch {
            fatalError("invariant broken: a recording does not parse again: \(error)")
        }
        invariant(reread.blocks.count == notebook.blocks.count,
                  "recording changed the block count from \(notebook.blocks.count) to \(reread.blocks.count)")
        for (index, block) in reread.blocks.enumerated() {
            let expected = outputs[index] ?? notebook.blocks[index].recordedOutput
            invariant(block.recordedOutput == expected, "block \(index) reads back \(String(reflecting: block.recordedOutput)), not \(String(reflecting: expected))")
            let before = notebook.blocks[index].block
            invariant(block.block.source == before.source && block.block.language == before.language, "recording changed block \(index)'s code")
        }

        let cleaned = reread.cleaned()
        invariant(cleaned == notebook.cleaned(), "cleaning the recording differs from cleaning the original")
        guard let clean = try? Notebook(bytes: cleaned, name: "fuzz.md") else {
            fatalError("invariant broken: a cleaned notebook does not parse")
        }
        invariant(clean.blocks.count == notebook.blocks.count && clean.blocks.allSatisfy { $0.recordedOutput == nil },
                  "a cleaned notebook lost blocks or kept an output")

        let export = NotebookExport(notebook: reread, run: nil, header: .init()).bytes
        invariant(String(validating: export, as: UTF8.self) != nil, "an export is not UTF-8")
    }

    /// Control bytes 1 to 7 replaced by lines a runner writes or a notebook often holds.
    private static func expandingRunnerLines(_ bytes: [UInt8]) -> [UInt8] {
        let lines = [
            "\n<!-- redbook:output -->\n", "\n<!-- /redbook:output -->\n", "\n```redis\n", "\n```\n",
            "\n```swift {name=a}\n", "\n> ", "\n- ",
        ].map { Array($0.utf8) }
        var result = [UInt8]()
        result.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if (1...7).contains(byte) { result += lines[Int(byte) - 1] } else { result.append(byte) }
        }
        return result
    }

    /// An output like the session records: a fenced text block, a count line and a table, a
    /// single line, or nothing.
    private static func output(shape: Int, sample: String) -> String {
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
        switch shape {
        case 0:
            let fence = CodeFence.backticks(enclosing: lines)
            return ([fence + "text"] + lines.map(String.init) + [fence]).joined(separator: "\n")
        case 1:
            let table = MarkdownTable(columns: ["id", "text"], rows: [[.text("doc:1"), .text(sample)], [.text("doc:2"), .integer(2)]])
            return "Matched: 2\n\n" + table.render()
        case 2:
            return "(integer) \(sample.utf8.count)"
        default:
            return ""
        }
    }
}
