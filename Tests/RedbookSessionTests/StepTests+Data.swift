import RedbookRedis
import RedbookSession
import RedbookTestSupport
import Testing

/// The steps that write and read Redis data: store, keys, get, mget and redis.
extension StepTests {
    private static let storedBikes = #"""
        let bikes = [
            ["model": "Jigger", "price": 270, "tags": ["kids"]],
            ["model": "Hillcraft", "price": 1200, "tags": ["mountain", "steel"]],
            ["model": "Chook", "price": 815, "tags": []],
        ]
        """#

    @Test func storeWritesJSONDocumentsAndReturnsTheirKeys() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("store")
        #expect(steps.output(Self.storedBikes) == "")
        #expect(steps.output("let stored = store(bikes, prefix: \"\(p):\")\nstored")
            == StepSession.json("[\n  \"\(p):001\",\n  \"\(p):002\",\n  \"\(p):003\"\n]"))
        #expect(steps.output("get(stored[1]).model") == StepSession.text("Hillcraft"))
        #expect(try steps.connection.call("JSON.GET", "\(p):003") == .bulk(Array(#"{"model":"Chook","price":815,"tags":[]}"#.utf8)))
        #expect(try steps.connection.call("EXISTS", "\(p):004") == .integer(0))
    }

    @Test func storeNamesKeysByAFieldWhenAsked() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("byid")
        _ = steps.output(Self.storedBikes)
        #expect(steps.output("store(bikes, prefix: \"\(p):\", id: \"model\")")
            == StepSession.json("[\n  \"\(p):Jigger\",\n  \"\(p):Hillcraft\",\n  \"\(p):Chook\"\n]"))
        #expect(try steps.connection.call("JSON.GET", "\(p):Jigger", "$.price") == .bulk(Array("[270]".utf8)))
        let missing = try steps.failure("store(bikes, prefix: \"\(p):\", id: \"sku\")")
        #expect(missing.message.hasPrefix("document 0 has no field 'sku' for its key"))
    }

    @Test func storeAsHashWritesEachFieldAsText() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("hash")
        #expect(steps.output("""
            store([["brand": "Nord", "price": 815, "tags": ["road", "fast"], "light": true]], prefix: "\(p):", as: .hash)
            """) == StepSession.json("[\n  \"\(p):001\"\n]"))
        #expect(try steps.connection.call("HGETALL", "\(p):001") == .array([
            "brand", "Nord", "price", "815", "tags", #"["road","fast"]"#, "light", "1",
        ].map { .bulk(Array($0.utf8)) }))
        // Read back, hash fields are text.
        #expect(steps.output("get(\"\(p):001\").price == \"815\"") == StepSession.text("true"))
    }

    @Test func storeRefusesWhatIsNotADocumentAndWritesNothing() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("refuse")
        let notDocument = try steps.failure("store([[\"a\": 1], 2], prefix: \"\(p):\")", line: 8)
        #expect(notDocument.line == 8 && notDocument.column == 1)
        #expect(notDocument.message.hasPrefix("store needs documents (dictionaries); item 1 is an Int"))
        #expect(try steps.connection.call("EXISTS", "\(p):001") == .integer(0))
        #expect(try steps.failure("store([[\"a\": 1]], prefix: \"\(p):\", as: .xml)").explanation.hasPrefix("store writes .json or .hash, not .xml"))
        #expect(try steps.failure("store([[\"a\": 1]], prefix: \"\(p):\", ttl: 5)").explanation.hasPrefix("unexpected argument label 'ttl:' in call to store"))
        #expect(try steps.failure("store(\"bikes\")").explanation.hasPrefix("expected an array, got a String"))
    }

    @Test func keysScansAPatternAndSortsWhatItFinds() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("keys")
        // More keys than one SCAN round returns, written out of order.
        let numbers = (0..<1_500).map { ($0 * 7_919) % 1_500 }
        _ = try steps.connection.pipeline(numbers.map { RedisCommand(["SET", "\(p):k:" + String(format4: $0), "x"]) })
        #expect(steps.output("""
            let found = keys("\(p):k:*")
            expect(found == found.sorted(), "sorted")
            [found.count, found[0], found[1499]]
            """) == StepSession.json("[\n  1500,\n  \"\(p):k:0000\",\n  \"\(p):k:1499\"\n]"))
        #expect(steps.output("keys(\"\(p):none:*\")") == StepSession.json("[]"))
        #expect(steps.output("keys(\"\(p):k:000[0-2]\")") == StepSession.json("[\n  \"\(p):k:0000\",\n  \"\(p):k:0001\",\n  \"\(p):k:0002\"\n]"))
        #expect(try steps.failure("keys(7)").explanation.hasPrefix("expected a String, got an Int"))
    }

    @Test func getReadsDocumentsPathsAndHashes() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("get")
        _ = try steps.connection.call("JSON.SET", "\(p):1", "$", #"{"model":"Jigger","price":270,"specs":{"weight":5.8}}"#)
        _ = try steps.connection.call("HSET", "\(p):h", "brand", "Nord", "price", "815")
        _ = try steps.connection.call("SET", "\(p):s", "hello")
        #expect(steps.output("get(\"\(p):1\").specs.weight") == StepSession.text("5.8"))
        #expect(steps.output("get(\"\(p):1\", path: \"$.model\")") == StepSession.json("[\n  \"Jigger\"\n]"))
        #expect(steps.output("get(\"\(p):1\", path: \".price\") + 1") == StepSession.text("271"))
        #expect(steps.output("get(\"\(p):h\")") == StepSession.json("{\n  \"brand\": \"Nord\",\n  \"price\": \"815\"\n}"))
        #expect(steps.output("get(\"\(p):h\", path: \"brand\")") == StepSession.text("Nord"))
        #expect(steps.output("get(\"\(p):s\")") == StepSession.text("hello"))
        #expect(steps.output("get(\"\(p):missing\") == nil") == StepSession.text("true"))
        let badPath = try steps.failure("get(\"\(p):1\", path: \"$[\")")
        #expect(badPath.message.hasPrefix("JSON.GET: "))
    }

    @Test func mgetReadsOnePathOfManyKeys() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("mget")
        _ = try steps.connection.call("JSON.SET", "\(p):1", "$", #"{"model":"Jigger","price":270}"#)
        _ = try steps.connection.call("JSON.SET", "\(p):2", "$", #"{"model":"Hillcraft","price":1200}"#)
        #expect(steps.output("mget([\"\(p):1\", \"\(p):missing\", \"\(p):2\"], path: \".price\")") == StepSession.json("[\n  270,\n  null,\n  1200\n]"))
        // A JSONPath gives each document's matches as an array.
        #expect(steps.output("mget([\"\(p):1\", \"\(p):2\"], path: \"$.model\")") == StepSession.json("[\n  [\n    \"Jigger\"\n  ],\n  [\n    \"Hillcraft\"\n  ]\n]"))
        #expect(try steps.failure("mget([1, 2])").explanation.hasPrefix("expected an array of Strings, got an Array"))
    }

    @Test func redisRepliesBecomeValues() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("redis")
        #expect(steps.output("""
            [
                redis("HSET", "\(p):h", "brand", "Nord", "price", 815, "weight", 9.5),
                redis("HGET", "\(p):h", "price"),
                redis("HGETALL", "\(p):h"),
                redis("GET", "\(p):none"),
                redis("JSON.SET", "\(p):j", "$", ["a": [1, 2]]),
            ]
            """) == StepSession.json("""
            [
              3,
              "815",
              [
                "brand",
                "Nord",
                "price",
                "815",
                "weight",
                "9.5"
              ],
              null,
              "OK"
            ]
            """))
        // A document argument is sent as its JSON text.
        #expect(try steps.connection.call("JSON.GET", "\(p):j") == .bulk(Array(#"{"a":[1,2]}"#.utf8)))
    }

    @Test func redisFailsOnAnErrorReplyAtItsCall() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("rerr")
        let outcome = steps.swift("redis(\"SET\", \"\(p):n\", \"x\")\nlet n = redis(\"INCR\", \"\(p):n\")", line: 10)
        let failure = try #require(outcome.failure)
        #expect(failure.line == 11)
        #expect(failure.column == 9)
        #expect(failure.explanation.hasPrefix("ERR value is not an integer or out of range\n11 | let n = redis("))
        #expect(outcome.output.hasPrefix("```text\nerror: ERR value is not an integer or out of range\n"))
        // A failed `let` binds nothing.
        #expect(try steps.failure("n").explanation.hasPrefix("cannot find 'n' in scope"))
        #expect(try steps.failure("redis(\"SET\", key: \"x\", \"y\")").explanation.hasPrefix("redis takes its command's words without labels"))
        #expect(try steps.failure("redis()").explanation.hasPrefix("redis needs a command name\nhint: redis(\"PING\")"))
        #expect(try steps.failure("redis(\"SET\", \"\(p):x\", nil)").explanation.hasPrefix("nil cannot be a command argument"))
    }
}

private extension String {
    /// A number with four digits, zero-padded, so keys sort as numbers do.
    init(format4 number: Int) {
        let digits = String(number)
        self = String(repeating: "0", count: 4 - digits.count) + digits
    }
}
