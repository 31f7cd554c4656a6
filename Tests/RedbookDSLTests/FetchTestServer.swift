import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for fetch tests: canned answers per path, one thread
/// per connection, and a count of the requests each path received.
///
/// Written on POSIX sockets so the tests exercise the real client over a real connection
/// without any server package.
final class FetchTestServer: @unchecked Sendable {
    /// What the server does for one path.
    enum Route {
        /// Answers with this status and body, with a Content-Length.
        case answer(status: Int, reason: String, body: [UInt8])
        /// Answers 200 with this body and no Content-Length, ending the body by closing.
        case unsized(body: [UInt8])
        /// Reads the request, then sends nothing for this long (or until the server stops).
        case silent(seconds: Double)
        /// Closes the connection right after reading the request.
        case hangUp
        /// Answers 200 with this body in pieces, pausing between them, for slow but steady transfers.
        case trickle(pieces: [[UInt8]], pause: Double)
        /// Answers 302 Found, pointing at another path of this server.
        case redirect(to: String)

        /// 200 OK with a body.
        static func ok(_ text: String) -> Route {
            .answer(status: 200, reason: "OK", body: Array(text.utf8))
        }
    }

    /// The port the server listens on.
    let port: UInt16

    private let routes: [String: Route]
    private let listener: Int32
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var headers: [String: [String: String]] = [:]
    private var stopped = false

    /// Starts listening on a free loopback port and accepting in a background thread.
    init(routes: [String: Route]) throws {
        self.routes = routes
        (listener, port) = try FetchTestServer.listen()
        // Weak, so that a test dropping the server ends the loop through deinit.
        Thread.detachNewThread { [weak self] in
            while let server = self, server.acceptOne() {}
        }
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT/path`, with `user:password@` when given.
    func url(_ path: String, credentials: String? = nil) -> String {
        "http://\(credentials.map { "\($0)@" } ?? "")127.0.0.1:\(port)\(path)"
    }

    /// How many requests `path` has received.
    func requests(to path: String) -> Int {
        lock.withLock { counts[path, default: 0] }
    }

    /// The headers of the last request to `path`, names lowercased.
    func lastHeaders(for path: String) -> [String: String] {
        lock.withLock { headers[path] ?? [:] }
    }

    /// Stops accepting; connections that are sleeping end soon after.
    func stop() {
        let first: Bool = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        if first { close(listener) }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Waits up to 50 ms for a connection and serves it on its own thread; `false` once stopped.
    private func acceptOne() -> Bool {
        var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&waiting, 1, 50) > 0, !isStopped else { return !isStopped }
        let connection = accept(listener, nil, nil)
        if connection >= 0 {
            Thread.detachNewThread { [self] in serve(connection) }
        }
        return true
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let (path, requestHeaders) = readRequest(connection) else { return }
        lock.withLock {
            counts[path, default: 0] += 1
            headers[path] = requestHeaders
        }
        switch routes[path] ?? .answer(status: 404, reason: "Not Found", body: Array("no route\n".utf8)) {
        case .answer(let status, let reason, let body):
            send(connection, head: "HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/json\r\n"
                 + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n", body: body)
        case .unsized(let body):
            send(connection, head: "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
                 body: body)
        case .silent(let seconds):
            let end = Date().addingTimeInterval(seconds)
            while Date() < end, !isStopped { usleep(20_000) }
        case .hangUp:
            return
        case .trickle(let pieces, let pause):
            let length = pieces.reduce(0) { $0 + $1.count }
            send(connection, head: "HTTP/1.1 200 OK\r\nContent-Length: \(length)\r\nConnection: close\r\n\r\n", body: [])
            for piece in pieces where !isStopped {
                usleep(useconds_t(pause * 1_000_000))
                send(connection, head: "", body: piece)
            }
        case .redirect(let target):
            send(connection, head: "HTTP/1.1 302 Found\r\nLocation: \(target)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                 body: [])
        }
    }

    /// The path (without query) and headers of one request, read up to the blank line.
    private func readRequest(_ connection: Int32) -> (String, [String: String])? {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end = Array("\r\n\r\n".utf8)
        while received.count < 65_536 {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            received += buffer[..<count]
            if received.count >= 4, (0...(received.count - 4)).contains(where: { Array(received[$0..<$0 + 4]) == end }) {
                break
            }
        }
        let lines = String(decoding: received, as: UTF8.self).components(separatedBy: "\r\n")
        let words = lines.first?.split(separator: " ") ?? []
        guard words.count >= 2 else { return nil }
        let path = String(words[1].prefix { $0 != "?" })
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (path, fields)
    }

    private func send(_ connection: Int32, head: String, body: [UInt8]) {
        let bytes = Array(head.utf8) + body
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a client that gave up must not kill the test process with SIGPIPE.
            let count = bytes.withUnsafeBytes { Glibc.send(connection, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            sent += count
        }
    }

    /// A listening socket on 127.0.0.1 and the port the system chose for it.
    private static func listen() throws -> (Int32, UInt16) {
        let (socket, port) = try bound()
        guard Glibc.listen(socket, 16) == 0 else {
            close(socket)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return (socket, port)
    }

    /// A loopback port nothing listens on: bound for a moment to learn it, then released.
    static func unusedPort() throws -> UInt16 {
        let (socket, port) = try bound()
        close(socket)
        return port
    }

    private static func bound() throws -> (Int32, UInt16) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard ok else {
            let code = errno
            close(socket)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        return (socket, UInt16(bigEndian: address.sin_port))
    }
}
