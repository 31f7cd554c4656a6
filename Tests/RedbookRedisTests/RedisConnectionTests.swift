import RedbookRedis
import RedbookTestSupport
import Testing

@Suite struct RedisConnectionTests {
    @Test func pipelinedJSONSetThenMGet() throws {
        let redis = try TestRedis.connection()
        let prefix = TestRedis.uniqueName("doc")
        let count = 1_000
        let sets = (0..<count).map { index in
            RedisCommand("JSON.SET", "\(prefix):\(index)", "$", #"{"n":\#(index),"name":"bike \#(index)"}"#)
        }
        let replies = try redis.pipeline(sets, chunkSize: 128)
        #expect(replies.count == count)
        #expect(replies.allSatisfy { $0 == .status("OK") })

        let keys = (0..<count).map { "\(prefix):\($0)" }
        let mget = try redis.call(RedisCommand(["JSON.MGET"] + keys + ["$.n"]))
        let values = try #require(mget.elements)
        #expect(values.count == count)
        for (index, value) in values.enumerated() {
            #expect(value.string == "[\(index)]")
        }
    }

    @Test func float32VectorWithZeroBytesRoundTrips() throws {
        let redis = try TestRedis.connection()
        let key = TestRedis.uniqueName("vec")
        // 0.0 and 2^-149 (the smallest subnormal) put zero bytes inside the argument.
        let vector: [Float] = [0, 1, -2.5, .leastNonzeroMagnitude, 0, 384]
        let bytes = RedisCommand.float32Bytes(vector)
        #expect(bytes.contains(0))
        var hset = RedisCommand("HSET", key)
        hset.append("embedding")
        hset.append(bytes)
        #expect(try redis.call(hset) == .integer(1))
        let reply = try redis.call("HGET", key, "embedding")
        #expect(reply == .bulk(bytes))
        #expect(try redis.call("HSTRLEN", key, "embedding") == .integer(Int64(vector.count * 4)))
    }

    @Test func serverErrorsComeBackTyped() throws {
        let redis = try TestRedis.connection()
        let key = TestRedis.uniqueName("str")
        try redis.call("SET", key, "text")
        let error = #expect(throws: RedisError.self) { try redis.call("LPUSH", key, "x") }
        guard case .server(let failure)? = error else {
            Issue.record("expected a server error, got \(String(describing: error))")
            return
        }
        #expect(failure.code == "WRONGTYPE")
        #expect(failure.command == "LPUSH")
        #expect(failure.message.hasPrefix("WRONGTYPE Operation against a key holding the wrong kind of value"))

        // `send` returns the same error as a value, and the connection stays usable.
        let reply = try redis.send(RedisCommand("NOSUCHCOMMAND", "a"))
        #expect(reply.isError)
        #expect(reply == .error("ERR unknown command 'NOSUCHCOMMAND', with args beginning with: 'a' "))
        #expect(try redis.call("PING") == .status("PONG"))
    }

    @Test func pipelineKeepsErrorRepliesInOrder() throws {
        let redis = try TestRedis.connection()
        let key = TestRedis.uniqueName("n")
        let replies = try redis.pipeline([
            RedisCommand("SET", key, "1"), RedisCommand("INCR", key), RedisCommand("HGET", key, "f"), RedisCommand("GET", key),
        ])
        #expect(replies[0] == .status("OK"))
        #expect(replies[1] == .integer(2))
        #expect(replies[2].isError)
        #expect(replies[3] == .bulk(Array("2".utf8)))
    }

    @Test func aReplyNestedTooDeepIsAClearErrorAndTheNextCommandReconnects() throws {
        let redis = try TestRedis.connection()
        let script = "return " + String(repeating: "{", count: 20) + "1" + String(repeating: "}", count: 20)
        let error = try #require(throws: RedisError.self) { try redis.send(RedisCommand("EVAL", script, "0")) }
        #expect(error.description.hasSuffix("failed during EVAL: the reply nests arrays more than 7 levels deep, which the client library cannot read; the connection was reset"))
        #expect(try redis.send(RedisCommand("PING")) == .status("PONG"))
        // Seven levels are read whole.
        let seven = "return " + String(repeating: "{", count: 7) + "1" + String(repeating: "}", count: 7)
        var reply = try redis.send(RedisCommand("EVAL", seven, "0"))
        for _ in 0..<7 { reply = try #require(reply.elements?.first) }
        #expect(reply == .integer(1))
    }

    @Test func nestedArraysAndNulls() throws {
        let redis = try TestRedis.connection()
        let key = TestRedis.uniqueName("h")
        try redis.call("HSET", key, "a", "1")
        #expect(try redis.call("HMGET", key, "a", "missing") == .array([.bulk(Array("1".utf8)), .null]))
        #expect(try redis.call("GET", TestRedis.uniqueName("none")) == .null)
        #expect(try redis.call("LRANGE", TestRedis.uniqueName("none"), "0", "-1") == .array([]))
    }

    @Test func reconnectsAfterTheServerClosesTheConnection() throws {
        let redis = try TestRedis.connection()
        let name = TestRedis.uniqueName("victim")
        try redis.call("CLIENT", "SETNAME", name.replacingOccurrences(of: ":", with: "-"))
        let killer = try TestRedis.connection()
        try killer.call("CLIENT", "KILL", "SKIPME", "yes", "ID", String(try redis.call("CLIENT", "ID").integer ?? 0))
        // The first command sees the broken socket and says so; the next one connects again.
        let error = #expect(throws: RedisError.self) { try redis.call("PING") }
        #expect("\(error.map { "\($0)" } ?? "")".contains("failed during PING"))
        #expect(try redis.call("PING") == .status("PONG"))
    }
}
