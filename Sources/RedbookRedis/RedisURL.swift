/// Where a Redis server is and how to log in: `redis://[user[:password]@]host[:port][/db]`.
///
/// The password is kept out of every description; use ``redacted`` to show the URL.
public struct RedisURL: Sendable, Hashable, CustomStringConvertible {
    /// Host name or IP address (IPv6 without brackets).
    public var host: String
    /// TCP port, 1–65535.
    public var port: Int
    /// ACL user name, if any.
    public var user: String?
    /// Password for `AUTH`, if any.
    public var password: String?
    /// Logical database selected after connecting.
    public var database: Int

    /// Creates an endpoint from its parts.
    public init(host: String, port: Int = 6379, user: String? = nil, password: String? = nil, database: Int = 0) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// Parses a `redis://` URL.
    ///
    /// - Throws: ``RedisError/invalidURL(_:)`` naming the part that is wrong; the message never
    ///   contains the password.
    public init(parsing text: String) throws(RedisError) {
        let secret = Self.secretRange(in: text)
        func fail(_ reason: String) -> RedisError {
            .invalidURL(.init(redactedURL: RedisURL.redact(text), reason: reason))
        }
        // Pieces of the input quoted in a reason go through this, so a mangled URL whose
        // password sits where a scheme or port was expected still never shows it.
        func show(_ part: Substring) -> String { Self.shown(part, secret: secret) }
        guard let schemeEnd = text.firstRange(of: "://") else {
            throw fail("expected redis://[user:password@]host[:port][/db]")
        }
        let schemeText = text[..<schemeEnd.lowerBound]
        let scheme = schemeText.lowercased()
        guard scheme == "redis" else {
            let hint = scheme == "rediss" ? " (TLS is not supported)" : ""
            throw fail("unknown scheme '\(show(schemeText))'; only redis:// is supported\(hint)")
        }
        var rest = text[schemeEnd.upperBound...]
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            throw fail("unexpected '\(show(rest[query...query]))' in URL")
        }
        var user: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                user = String(credentials[..<colon])
                password = String(credentials[credentials.index(after: colon)...])
            } else {
                // `redis://secret@host` is the common shorthand for a password alone.
                password = String(credentials)
            }
            guard let decodedUser = Self.percentDecoded(user ?? ""),
                  let decodedPassword = Self.percentDecoded(password ?? "") else {
                throw fail("bad percent-escape in user or password")
            }
            user = decodedUser.isEmpty ? nil : decodedUser
            password = decodedPassword.isEmpty ? nil : decodedPassword
        }
        var database = 0
        if let slash = rest.firstIndex(of: "/") {
            let path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
            if !path.isEmpty {
                guard let number = Int(path), number >= 0 else {
                    throw fail("database '\(show(path))' is not a non-negative number")
                }
                database = number
            }
        }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw fail("unclosed '[' in IPv6 host") }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw fail("unexpected '\(show(after))' after host")
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty else { throw fail("missing host") }
        var port = 6379
        if let portText {
            guard let number = Int(portText) else { throw fail("port '\(show(portText))' is not a number") }
            guard (1...65535).contains(number) else { throw fail("port \(number) is out of range 1–65535") }
            port = number
        }
        self.init(host: String(host), port: port, user: user, password: password, database: database)
    }

    /// `host:port`, for messages.
    public var endpoint: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The URL with the password shown as `***`.
    public var redacted: String {
        var text = "redis://"
        if user != nil || password != nil {
            text += user ?? ""
            if password != nil { text += ":***" }
            text += "@"
        }
        text += endpoint
        if database != 0 { text += "/\(database)" }
        return text
    }

    public var description: String { redacted }

    /// Replaces the password in any URL-like text with `***`, even when the text does not parse.
    ///
    /// Whatever stands before the last `@` (after a scheme such as `redis://`, `redis:/`, `//`
    /// or a misspelt `reddis://`) is taken as credentials: the user, up to the first `:`, is
    /// kept and the rest becomes `***`; credentials without a `:` are all password. Text with
    /// no `@` holds no credentials and comes back unchanged.
    public static func redact(_ text: String) -> String {
        guard let secret = secretRange(in: text) else { return text }
        return text[..<secret.lowerBound] + "***" + text[secret.upperBound...]
    }

    /// The part of `text` that ``redact(_:)`` hides, as a range of `text`'s own indices.
    public static func secretRange(in text: String) -> Range<String.Index>? {
        guard let at = text.lastIndex(of: "@") else { return nil }
        let head = text[..<at]
        let credentials = head[schemeEnd(of: head)...]
        guard !credentials.isEmpty else { return nil }
        let start = credentials.firstIndex(of: ":").map { credentials.index(after: $0) } ?? credentials.startIndex
        return start..<at
    }

    /// A piece of the text being parsed, for an error message: any of it that overlaps the
    /// secret is shown as `***`.
    static func shown(_ part: Substring, secret: Range<String.Index>?) -> String {
        guard let secret, part.startIndex < secret.upperBound, secret.lowerBound < part.endIndex else { return String(part) }
        let before = part[..<max(part.startIndex, secret.lowerBound)]
        let after = part[min(part.endIndex, secret.upperBound)...]
        return before + "***" + after
    }

    /// Where credentials start: after `scheme:` followed by one or more `/`, or after leading
    /// `/`s, else at the start. A `scheme:` without a slash is not taken as one, since
    /// `user:password@host` has that shape too.
    private static func schemeEnd(of head: Substring) -> Substring.Index {
        var index = head.startIndex
        while index < head.endIndex, head[index] == "/" { index = head.index(after: index) }
        if index > head.startIndex { return index }
        guard let first = head.first, first.isASCII, first.isLetter,
              let colon = head.firstIndex(of: ":"),
              head[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return head.startIndex
        }
        var afterSlashes = head.index(after: colon)
        while afterSlashes < head.endIndex, head[afterSlashes] == "/" { afterSlashes = head.index(after: afterSlashes) }
        return afterSlashes > head.index(after: colon) ? afterSlashes : head.startIndex
    }

    private static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return text }
        var bytes = [UInt8]()
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
