public import RedbookSession

/// One runnable block of a notebook: its code, attributes and where its output goes.
public struct NotebookBlock: Sendable, Hashable {
    /// What the session runs: language, code and notebook coordinates.
    public var block: Block
    /// The block's `{name=...}`, if any.
    public var name: String?
    /// Whether `{skip}` keeps it from running.
    public var skip: Bool
    /// 1-based line of the opening fence.
    public var fenceLine: Int
    /// 1-based byte column of the opening fence.
    public var fenceColumn: Int
    /// The output recorded by an earlier run, container prefixes removed, or `nil` when none.
    public var recordedOutput: String?

    /// The block's first non-empty code line, for progress and export headers.
    public var summary: String {
        let line = block.source.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        return String(line.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// What stands before each line of the block in the file (indentation, `> `), as region lines need it.
    var prefix: [UInt8]
    /// The fence as parsed.
    var fence: MarkdownOutline.Fence
    /// Lines of the recorded region's markers, when there is one.
    var region: (open: Int, close: Int)? {
        get { regionOpen.map { ($0, regionClose) } }
        set { regionOpen = newValue?.open; regionClose = newValue?.close ?? 0 }
    }
    private var regionOpen: Int?
    private var regionClose = 0
    /// Byte range, in the file, of the attributes after the language (for export to drop).
    var attributeRange: Range<Int>?

    init(block: Block, attributes: BlockAttributes, fence: MarkdownOutline.Fence, prefix: [UInt8]) {
        self.block = block
        self.name = attributes.name
        self.skip = attributes.skip
        self.fenceLine = fence.line
        self.fenceColumn = fence.column
        self.fence = fence
        self.prefix = prefix
    }
}
