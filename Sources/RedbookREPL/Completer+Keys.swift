public import RedbookRedis

extension Completer {
    /// A `SCAN … MATCH` glob for keys starting with `prefix`, ignoring the case of ASCII letters.
    ///
    /// `user:A` becomes `[uU][sS][eE][rR]:[aA]*`. The glob specials `*`, `?`, `[`, `]` and `\`
    /// are escaped with a backslash. Other letters are left as they are: Redis compares bytes,
    /// and a bracket holding a multi-byte character would match single bytes of it instead.
    public static func scanPattern(forPrefix prefix: String) -> String {
        var pattern = ""
        for character in prefix {
            if character.isASCII, character.isLetter {
                pattern += "[\(character.lowercased())\(character.uppercased())]"
            } else if "*?[]\\".contains(character) {
                pattern += "\\\(character)"
            } else {
                pattern.append(character)
            }
        }
        return pattern + "*"
    }

    /// Up to `limit` key names starting with `prefix` (ignoring ASCII case), sorted.
    ///
    /// Uses `SCAN cursor MATCH pattern COUNT 200`, never `KEYS`, and stops after `maxCalls`
    /// calls, so a Tab press on a large database stays quick; the keys found first are the ones
    /// returned, so on a large database some matches may be missing.
    ///
    /// - Parameters:
    ///   - prefix: What the user typed of the key.
    ///   - connection: The server to ask.
    ///   - limit: The most names to return.
    ///   - maxCalls: The most SCAN calls to make.
    /// - Throws: ``RedisError`` when a call fails, or ``RedisError/protocolViolation(_:)`` when
    ///   a SCAN reply is not a cursor and a list of names.
    public static func keys(
        matching prefix: String,
        on connection: RedisConnection,
        limit: Int = 50,
        maxCalls: Int = 20
    ) throws(RedisError) -> [String] {
        let pattern = scanPattern(forPrefix: prefix)
        var found = Set<String>()
        var cursor = "0"
        var calls = 0
        repeat {
            let reply = try connection.call("SCAN", cursor, "MATCH", pattern, "COUNT", "200")
            guard let parts = reply.elements, parts.count == 2,
                  let next = parts[0].string, let names = parts[1].elements
            else { throw .protocolViolation("SCAN replied with something other than a cursor and a list of keys") }
            for name in names.compactMap(\.string) where found.count < limit {
                found.insert(name)
            }
            cursor = next
            calls += 1
        } while cursor != "0" && calls < maxCalls && found.count < limit
        return found.sorted()
    }
}
