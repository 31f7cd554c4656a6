import RedbookSession
import Foundation

/// A Markdown notebook: its exact bytes, its runnable blocks and their recorded output regions.
///
/// Reading never changes a byte; edits (recording, cleaning, exporting) splice new bytes into
/// the original at positions the parser reported, so prose is kept byte for byte.
public struct Notebook: Sendable {
    /// The file name used in messages, as the user gave it.
    public let name: String
    /// The runnable blocks (fenced `redis` and `swift` blocks outside output regions), in order.
    public let blocks: [NotebookBlock]
    /// Likely mistakes that do not stop a run, such as a ```` ```Redis ```` block that never runs.
    public let warnings: [NotebookWarning]
    let text: SourceText

    /// The notebook's bytes, unchanged.
    public var bytes: [UInt8] { text.bytes }

    /// Parses a notebook held in memory.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - name: The file name for messages.
    /// - Throws: ``NotebookError`` for invalid UTF-8, bad attributes, an unclosed runnable fence,
    ///   a NUL byte in a runnable block or damaged output markers.
    public init(bytes: [UInt8], name: String) throws(NotebookError) {
        self.name = name
        let text = SourceText(bytes)
        self.text = text
        if let (line, column) = text.firstInvalidUTF8() {
            throw NotebookError(.invalidUTF8, file: name, line: line, column: column,
                                message: "the file is not valid UTF-8",
                                hint: "save the notebook as UTF-8")
        }
        let outline = MarkdownParser.outline(of: text)
        if let bad = outline.malformedMarkers.first {
            throw NotebookError(.damagedRegion, file: name, line: bad.line, column: bad.column,
                                message: "'\(bad.text)' is not an output marker",
                                hint: "a marker line holds exactly \(MarkdownParser.openingMarker) or \(MarkdownParser.closingMarker)")
        }
        let regions = try Self.regions(outline, name: name)
        var blocks = [NotebookBlock]()
        var warnings = [NotebookWarning]()
        for fence in outline.fences where !regions.contains(where: { $0.open.line < fence.line && fence.line < $0.close.line }) {
            guard var block = try Self.block(fence, text: text, name: name) else {
                let word = fence.info.prefix { $0 != " " && $0 != "\t" && $0 != "{" }
                if let language = NotebookWarning.intendedLanguage(ofInfoWord: word) {
                    warnings.append(.nearMiss(file: name, line: fence.line, column: fence.column, word: word, language: language))
                }
                continue
            }
            if let name = block.name, let first = blocks.first(where: { $0.name == name }) {
                throw NotebookError(.duplicateBlockName, file: self.name, line: block.fenceLine, column: block.fenceColumn,
                                    message: "block name '\(name)' is already used by the block at line \(first.fenceLine)",
                                    hint: "give each block its own {name=...}, so --only knows which one to run")
            }
            if let region = regions.first(where: { $0.open.previousSiblingID == fence.nodeID }) {
                block.region = (region.open.line, region.close.line)
                block.recordedOutput = Self.recordedOutput(text, open: region.open.line, close: region.close.line, prefix: block.prefix)
            }
            blocks.append(block)
        }
        for region in regions where !blocks.contains(where: { $0.fence.nodeID == region.open.previousSiblingID }) {
            throw NotebookError(.damagedRegion, file: name, line: region.open.line, column: region.open.column,
                                message: "this output region does not follow a runnable block",
                                hint: "an output region must come right after a ```redis or ```swift block; delete the region (both markers and what is between) or move it")
        }
        self.blocks = blocks
        self.warnings = warnings
    }

    /// Reads and parses a notebook file.
    ///
    /// - Parameter path: The file's path, also used as its name in messages.
    /// - Throws: ``NotebookError`` when the file is missing, unreadable or not a valid notebook.
    public static func read(path: String) throws(NotebookError) -> Notebook {
        try checkIsFile(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookError(.unreadable, file: path, message: "cannot read the file", hint: "check its permissions")
        }
        return try Notebook(bytes: Array(data), name: path)
    }

    /// Refuses a missing path or a folder with the messages every reader gives.
    static func checkIsFile(_ path: String) throws(NotebookError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw NotebookError(.missingFile, file: path, message: "no such file", hint: "check the notebook's path")
        }
        if isDirectory.boolValue {
            throw NotebookError(.unreadable, file: path, message: "is a folder, not a notebook file",
                                hint: "name a Markdown file, such as \(path.hasSuffix("/") ? path : path + "/")notebook.md")
        }
    }

    // MARK: - Parsing helpers

    private typealias Region = (open: MarkdownOutline.Marker, close: MarkdownOutline.Marker)

    /// Pairs markers in document order, refusing anything that is not open-close, open-close.
    private static func regions(_ outline: MarkdownOutline, name: String) throws(NotebookError) -> [Region] {
        var regions = [Region]()
        var open: MarkdownOutline.Marker?
        for marker in outline.markers {
            if marker.isOpening {
                if let pending = open {
                    throw NotebookError(.damagedRegion, file: name, line: pending.line, column: pending.column,
                                        message: "output region opened here is not closed before the next one opens at line \(marker.line)",
                                        hint: "add \(MarkdownParser.closingMarker) where this block's output ends, or delete the opening marker")
                }
                open = marker
                continue
            }
            guard let pending = open else {
                throw NotebookError(.damagedRegion, file: name, line: marker.line, column: marker.column,
                                    message: "closing output marker without an opening one",
                                    hint: "add \(MarkdownParser.openingMarker) right after the block, or delete this line")
            }
            guard marker.parentID == pending.parentID else {
                throw NotebookError(.damagedRegion, file: name, line: marker.line, column: marker.column,
                                    message: "closing marker is not in the same list item or block quote as its opening marker at line \(pending.line)",
                                    hint: "give the closing marker the same indentation or '>' prefix as the opening one")
            }
            regions.append((pending, marker))
            open = nil
        }
        if let pending = open {
            throw NotebookError(.damagedRegion, file: name, line: pending.line, column: pending.column,
                                message: "output region opened here is never closed",
                                hint: "add \(MarkdownParser.closingMarker) where this block's output ends; nothing is deleted until the region is whole")
        }
        return regions
    }

    /// The runnable block for a fence, or `nil` for a fence in another language.
    private static func block(_ fence: MarkdownOutline.Fence, text: SourceText, name: String) throws(NotebookError) -> NotebookBlock? {
        guard let lineBytes = text.text(ofLine: fence.line) else { return nil }
        let lineStart = lineBytes.startIndex
        let fenceStart = min(lineStart + fence.column - 1, lineBytes.endIndex)
        var infoStart = min(fenceStart + fence.length, lineBytes.endIndex)
        while infoStart < lineBytes.endIndex, lineBytes[infoStart] == 0x20 || lineBytes[infoStart] == 0x09 { infoStart += 1 }
        let info = String(decoding: lineBytes[infoStart...], as: UTF8.self)
        func failure(_ problem: BlockAttributes.Problem) -> NotebookError {
            NotebookError(.invalidAttribute, file: name, line: fence.line, column: infoStart - lineStart + problem.offset + 1,
                          message: problem.message,
                          hint: "write attributes in one brace group after the language, such as ```redis {skip name=load}")
        }
        let language: String
        let attributes: BlockAttributes
        do {
            guard let found = try BlockAttributes.language(ofInfo: info) else { return nil }
            language = found
            let rest = info.dropFirst(found.count)
            attributes = try BlockAttributes(parsing: rest, offset: found.utf8.count)
        } catch {
            throw failure(error)
        }
        guard fence.isClosed else {
            throw NotebookError(.unclosedFence, file: name, line: fence.line, column: fence.column,
                                message: "this ```\(language) block is never closed, so it runs to the end of its container",
                                hint: "add a closing fence of at least \(fence.length) '\(Character(Unicode.Scalar(fence.character)))' characters after the code")
        }
        // Markdown reads a NUL as U+FFFD, so the code that ran would not be the code in the file.
        for number in (fence.line + 1)..<(fence.line + 1 + fence.contentLineCount) {
            guard let code = text.text(ofLine: number), let nul = code.firstIndex(of: 0) else { continue }
            throw NotebookError(.nulByte, file: name, line: number, column: nul - code.startIndex + 1,
                                message: "this ```\(language) block holds a NUL byte, which Markdown reads as U+FFFD",
                                hint: language == "swift" ? "delete it, or write it as \\u{0} inside a string"
                                    : "delete it, or write it as \\x00 inside a \"...\" argument")
        }
        // Region lines repeat what stands before the fence, with list markers turned into spaces.
        let prefix = lineBytes[lineStart..<fenceStart].map { $0 == UInt8(ascii: ">") || $0 == 0x09 ? $0 : 0x20 }
        var block = NotebookBlock(
            block: Block(language: language == "swift" ? .swift : .redis, source: fence.source,
                         firstLine: fence.line + 1, column: fence.column, expectsError: attributes.expectError),
            attributes: attributes, fence: fence, prefix: prefix
        )
        let wordEnd = infoStart + language.utf8.count
        var lineEnd = lineBytes.endIndex
        while lineEnd > wordEnd, lineBytes[lineEnd - 1] == 0x20 || lineBytes[lineEnd - 1] == 0x09 { lineEnd -= 1 }
        if lineEnd > wordEnd { block.attributeRange = wordEnd..<lineEnd }
        return block
    }

    /// The text between a region's markers, prefixes and the framing blank lines removed.
    private static func recordedOutput(_ text: SourceText, open: Int, close: Int, prefix: [UInt8]) -> String {
        let bare = Array(prefix.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed())
        var lines = [String]()
        for number in (open + 1)..<close {
            guard let line = text.text(ofLine: number) else { continue }
            var content = line[...]
            if content.starts(with: prefix) {
                content = content.dropFirst(prefix.count)
            } else if content.starts(with: bare) {
                content = content.dropFirst(bare.count)
            }
            lines.append(String(decoding: content, as: UTF8.self))
        }
        if lines.first?.isEmpty == true { lines.removeFirst() }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
