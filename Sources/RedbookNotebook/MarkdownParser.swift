import CCmarkGFM

/// Reads Markdown with cmark-gfm and keeps only what the notebook engine needs.
///
/// The only file that imports cmark-gfm: C pointers stay here and come out as plain values.
enum MarkdownParser {
    static let openingMarker = "<!-- redbook:output -->"
    static let closingMarker = "<!-- /redbook:output -->"

    /// Parses a whole document.
    static func outline(of text: SourceText) -> MarkdownOutline {
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return MarkdownOutline() }
        defer { cmark_parser_free(parser) }
        // GitHub parses tables too; a table can change where a paragraph (and so a block) ends.
        if let table = TableExtension.shared.pointer {
            cmark_parser_attach_syntax_extension(parser, table)
        }
        text.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return MarkdownOutline() }
        defer { cmark_node_free(document) }

        var walker = Walker(text: text)
        walker.visitChildren(of: document, id: walker.claimID())
        walker.resolveClosedFences()
        return walker.outline
    }

    /// cmark-gfm registers extensions in an unguarded global list, so it happens once, here,
    /// before any parse; afterwards the extension is only read.
    private struct TableExtension: @unchecked Sendable {
        static let shared: TableExtension = {
            cmark_gfm_core_extensions_ensure_registered()
            return TableExtension(pointer: cmark_find_syntax_extension("table"))
        }()

        let pointer: OpaquePointer?
    }

    private struct Walker {
        let text: SourceText
        var outline = MarkdownOutline()
        var nextID = 0
        var blockStartLines = Set<Int>()

        init(text: SourceText) {
            self.text = text
        }

        mutating func claimID() -> Int {
            defer { nextID += 1 }
            return nextID
        }

        mutating func visitChildren(of node: OpaquePointer, id: Int) {
            var child = cmark_node_first_child(node)
            var previousID: Int?
            while let current = child {
                // Inline nodes never hold blocks; skipping them keeps ids to block nodes and spares
                // a walk over every word of the prose.
                if redbook_cmark_node_is_inline(current) == 0 {
                    let currentID = claimID()
                    visit(current, id: currentID, parentID: id, previousID: previousID)
                    previousID = currentID
                }
                child = cmark_node_next(current)
            }
        }

        mutating func visit(_ node: OpaquePointer, id: Int, parentID: Int, previousID: Int?) {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            blockStartLines.insert(line)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK:
                var length: Int32 = 0
                var offset: Int32 = 0
                var character: CChar = 0
                guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else { return }
                var source = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let lineCount = source.utf8.filter { $0 == UInt8(ascii: "\n") }.count
                if source.hasSuffix("\n") { source.removeLast() }
                outline.fences.append(.init(
                    nodeID: id, parentID: parentID,
                    info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "",
                    source: source, line: line, column: column,
                    character: UInt8(bitPattern: character), length: Int(length),
                    contentLineCount: lineCount, isClosed: false
                ))
            case CMARK_NODE_HTML_BLOCK:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let firstLine = literal.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
                // cmark keeps up to three spaces of indentation in the literal; a marker may be indented like its fence.
                let trimmed = firstLine.trimmingTrailingWhitespace().drop { $0 == " " || $0 == "\t" }
                if trimmed == MarkdownParser.openingMarker || trimmed == MarkdownParser.closingMarker {
                    outline.markers.append(.init(
                        isOpening: trimmed == MarkdownParser.openingMarker, nodeID: id, parentID: parentID,
                        previousSiblingID: previousID, line: line, column: column
                    ))
                } else if firstLine.contains("redbook:output") {
                    outline.malformedMarkers.append(.init(line: line, column: column, text: String(trimmed)))
                }
            default:
                visitChildren(of: node, id: id)
            }
        }

        /// cmark does not say whether a fence was closed, and its end position is unreliable for
        /// unclosed ones; the line after the code is a closing fence exactly when no other block
        /// starts there and it holds only enough fence characters.
        mutating func resolveClosedFences() {
            for index in outline.fences.indices {
                let fence = outline.fences[index]
                let candidate = fence.line + fence.contentLineCount + 1
                guard !blockStartLines.contains(candidate), let line = text.text(ofLine: candidate) else { continue }
                let body = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
                let run = body.prefix { $0 == fence.character }
                let rest = body.dropFirst(run.count)
                outline.fences[index].isClosed = run.count >= fence.length
                    && rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            }
        }
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
