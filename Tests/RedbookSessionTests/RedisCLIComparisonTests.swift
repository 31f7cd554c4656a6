import Foundation
import RedbookRedis
@testable import RedbookSession
import RedbookTestSupport
import Testing

/// When redis-cli is installed, its `--no-raw` output for real replies must equal ours byte for
/// byte. (Without it these tests are skipped; the hand-written cases in CLIFormatterTests remain.)
@Suite(.enabled(if: RedisCLI.path != nil)) struct RedisCLIComparisonTests {
    @Test(arguments: [
        ["COMMAND", "INFO", "GET"],
        ["COMMAND", "DOCS", "SET"],
        // Non-ASCII text is left out: Redbook keeps UTF-8 readable where redis-cli shows its bytes.
        ["ECHO", "tab\there \"quoted\" back\\slash \u{7f} \u{1}"],
        ["GET", "{prefix}nothing"],
        ["LRANGE", "{prefix}list", "0", "-1"],
        ["HGETALL", "{prefix}hash"],
        ["XRANGE", "{prefix}stream", "-", "+"],
        ["INCR", "{prefix}hash"],
        ["SMEMBERS", "{prefix}nothing"],
        ["FT.SEARCH", "{prefix}idx", "*", "SORTBY", "n"],
        ["FT.SEARCH", "{prefix}idx", "*", "WITHSCORES", "NOCONTENT", "SORTBY", "n"],
        ["FT.AGGREGATE", "{prefix}idx", "*", "GROUPBY", "1", "@t", "REDUCE", "TOLIST", "1", "@n", "AS", "ns"],
    ])
    func replyTextMatchesRedisCLI(_ template: [String]) throws {
        let prefix = TestRedis.uniqueName("cli")
        let connection = try TestRedis.connection()
        try Self.load(prefix: prefix, connection: connection)
        let arguments = template.map { $0.replacingOccurrences(of: "{prefix}", with: prefix) }
        let ours = CLIFormatter.text(try connection.send(RedisCommand(arguments))) + "\n"
        let theirs = try RedisCLI.run(arguments, port: try TestRedis.shared().url.port)
        #expect(ours == theirs)
    }

    private static func load(prefix: String, connection: RedisConnection) throws {
        _ = try connection.call(RedisCommand(["RPUSH", "\(prefix)list"] + (1...12).map { "item \($0)" }))
        _ = try connection.call(RedisCommand(arguments: [
            Array("HSET".utf8), Array("\(prefix)hash".utf8),
            Array("bytes".utf8), [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x0A, 0x0D, 0x09, 0x07, 0x08, 0x22, 0x5C, 0x27],
            Array("n".utf8), Array("b".utf8), Array("t".utf8), Array("x".utf8),
        ]))
        try connection.call("XADD", "\(prefix)stream", "1-1", "a", "1", "b", "2")
        try connection.call("XADD", "\(prefix)stream", "1-2", "c", "3")
        try connection.call("FT.CREATE", "\(prefix)idx", "ON", "HASH", "PREFIX", "1", "\(prefix)doc:",
                            "SCHEMA", "n", "TAG", "SORTABLE", "t", "TAG", "v", "VECTOR", "FLAT", "6", "TYPE", "FLOAT32",
                            "DIM", "2", "DISTANCE_METRIC", "L2")
        for (name, vector) in [("a", [Float(0.5), -1]), ("b", [3, 0.25])] {
            _ = try connection.call(RedisCommand(arguments: [
                Array("HSET".utf8), Array("\(prefix)doc:\(name)".utf8), Array("n".utf8), Array(name.utf8),
                Array("t".utf8), Array("x".utf8), Array("v".utf8), RedisCommand.float32Bytes(vector),
            ]))
        }
    }
}

/// The redis-cli executable on PATH, if any.
enum RedisCLI {
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return directories.map { "\($0)/redis-cli" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// redis-cli's standard output for one command against the test server, in non-raw mode.
    static func run(_ arguments: [String], port: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = ["--no-raw", "-h", "127.0.0.1", "-p", String(port)] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
