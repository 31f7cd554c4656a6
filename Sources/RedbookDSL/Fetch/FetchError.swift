/// Why `fetch` could not deliver the data it was asked for.
///
/// The message names the location as written and, for local files, as resolved; URLs appear
/// with any credentials replaced by `***`. The hint, when there is one, says how to fix it.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, for callers that react to some kinds differently.
    public enum Kind: Sendable, Hashable {
        /// The location uses a scheme other than `http` or `https`, such as `ftp:` or `file:`.
        case unsupportedScheme
        /// The location looks like an http(s) URL but cannot be parsed as one.
        case invalidURL
        /// No file exists at the local path.
        case missingFile
        /// The local path names a folder.
        case isFolder
        /// The local file exists but cannot be read.
        case unreadable
        /// The server answered with a status other than 2xx; the code is attached.
        case httpStatus(Int)
        /// The server sent nothing for the whole timeout.
        case timedOut
        /// The connection could not be made or broke: refused, unknown host, closed early.
        case connection
        /// The data is larger than the size limit.
        case tooLarge
        /// Offline, and the URL has never been downloaded into the cache.
        case notCached
        /// The cache folder or an entry in it could not be read or written.
        case cache
        /// The local path lies outside the folders the run may read (see ``FetchSettings/readablePaths``).
        case notPermitted
    }

    /// The kind of problem.
    public var kind: Kind
    /// What is wrong, naming the location.
    public var message: String
    /// How to fix it.
    public var hint: String?

    /// Creates an error.
    public init(_ kind: Kind, message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    /// The message, then `hint: ...` on a second line when there is one.
    public var description: String {
        message + (hint.map { "\nhint: \($0)" } ?? "")
    }
}

extension FetchError {
    /// The error for data past the size limit; `name` is the path or the shown URL.
    static func tooLarge(_ name: String, limit: Int) -> FetchError {
        FetchError(.tooLarge, message: "\(name) is larger than the \(ByteSize.text(limit)) limit",
                   hint: "fetch reads at most \(ByteSize.text(limit)); check that this is the data you meant")
    }
}
