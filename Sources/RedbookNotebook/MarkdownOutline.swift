/// The parts of a Markdown document the notebook engine cares about, with source positions.
///
/// Built by ``MarkdownParser`` from cmark-gfm's tree, so what counts as a fenced block or an
/// output marker is exactly what GitHub renders as one.
struct MarkdownOutline: Sendable {
    /// A fenced code block (never an indented one).
    struct Fence: Sendable, Hashable {
        /// Position of the block among all block nodes, in document order.
        var nodeID: Int
        /// The id of the container holding it (document, list item or block quote).
        var parentID: Int
        /// The full info string, such as `redis {skip}`.
        var info: String
        /// The code, container prefixes removed, without the final line ending.
        var source: String
        /// 1-based line of the opening fence.
        var line: Int
        /// 1-based byte column of the opening fence's first backtick or tilde.
        var column: Int
        /// `` ` `` or `~`.
        var character: UInt8
        /// How many fence characters open the block.
        var length: Int
        /// How many lines of code the block holds.
        var contentLineCount: Int
        /// Whether a closing fence ends it (else it runs to the end of its container).
        var isClosed: Bool

        /// 1-based line of the closing fence, or of the last content line of an unclosed block.
        var lastLine: Int { line + contentLineCount + (isClosed ? 1 : 0) }
    }

    /// A `<!-- redbook:output -->` or `<!-- /redbook:output -->` line.
    struct Marker: Sendable, Hashable {
        /// Whether this opens a region.
        var isOpening: Bool
        /// Position of the node among all block nodes, in document order.
        var nodeID: Int
        /// The id of the container holding it.
        var parentID: Int
        /// The node just before it in the same container, if any.
        var previousSiblingID: Int?
        /// 1-based line.
        var line: Int
        /// 1-based byte column of the `<`.
        var column: Int
    }

    /// An HTML line that mentions the markers but is not exactly one (a likely typo).
    struct MalformedMarker: Sendable, Hashable {
        var line: Int
        var column: Int
        var text: String
    }

    var fences: [Fence] = []
    var markers: [Marker] = []
    var malformedMarkers: [MalformedMarker] = []
}
