/// What went wrong talking to Redis.
///
/// Every description names the endpoint in its redacted form: passwords never appear.
public enum RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL could not be understood.
    case invalidURL(InvalidURL)
    /// The connection could not be opened or was lost.
    case connection(ConnectionFailure)
    /// The server answered with an error reply.
    case server(ServerError)
    /// The server sent something the client could not read.
    case protocolViolation(String)

    /// A rejected Redis URL, with the reason.
    public struct InvalidURL: Sendable, Equatable {
        /// The URL with any password replaced by `***`.
        public var redactedURL: String
        /// Why it was rejected.
        public var reason: String
    }

    /// A failure to connect, or a connection that broke during a command.
    public struct ConnectionFailure: Sendable, Equatable {
        /// `host:port` of the server.
        public var endpoint: String
        /// What the system or hiredis reported.
        public var reason: String
        /// The command that was running, when the connection broke during one.
        public var command: String?

        /// The reason given when a reply nests arrays deeper than the client library reads.
        public static let replyTooDeep =
            "the reply nests arrays more than 7 levels deep, which the client library cannot read; the connection was reset"

        /// Whether the reply was dropped for its nesting: the one failure a smaller request avoids.
        public var isReplyTooDeep: Bool { reason == Self.replyTooDeep }
    }

    /// An error reply from the server.
    public struct ServerError: Sendable, Equatable {
        /// The error's first word, such as `ERR` or `WRONGTYPE`.
        public var code: String
        /// The whole error text as the server sent it.
        public var message: String
        /// The name of the command that failed.
        public var command: String
    }

    public var description: String {
        switch self {
        case .invalidURL(let failure):
            "invalid Redis URL '\(failure.redactedURL)': \(failure.reason)"
        case .connection(let failure):
            if let command = failure.command {
                "connection to Redis at \(failure.endpoint) failed during \(command): \(failure.reason)"
            } else {
                "cannot connect to Redis at \(failure.endpoint): \(failure.reason)"
            }
        case .server(let failure):
            "\(failure.command): \(failure.message)"
        case .protocolViolation(let reason):
            "Redis protocol error: \(reason)"
        }
    }
}

extension RedisError.ServerError {
    /// Splits an error reply into its code and message.
    init(message: String, command: String) {
        let code = message.prefix { $0 != " " }
        self.init(code: String(code), message: message, command: command)
    }
}
