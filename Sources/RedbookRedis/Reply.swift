/// One RESP2 reply from the server.
///
/// Error replies are values here, not thrown errors, because a pipeline or a notebook wants
/// every reply in order; ``RedisConnection/call(_:)`` turns them into ``RedisError/server(_:)``.
public enum Reply: Sendable, Hashable {
    /// A simple string such as `OK` or `PONG`.
    case status(String)
    /// An error reply, with its full text (for example `ERR unknown command`).
    case error(String)
    /// A 64-bit integer.
    case integer(Int64)
    /// A binary-safe bulk string.
    case bulk([UInt8])
    /// The null bulk string or null array.
    case null
    /// An array of replies, possibly nested.
    case array([Reply])
}

extension Reply {
    /// The reply as text: a bulk string decoded as UTF-8 (lossily), or a status, or an integer.
    ///
    /// Returns `nil` for arrays, errors and null.
    public var string: String? {
        switch self {
        case .status(let text): text
        case .bulk(let bytes): String(decoding: bytes, as: UTF8.self)
        case .integer(let value): String(value)
        case .error, .null, .array: nil
        }
    }

    /// The elements of an array reply, or `nil` for any other kind.
    public var elements: [Reply]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The value of an integer reply, or of a bulk or status string holding an integer.
    public var integer: Int64? {
        switch self {
        case .integer(let value): value
        case .bulk, .status: string.flatMap { Int64($0) }
        default: nil
        }
    }

    /// Whether this is an error reply.
    public var isError: Bool {
        if case .error = self { return true }
        return false
    }
}
