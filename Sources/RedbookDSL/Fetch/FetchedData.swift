/// The bytes `fetch` delivered, and where they came from.
public struct FetchedData: Sendable, Hashable {
    /// The file's or the response body's bytes, exactly as stored or sent.
    public var bytes: [UInt8]
    /// The location for messages: the path as written, or the URL with credentials as `***`.
    public var source: String
    /// Whether the bytes came from the fetch cache rather than the network.
    ///
    /// Always `false` for local files, which are never cached.
    public var fromCache: Bool

    /// Creates a result.
    public init(bytes: [UInt8], source: String, fromCache: Bool) {
        self.bytes = bytes
        self.source = source
        self.fromCache = fromCache
    }
}
