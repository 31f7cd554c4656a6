import CHiredis
import Glibc
import Synchronization

/// A blocking connection to one Redis server, over hiredis.
///
/// This is the only file that touches hiredis. A connection is used by one thread at a time.
/// After an I/O failure the hiredis context is dropped; the next command connects again
/// (and repeats AUTH and SELECT) or fails with ``RedisError/connection(_:)``. Reads and writes
/// time out, so a dead server never hangs the caller.
public final class RedisConnection {
    /// The server this connection talks to.
    public let url: RedisURL
    /// How long opening the TCP connection may take.
    public let connectTimeout: Duration
    /// How long one read or write may block; `nil` waits forever.
    public let commandTimeout: Duration?

    private var context: UnsafeMutablePointer<redisContext>?
    /// The open socket, readable from any thread so ``interrupt()`` can break a blocked read.
    private let socket = Atomic<Int32>(-1)

    /// Opens a connection, then sends AUTH and SELECT as the URL asks.
    ///
    /// - Parameters:
    ///   - url: Server address and credentials.
    ///   - connectTimeout: Limit for the TCP connect.
    ///   - commandTimeout: Limit for each socket read or write during a command.
    /// - Throws: ``RedisError/connection(_:)`` when the server cannot be reached, or
    ///   ``RedisError/server(_:)`` when AUTH or SELECT is refused.
    public init(
        url: RedisURL,
        connectTimeout: Duration = .seconds(5),
        commandTimeout: Duration? = .seconds(120)
    ) throws(RedisError) {
        self.url = url
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        try connect()
    }

    deinit {
        if let context { redisFree(context) }
    }

    /// Closes the socket. A later command opens it again.
    public func close() {
        socket.store(-1, ordering: .sequentiallyConsistent)
        if let context { redisFree(context) }
        context = nil
    }

    /// Whether a socket is open; after a failure it is not, until the next command connects again.
    public var isConnected: Bool { context != nil }

    /// Breaks a command that is waiting for its reply (a `BLPOP` with no timeout, a slow
    /// search), from another thread: the command fails as a lost connection, and the next one
    /// connects again. Does nothing when no socket is open.
    public func interrupt() {
        let descriptor = socket.load(ordering: .sequentiallyConsistent)
        if descriptor >= 0 { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    /// Sends one command and returns its reply; an error reply is returned, not thrown.
    ///
    /// - Throws: ``RedisError/connection(_:)`` or ``RedisError/protocolViolation(_:)``.
    public func send(_ command: RedisCommand) throws(RedisError) -> Reply {
        try pipeline([command])[0]
    }

    /// Sends one command and returns its reply, throwing an error reply as ``RedisError/server(_:)``.
    public func call(_ command: RedisCommand) throws(RedisError) -> Reply {
        let reply = try send(command)
        if case .error(let message) = reply {
            throw .server(.init(message: message, command: command.name))
        }
        return reply
    }

    /// Sends one text command, throwing an error reply.
    @discardableResult
    public func call(_ arguments: String...) throws(RedisError) -> Reply {
        try call(RedisCommand(arguments))
    }

    /// Sends many commands in chunks: append a chunk, then read its replies, so neither side's
    /// buffers grow without bound.
    ///
    /// - Parameters:
    ///   - commands: The commands, sent in order.
    ///   - chunkSize: How many commands are written before their replies are read.
    /// - Returns: One reply per command, in order; error replies are values.
    public func pipeline(_ commands: [RedisCommand], chunkSize: Int = 1_000) throws(RedisError) -> [Reply] {
        var replies = [Reply]()
        replies.reserveCapacity(commands.count)
        var start = 0
        while start < commands.count {
            let chunk = commands[start..<min(start + max(chunkSize, 1), commands.count)]
            let context = try liveContext()
            for command in chunk {
                try append(command, to: context)
            }
            for command in chunk {
                replies.append(try readReply(from: context, for: command))
            }
            start += chunk.count
        }
        return replies
    }

    // MARK: - hiredis

    private func connect() throws(RedisError) {
        let timeout = Self.timeval(connectTimeout)
        guard let context = redisConnectWithTimeout(url.host, Int32(url.port), timeout) else {
            throw failure("out of memory creating the connection")
        }
        if context.pointee.err != 0 {
            let reason = Self.errorText(context)
            redisFree(context)
            throw failure(reason)
        }
        if let commandTimeout {
            redisSetTimeout(context, Self.timeval(commandTimeout))
        }
        redisEnableKeepAlive(context)
        self.context = context
        socket.store(context.pointee.fd, ordering: .sequentiallyConsistent)
        if let password = url.password {
            var auth = RedisCommand("AUTH")
            if let user = url.user { auth.append(user) }
            auth.append(password)
            let reply = try send(auth)
            if case .error(let message) = reply {
                close()
                // The server's text never echoes the password, but the command is named only as AUTH.
                throw .server(.init(message: message, command: "AUTH"))
            }
        }
        if url.database != 0 {
            _ = try call(RedisCommand("SELECT", String(url.database)))
        }
    }

    private func liveContext() throws(RedisError) -> UnsafeMutablePointer<redisContext> {
        if context == nil { try connect() }
        guard let context else { throw failure("not connected") }
        return context
    }

    private func append(_ command: RedisCommand, to context: UnsafeMutablePointer<redisContext>) throws(RedisError) {
        let arguments = command.arguments
        guard !arguments.isEmpty else { throw .protocolViolation("empty command") }
        // One contiguous buffer keeps every argument alive and addressable for the C call.
        var lengths = arguments.map { $0.count }
        var storage = [UInt8]()
        storage.reserveCapacity(lengths.reduce(0, +) + 1)
        for argument in arguments { storage.append(contentsOf: argument) }
        storage.append(0)
        let status: Int32 = storage.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            var pointers = [UnsafePointer<CChar>?]()
            pointers.reserveCapacity(arguments.count)
            var offset = 0
            for length in lengths {
                pointers.append(base + offset)
                offset += length
            }
            return pointers.withUnsafeMutableBufferPointer { argv in
                lengths.withUnsafeMutableBufferPointer { argvlen in
                    redisAppendCommandArgv(context, Int32(arguments.count), argv.baseAddress, argvlen.baseAddress)
                }
            }
        }
        if status != REDIS_OK {
            throw dropContext(reason: Self.errorText(context), command: command)
        }
    }

    private func readReply(from context: UnsafeMutablePointer<redisContext>, for command: RedisCommand) throws(RedisError) -> Reply {
        var raw: UnsafeMutableRawPointer?
        if redisGetReply(context, &raw) != REDIS_OK || raw == nil {
            throw dropContext(reason: Self.errorText(context), command: command)
        }
        defer { freeReplyObject(raw) }
        return try Self.reply(from: raw!.assumingMemoryBound(to: redisReply.self))
    }

    private func dropContext(reason: String, command: RedisCommand) -> RedisError {
        close()
        var reason = reason
        if reason == Self.timedOut, let commandTimeout {
            reason += " (no reply within \(Self.secondsText(commandTimeout)))"
        }
        return .connection(.init(endpoint: url.endpoint, reason: reason, command: command.name))
    }

    private func failure(_ reason: String) -> RedisError {
        .connection(.init(endpoint: url.endpoint, reason: reason, command: nil))
    }

    private static func reply(from pointer: UnsafeMutablePointer<redisReply>) throws(RedisError) -> Reply {
        let raw = pointer.pointee
        switch raw.type {
        case REDIS_REPLY_STATUS:
            return .status(text(raw.str, raw.len))
        case REDIS_REPLY_ERROR:
            return .error(text(raw.str, raw.len))
        case REDIS_REPLY_INTEGER:
            return .integer(Int64(raw.integer))
        case REDIS_REPLY_NIL:
            return .null
        case REDIS_REPLY_STRING:
            guard let bytes = raw.str else { return .bulk([]) }
            return .bulk(Array(UnsafeRawBufferPointer(start: bytes, count: Int(raw.len))))
        case REDIS_REPLY_ARRAY:
            var items = [Reply]()
            items.reserveCapacity(Int(raw.elements))
            for index in 0..<Int(raw.elements) {
                guard let element = raw.element[index] else { throw .protocolViolation("missing array element") }
                items.append(try reply(from: element))
            }
            return .array(items)
        default:
            throw .protocolViolation("unknown reply type \(raw.type)")
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<CChar>?, _ length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String {
        let code = context.pointee.err
        let message = withUnsafeBytes(of: context.pointee.errstr) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        if code == REDIS_ERR_IO, message.contains("temporarily unavailable") {
            return timedOut
        }
        if code == REDIS_ERR_PROTOCOL, message.contains("nested multi bulk") {
            // hiredis 0.14 reads at most 7 levels of arrays; the rest of the reply is unread, so
            // the connection is dropped and the next command opens a new one.
            return RedisError.ConnectionFailure.replyTooDeep
        }
        if code == REDIS_ERR_EOF || message.isEmpty {
            return message.isEmpty ? "the server closed the connection" : message
        }
        return message
    }

    private static let timedOut = "timed out waiting for the server"

    /// `1 s`, `0.25 s`: a limit as people write it.
    private static func secondsText(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let fraction = Double(attoseconds) / 1e18
        return fraction == 0 ? "\(seconds) s" : "\(Double(seconds) + fraction) s"
    }

    private static func timeval(_ duration: Duration) -> Glibc.timeval {
        let (seconds, attoseconds) = duration.components
        return Glibc.timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
    }
}

/// Versions of the C libraries in use, for `redbook doctor`.
public enum RedisClientInfo {
    /// The hiredis version this binary was built against, such as `0.14.1`.
    public static var hiredisVersion: String {
        "\(HIREDIS_MAJOR).\(HIREDIS_MINOR).\(HIREDIS_PATCH)"
    }
}
