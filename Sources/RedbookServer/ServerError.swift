/// Why the embedded Redis server could not be started or used.
public enum ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file the embedded server needs is not in the cache.
    case missingFile(path: String, what: String)
    /// The server process exited or never answered; carries the tail of its log.
    case startFailed(reason: String, logTail: String)
    /// The server answered but a required module is not loaded.
    case missingModule(name: String, loaded: [String])
    /// The server stopped while Redbook was using it.
    case diedDuringRun(logTail: String)

    public var description: String {
        switch self {
        case .missingFile(let path, let what):
            "\(what) not found at \(path); run `make demo` or `scripts/bootstrap` to install it"
        case .startFailed(let reason, let logTail):
            "the embedded Redis server failed to start: \(reason)" + Self.log(logTail)
        case .missingModule(let name, let loaded):
            "the Redis server has no '\(name)' module (loaded: \(loaded.isEmpty ? "none" : loaded.joined(separator: ", "))); "
                + "use a server with the Search and JSON modules, or run `scripts/bootstrap` for the embedded one"
        case .diedDuringRun(let logTail):
            "the embedded Redis server stopped unexpectedly" + Self.log(logTail)
        }
    }

    private static func log(_ tail: String) -> String {
        tail.isEmpty ? "" : "\nlast lines of its log:\n" + tail
    }
}
