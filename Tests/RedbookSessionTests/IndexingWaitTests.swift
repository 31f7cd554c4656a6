import RedbookRedis
@testable import RedbookSession
import RedbookTestSupport
import Testing

/// FT.CREATE over keys that already exist returns before the index has scanned them; the
/// session waits, so the very next search in the block counts every document.
@Suite struct IndexingWaitTests {
    @Test func searchRightAfterCreateSeesAllTwoThousandDocuments() throws {
        let p = TestRedis.uniqueName("wait")
        let connection = try TestRedis.connection()
        let brands = ["Quillback", "Ferrovia", "Lumo", "Kestrel", "Orbea"]
        let commands = (0..<2_000).map { number in
            RedisCommand([
                "HSET", "\(p):bike:\(number)",
                "brand", brands[number % brands.count],
                "price", String(100 + number),
                "description", "Bike number \(number) with \(number % 7 + 1) gears and a \(number % 2 == 0 ? "steel" : "carbon") frame",
            ])
        }
        let replies = try connection.pipeline(commands)
        #expect(replies.allSatisfy { $0 == .integer(3) })

        let session = Session(connection: connection)
        let outcome = session.run(Block(language: .redis, source: """
            FT.CREATE \(p):idx ON HASH PREFIX 1 \(p):bike:
              SCHEMA brand TAG price NUMERIC description TEXT
            FT.SEARCH \(p):idx * LIMIT 0 0
            FT.SEARCH \(p):idx @brand:{Lumo} LIMIT 0 0
            FT.SEARCH \(p):idx carbon LIMIT 0 0
            """))
        #expect(outcome.failure == nil)
        #expect(outcome.output == "```text\nOK\n```\n\nMatched: 2000\n\nMatched: 400\n\nMatched: 1000")
    }

    @Test func alterWaitsToo() throws {
        let p = TestRedis.uniqueName("alter")
        let connection = try TestRedis.connection()
        _ = try connection.pipeline((0..<500).map { RedisCommand(["HSET", "\(p):k:\($0)", "a", "x", "b", "y\($0 % 5)"]) })
        let outcome = Session(connection: connection).run(Block(language: .redis, source: """
            FT.CREATE \(p):idx ON HASH PREFIX 1 \(p):k: SCHEMA a TAG
            FT.ALTER \(p):idx SCHEMA ADD b TAG
            FT.SEARCH \(p):idx @b:{y3} LIMIT 0 0
            """))
        #expect(outcome.failure == nil)
        #expect(outcome.output == "```text\nOK\nOK\n```\n\nMatched: 100")
    }

    @Test func aTimeoutIsRecordedWithoutTheScansProgress() throws {
        let p = TestRedis.uniqueName("slow")
        let connection = try TestRedis.connection()
        _ = try connection.pipeline((0..<2_000).map { RedisCommand(["HSET", "\(p):k:\($0)", "a", "x"]) })
        let session = Session(connection: connection)
        // No time at all: the first FT.INFO, sent as FT.CREATE returns, has not seen the scan finish.
        session.indexingTimeout = .zero
        let outcome = session.run(Block(language: .redis, source: "FT.CREATE \(p):idx ON HASH PREFIX 1 \(p):k: SCHEMA a TAG"))
        let failure = try #require(outcome.failure)
        #expect(failure.message.contains("(percent_indexed "))
        #expect(outcome.output == """
            ```text
            OK
            error: index '\(p):idx' is still indexing existing keys after 0.0 seconds
            hint: load fewer keys before FT.CREATE, or create the index first and load the keys after it
            ```
            """)
    }

    @Test func aFailedCreateDoesNotWait() throws {
        let outcome = try Session(connection: TestRedis.connection()).run(Block(language: .redis, source: """
            FT.CREATE \(TestRedis.uniqueName("bad")) SCHEMA
            """))
        let failure = try #require(outcome.failure)
        #expect(failure.line == 1)
        #expect(outcome.output.contains("(error) "))
    }
}

/// The waiting loop's own edges, called directly.
@Suite struct IndexingWaitEdgeTests {
    @Test func aMissingIndexFailsClearlyInsteadOfWaiting() throws {
        let session = Session(connection: try TestRedis.connection())
        let name = TestRedis.uniqueName("gone")
        #expect {
            try session.waitForIndexing(name)
        } throws: { error in
            let text = "\(error)"
            return text.contains(name) && text.contains("Unknown index name")
        }
    }

    @Test func aFinishedIndexNeedsNoTimeAtAll() throws {
        let connection = try TestRedis.connection()
        let name = TestRedis.uniqueName("done")
        _ = try connection.call("FT.CREATE", name, "ON", "HASH", "PREFIX", "1", "\(name):", "SCHEMA", "a", "TAG")
        let session = Session(connection: connection)
        // Even over no keys, FT.INFO first reports percent_indexed 0: the scan has not run yet.
        try session.waitForIndexing(name)
        session.indexingTimeout = .zero
        try session.waitForIndexing(name)
    }
}
