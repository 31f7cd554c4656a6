import RedbookREPL
import RedbookRedis
import RedbookTestSupport
import Testing

/// Key names found with bounded, case-insensitive SCAN calls on the embedded server.
@Suite struct KeyCompletionTests {
    @Test func scanPatternsIgnoreASCIICaseAndEscapeGlobSpecials() {
        #expect(Completer.scanPattern(forPrefix: "") == "*")
        #expect(Completer.scanPattern(forPrefix: "user:A1") == "[uU][sS][eE][rR]:[aA]1*")
        #expect(Completer.scanPattern(forPrefix: #"a*b?[c]\"#) == #"[aA]\*[bB]\?\[[cC]\]\\*"#)
        #expect(Completer.scanPattern(forPrefix: "é-1") == "é-1*")
    }

    @Test func keysAreFoundWhateverTheCaseTyped() throws {
        let connection = try Self.quietConnection()
        let prefix = TestRedis.uniqueName("Keys")
        let stored = ["\(prefix):alpha", "\(prefix):Beta", "\(prefix):gamma"]
        for key in stored { try connection.call("SET", key, "1") }
        try connection.call("SET", TestRedis.uniqueName("Keys"), "elsewhere")
        defer { _ = try? connection.call(RedisCommand(["DEL"] + stored)) }

        let mixed = String(prefix.enumerated().map { $0.offset.isMultiple(of: 2) ? Character($0.element.uppercased()) : $0.element })
        #expect(mixed != prefix)
        #expect(try Completer.keys(matching: mixed, on: connection) == stored.sorted())
        #expect(try Completer.keys(matching: "\(prefix):B", on: connection) == ["\(prefix):Beta"])
        #expect(try Completer.keys(matching: mixed, on: connection, limit: 2).count == 2)

        let completer = Completer(keys: { typed in (try? Completer.keys(matching: typed, on: connection)) ?? [] })
        let line = "GET \(mixed):G"
        let completion = completer.complete(line, cursor: line.count, mode: .redis)
        #expect(completion.candidates == ["\(prefix):gamma"])
        #expect(completion.range == 4..<line.count)
    }

    @Test func globSpecialsInKeysMatchOnlyThemselves() throws {
        let connection = try Self.quietConnection()
        let prefix = TestRedis.uniqueName("glob")
        let stored = ["\(prefix):a*b", "\(prefix):axb", "\(prefix):[x]"]
        for key in stored { try connection.call("SET", key, "1") }
        defer { _ = try? connection.call(RedisCommand(["DEL"] + stored)) }

        #expect(try Completer.keys(matching: "\(prefix):a*", on: connection) == ["\(prefix):a*b"])
        #expect(try Completer.keys(matching: "\(prefix):[", on: connection) == ["\(prefix):[x]"])
    }

    /// A database no other suite writes to: completion scans a bounded number of keys, and the
    /// shared database can hold more than that while the whole suite runs.
    static func quietConnection() throws -> RedisConnection {
        var url = try TestRedis.shared().url
        url.database = 9
        return try RedisConnection(url: url)
    }
}
