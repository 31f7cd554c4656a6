import RedbookRedis
import RedbookSession
import RedbookTestSupport
import Testing

/// Blocks run against the embedded server: arguments reach it byte for byte, replies are
/// recorded as redis-cli shows them, and the failure policy holds.
@Suite struct SessionTests {
    private func session() throws -> Session {
        Session(connection: try TestRedis.connection())
    }

    private func redis(_ source: String, firstLine: Int = 1, column: Int = 1, expectsError: Bool = false) -> Block {
        Block(language: .redis, source: source, firstLine: firstLine, column: column, expectsError: expectsError)
    }

    @Test func zeroBytesRoundTripThroughSetAndGet() throws {
        let key = TestRedis.uniqueName("bin")
        let session = try session()
        let outcome = session.run(redis("""
            SET \(key) "a\\x00b\\xff\\n\\"q\\\\"
            GET \(key)
            STRLEN \(key)
            """))
        #expect(outcome.failure == nil)
        #expect(outcome.output == """
            ```text
            OK
            "a\\x00b\\xff\\n\\"q\\\\"
            (integer) 8
            ```
            """)
        // The server holds exactly the bytes the escapes describe.
        let stored = try session.connection.call("GET", key)
        #expect(stored == .bulk([0x61, 0x00, 0x62, 0xFF, 0x0A, 0x22, 0x71, 0x5C]))
    }

    @Test func singleQuotedJSONAndContinuationLinesReachTheServer() throws {
        let key = TestRedis.uniqueName("hash")
        let session = try session()
        let outcome = session.run(redis("""
            # a bike as a hash
            HSET \(key)
              brand 'Nord'
              // the price, in dollars
              price 815

            HGETALL \(key)
            HGET \(key) nosuch
            LRANGE \(key):none 0 -1
            """))
        #expect(outcome.failure == nil)
        #expect(outcome.output == """
            ```text
            (integer) 2
            1) "brand"
            2) "Nord"
            3) "price"
            4) "815"
            (nil)
            (empty array)
            ```
            """)
    }

    @Test func statusRepliesAreBare() throws {
        let outcome = try session().run(redis("PING\nECHO \"\""))
        #expect(outcome.output == "```text\nPONG\n\"\"\n```")
    }

    @Test func anErrorReplyStopsTheBlockAtItsCommand() throws {
        let key = TestRedis.uniqueName("stop")
        let session = try session()
        let outcome = session.run(redis("""
            SET \(key) 1

              INCRBY \(key) notanumber
            SET \(key) 2
            """, firstLine: 40, column: 3))
        let failure = try #require(outcome.failure)
        #expect(failure.line == 42)
        #expect(failure.column == 5)
        #expect(failure.message == "ERR value is not an integer or out of range")
        #expect(outcome.output == "```text\nOK\n(error) ERR value is not an integer or out of range\n```")
        // The command after the failing one never ran.
        #expect(try session.connection.call("GET", key) == .bulk(Array("1".utf8)))
    }

    @Test func anExpectedErrorIsSuccessAndLaterCommandsStillRun() throws {
        let key = TestRedis.uniqueName("expect")
        let session = try session()
        let outcome = session.run(redis("SET \(key) x\nINCR \(key)\nGET \(key)", expectsError: true))
        #expect(outcome.failure == nil)
        #expect(outcome.output == """
            ```text
            OK
            (error) ERR value is not an integer or out of range
            "x"
            ```
            """)
    }

    @Test func anExpectedErrorThatNeverComesIsAFailure() throws {
        let outcome = try session().run(redis("PING", firstLine: 7, column: 2, expectsError: true))
        let failure = try #require(outcome.failure)
        #expect(failure.line == 7)
        #expect(failure.column == 2)
        #expect(failure.message.hasPrefix("expected an error reply, got none"))
        #expect(outcome.output == "```text\nPONG\n```")
    }

    @Test func aQuoteErrorRunsNothing() throws {
        let key = TestRedis.uniqueName("quote")
        let session = try session()
        let outcome = session.run(redis("SET \(key) 1\nSET \(key) 'open", firstLine: 3, column: 1))
        let failure = try #require(outcome.failure)
        #expect(failure.line == 4)
        #expect(failure.column == 5 + key.utf8.count + 1)
        #expect(outcome.output.hasPrefix("```text\nerror: unbalanced quotes"))
        #expect(try session.connection.call("EXISTS", key) == .integer(0))
    }

    @Test func swiftBlocksRunAndKeepTheirNamesForLaterBlocks() throws {
        let session = try session()
        let first = session.run(Block(language: .swift, source: "let x = 20", firstLine: 12, column: 4))
        #expect(first.failure == nil && first.output == "")
        let second = session.run(Block(language: .swift, source: "x + 1", firstLine: 20, column: 1))
        #expect(second.output == "```text\n21\n```")
        let wrong = session.run(Block(language: .swift, source: "let y = 1\ny + z", firstLine: 30, column: 4))
        let failure = try #require(wrong.failure)
        #expect(failure.line == 31 && failure.column == 8)
        #expect(failure.message.hasPrefix("cannot find 'z' in scope"))
        #expect(wrong.output.hasPrefix("```text\nerror: cannot find 'z' in scope"))
    }

    @Test func aLostConnectionFailsTheBlockNamingTheServer() throws {
        let connection = try TestRedis.connection()
        let session = Session(connection: connection)
        let id = try #require(try connection.call("CLIENT", "ID").integer)
        _ = try TestRedis.connection().call("CLIENT", "KILL", "ID", String(id))
        let outcome = session.run(redis("PING", firstLine: 9, column: 1))
        let failure = try #require(outcome.failure)
        #expect(failure.line == 9)
        #expect(failure.message.contains(connection.url.endpoint))
        #expect(failure.message.contains("PING"))
        #expect(outcome.output.hasPrefix("```text\nerror: "))
    }

    @Test func aBlockOfOnlyCommentsRecordsNothing() throws {
        let outcome = try session().run(redis("# nothing to run\n"))
        #expect(outcome.failure == nil)
        #expect(outcome.output == "")
    }

    @Test func jsonRepliesArePrettyPrinted() throws {
        let key = TestRedis.uniqueName("json")
        let outcome = try session().run(redis("""
            JSON.SET \(key) $ '{"model":"Jig","price":270,"tags":["kids","small"],"extra":{}}'
            JSON.GET \(key) $.price
            JSON.GET \(key)
            JSON.GET \(key):missing
            """))
        #expect(outcome.failure == nil)
        #expect(outcome.output == """
            ```text
            OK
            ```

            ```json
            [
              270
            ]
            ```

            ```json
            {
              "model": "Jig",
              "price": 270,
              "tags": [
                "kids",
                "small"
              ],
              "extra": {}
            }
            ```

            ```text
            (nil)
            ```
            """)
    }
}
