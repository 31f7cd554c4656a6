extension Notebook {
    /// The notebook with new outputs recorded after the given blocks; every other byte unchanged.
    ///
    /// A block that already has a region gets it replaced; one without gets a region inserted
    /// right after its closing fence. Blocks not in `outputs` keep whatever they had.
    /// - Parameter outputs: New output (``BlockOutcome/output``) by index into ``blocks``.
    /// - Returns: The file's new bytes.
    public func recording(_ outputs: [Int: String]) -> [UInt8] {
        var edits = [Edit]()
        for (index, output) in outputs {
            guard blocks.indices.contains(index) else { continue }
            let block = blocks[index]
            let last = line(block.fence.lastLine)
            // The fence's own line ending, so a region never glues a lone CR to a following LF.
            let ending = last.hasTerminator ? Array(text.bytes[last.end..<last.next]) : text.lineEnding
            let region = regionBytes(output: output, prefix: block.prefix, ending: ending)
            if let (open, close) = block.region {
                edits.append(Edit(range: line(open).start..<line(close).end, bytes: region))
            } else {
                edits.append(last.hasTerminator
                    ? Edit(range: last.next..<last.next, bytes: region + ending)
                    : Edit(range: last.end..<last.end, bytes: ending + region))
            }
        }
        return apply(edits)
    }

    /// The notebook with every output region removed, markers included.
    public func cleaned() -> [UInt8] {
        apply(blocks.compactMap { block in block.region.map { Edit(range: wholeLines($0.open, $0.close), bytes: []) } })
    }

    /// A results document body: outputs shown, runner markers and block attributes removed.
    ///
    /// - Parameter outputs: New outputs by block index; other blocks show their recorded output.
    /// - Returns: The body's bytes, with the notebook's line endings.
    func exportBody(_ outputs: [Int: String]) -> [UInt8] {
        let recorded = recording(outputs)
        // Parsing what this type just wrote cannot fail; fall back to the plain recording if it did.
        guard let notebook = try? Notebook(bytes: recorded, name: name) else { return recorded }
        var edits = [Edit]()
        for block in notebook.blocks {
            if let range = block.attributeRange { edits.append(Edit(range: range, bytes: [])) }
            if let note = Self.exportNote(for: block) { edits.append(notebook.noteEdit(note, after: block)) }
            guard let (open, close) = block.region else { continue }
            if close == open + 1 {
                edits.append(Edit(range: notebook.wholeLines(open, close), bytes: []))
            } else {
                edits.append(Edit(range: notebook.wholeLines(open, open), bytes: []))
                // The blank line that framed the output goes with the closing marker, so the
                // output is followed by one blank line, not two.
                let framed = close - 1 > open + 1 && notebook.isBlank(line: close - 1)
                edits.append(Edit(range: notebook.wholeLines(framed ? close - 1 : close, close), bytes: []))
            }
        }
        return notebook.apply(edits)
    }

    /// What an export says under a block whose attributes change what its output means, since
    /// the attributes themselves are not shown.
    static func exportNote(for block: NotebookBlock) -> String? {
        if block.skip {
            return block.region == nil
                ? "*Not run: this block is marked `{skip}`.*"
                : "*Not run: this block is marked `{skip}`; the output below was recorded by an earlier run.*"
        }
        if block.block.expectsError { return "*Expected to fail: this block is marked `{expect-error}`.*" }
        return nil
    }

    /// Inserts a paragraph right after a block's closing fence, in the block's container.
    private func noteEdit(_ note: String, after block: NotebookBlock) -> Edit {
        let last = line(block.fence.lastLine)
        let ending = last.hasTerminator ? Array(text.bytes[last.end..<last.next]) : text.lineEnding
        let bare = Array(block.prefix.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed())
        let paragraph = bare + ending + block.prefix + Array(note.utf8)
        guard last.hasTerminator else { return Edit(range: last.end..<last.end, bytes: ending + paragraph) }
        // Without a region after it, a blank line keeps the note apart from the prose that follows.
        let separated = block.fence.lastLine >= text.lines.count || isBlank(line: block.fence.lastLine + 1)
        return Edit(range: last.next..<last.next, bytes: paragraph + ending + (block.region == nil && !separated ? bare + ending : []))
    }

    /// Whether a line holds nothing but the container prefix (spaces, tabs, `>`).
    func isBlank(line number: Int) -> Bool {
        guard let bytes = text.text(ofLine: number) else { return false }
        return bytes.allSatisfy { [0x20, 0x09, UInt8(ascii: ">")].contains($0) }
    }

    // MARK: - Splicing

    struct Edit {
        var range: Range<Int>
        var bytes: [UInt8]
    }

    private func line(_ number: Int) -> SourceText.Line {
        text.lines[min(max(number, 1), text.lines.count) - 1]
    }

    /// Bytes of lines `first...last` with one line ending, so deleting them leaves no blank line behind.
    ///
    /// When `last` is the file's final line without a line ending, the ending before `first` goes
    /// instead, so a file without a final newline still has none.
    func wholeLines(_ first: Int, _ last: Int) -> Range<Int> {
        let end = line(last)
        if end.hasTerminator || first <= 1 { return line(first).start..<end.next }
        return line(first - 1).end..<end.end
    }

    /// The region's lines: markers, a blank line either side of the output, the container prefix on each.
    private func regionBytes(output: String, prefix: [UInt8], ending: [UInt8]) -> [UInt8] {
        let bare = Array(prefix.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed())
        var lines = [prefix + Array(MarkdownParser.openingMarker.utf8)]
        if !output.isEmpty {
            lines.append(bare)
            for outputLine in output.split(separator: "\n", omittingEmptySubsequences: false) {
                var bytes = Array(outputLine.utf8)
                if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
                lines.append(bytes.isEmpty ? bare : prefix + bytes)
            }
            lines.append(bare)
        }
        lines.append(prefix + Array(MarkdownParser.closingMarker.utf8))
        return Array(lines.joined(separator: ending))
    }

    private func apply(_ edits: [Edit]) -> [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(text.bytes.count + edits.reduce(0) { $0 + $1.bytes.count })
        var position = 0
        for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            guard edit.range.lowerBound >= position else { continue }
            result.append(contentsOf: text.bytes[position..<edit.range.lowerBound])
            result.append(contentsOf: edit.bytes)
            position = edit.range.upperBound
        }
        result.append(contentsOf: text.bytes[position...])
        return result
    }
}
