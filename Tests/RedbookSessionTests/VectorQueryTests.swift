import RedbookRedis
@testable import RedbookSession
import RedbookTestSupport
import Testing

/// Vector queries: their rows listed by distance, their distances rounded by the name the query
/// gives them, and a hint when DIALECT 2 is missing.
@Suite struct VectorQueryTests {
    /// Twelve hashes loaded out of order, then indexed, so document numbers follow the scan.
    /// Vector of key n: by n % 3, at cosine distance 0, about 0.2 and 1 from the query [1, 0, 0, 0].
    private func load(_ p: String, _ connection: RedisConnection) throws -> Session {
        let vectors: [[Float]] = [[1, 0, 0, 0], [0.8, 0.6, 0, 0], [0, 1, 0, 0]]
        for number in [7, 3, 11, 1, 9, 5, 12, 2, 10, 4, 8, 6] {
            let command = RedisCommand(arguments: [
                Array("HSET".utf8), Array(key(p, number).utf8), Array("name".utf8), Array("n\(number)".utf8),
                Array("vec".utf8), RedisCommand.float32Bytes(vectors[number % 3]),
            ])
            _ = try connection.send(command)
        }
        let session = Session(connection: connection)
        let created = session.run(Block(language: .redis, source: """
            FT.CREATE \(p):idx ON HASH PREFIX 1 \(p):k: SCHEMA name TEXT vec VECTOR FLAT 6 TYPE FLOAT32 DIM 4 DISTANCE_METRIC COSINE
            """))
        #expect(created.failure == nil)
        return session
    }

    private func key(_ p: String, _ number: Int) -> String {
        "\(p):k:" + (number < 10 ? "0\(number)" : "\(number)")
    }

    /// The query vector [1, 0, 0, 0] in redis-cli escapes.
    private let query = #""\x00\x00\x80\x3f\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00""#

    @Test func knnWithoutSortByIsListedNearestFirstThenByKey() throws {
        let p = TestRedis.uniqueName("knn")
        let session = try load(p, try TestRedis.connection())
        let outcome = session.run(Block(language: .redis, source: """
            FT.SEARCH \(p):idx '*=>[KNN 12 @vec $q AS dist]' PARAMS 2 q \(query) RETURN 1 name LIMIT 0 12 DIALECT 2
            FT.SEARCH \(p):idx '*=>[KNN 12 @vec $q]' PARAMS 2 q \(query) NOCONTENT LIMIT 0 12 DIALECT 2
            FT.SEARCH \(p):idx '*=>[KNN 12 @vec $q]=>{$YIELD_DISTANCE_AS: d}' PARAMS 2 q \(query) RETURN 0 LIMIT 0 12 DIALECT 2
            """))
        #expect(outcome.failure == nil)
        let expected = [3, 6, 9, 12, 1, 4, 7, 10, 2, 5, 8, 11].map { key(p, $0) }
        let rows = TableRows.rows(in: outcome.output)
        #expect(rows.map { $0[0] } == expected + expected + expected)
        // The distance was fetched only to order the rows: it never shows.
        #expect(rows.allSatisfy { $0.count <= 2 })
        #expect(!outcome.output.contains("dist") && !outcome.output.contains("__vec_score") && !outcome.output.contains("| d "))
    }

    @Test func yieldedDistancesAreRoundedByTheNameTheQueryGives() throws {
        let p = TestRedis.uniqueName("round")
        let session = try load(p, try TestRedis.connection())
        let outcome = session.run(Block(language: .redis, source: """
            FT.SEARCH \(p):idx '*=>[KNN 4 @vec $q AS dist]' PARAMS 2 q \(query) RETURN 1 dist SORTBY dist DIALECT 2
            FT.SEARCH \(p):idx '(@name:n1)=>[KNN 3 @vec $q]=>{$YIELD_DISTANCE_AS: how_far}' PARAMS 2 q \(query) RETURN 1 how_far DIALECT 2
            FT.SEARCH \(p):idx '@vec:[VECTOR_RANGE 0.5 $q]=>{$YIELD_DISTANCE_AS: gap}' PARAMS 2 q \(query) RETURN 1 gap LIMIT 0 12 DIALECT 2
            """))
        #expect(outcome.failure == nil)
        let rows = TableRows.rows(in: outcome.output)
        #expect(rows.map { $0[0] } == [3, 6, 9, 12].map { key(p, $0) } + [key(p, 1)] + [3, 6, 9, 12, 1, 4, 7, 10].map { key(p, $0) })
        #expect(rows.map { $0[1] } == Array(repeating: "0", count: 4) + ["0.2"] + Array(repeating: "0", count: 4) + Array(repeating: "0.2", count: 4))
        // What the server sends is the float32 distance, longer than the four decimals recorded.
        let raw = try session.connection.send(RedisCommand(arguments: [
            "FT.SEARCH", "\(p):idx", "@name:n1=>[KNN 1 @vec $q AS dist]", "PARAMS", "2", "q",
        ].map { Array($0.utf8) } + [RedisCommand.float32Bytes([1, 0, 0, 0])] + ["RETURN", "1", "dist", "DIALECT", "2"].map { Array($0.utf8) }))
        let distance = try #require(raw.elements?.last?.elements?.last?.string)
        #expect(distance != "0.2" && distance.hasPrefix("0.") && distance.count > 6, "\(distance)")
        #expect(TableRows.columns(in: outcome.output) == ["id", "dist"])
    }

    @Test func aRangeQueryWithoutADistanceIsListedByKey() throws {
        let p = TestRedis.uniqueName("range")
        let session = try load(p, try TestRedis.connection())
        let outcome = session.run(Block(language: .redis, source: """
            FT.SEARCH \(p):idx '@vec:[VECTOR_RANGE 0.5 $q]' PARAMS 2 q \(query) RETURN 1 name LIMIT 0 12 DIALECT 2
            """))
        #expect(outcome.failure == nil)
        #expect(TableRows.rows(in: outcome.output).map { $0[0] } == [1, 3, 4, 6, 7, 9, 10, 12].map { key(p, $0) })
        #expect(TableRows.columns(in: outcome.output) == ["id", "name"])
    }

    @Test func aVectorQueryWithoutDialectTwoGetsAHint() throws {
        let p = TestRedis.uniqueName("dialect")
        let session = try load(p, try TestRedis.connection())
        let hint = "hint: vector queries need DIALECT 2 (add DIALECT 2 at the end of the command)"
        for query in ["'*=>[KNN 3 @vec $q]'", "'@vec:[VECTOR_RANGE 0.5 $q]'"] {
            for command in ["FT.SEARCH", "FT.AGGREGATE"] {
                let outcome = session.run(Block(language: .redis, source: """
                    \(command) \(p):idx \(query) PARAMS 2 q \(self.query)
                    """, firstLine: 5))
                let failure = try #require(outcome.failure)
                #expect(failure.line == 5)
                #expect(failure.message.hasPrefix("Syntax error"), "\(failure.message)")
                #expect("hint: " + (failure.hint ?? "") == hint)
                #expect(outcome.output.hasPrefix("```text\n(error) Syntax error"))
                #expect(outcome.output.hasSuffix("\n" + hint + "\n```"))
            }
        }
        // A syntax error of another kind, or with a DIALECT the query was written for, gets none.
        for source in ["FT.SEARCH \(p):idx '@name:(('", "FT.SEARCH \(p):idx '*=>[KNN 3 @vec $q]' PARAMS 2 q \(query) DIALECT 1"] {
            let outcome = session.run(Block(language: .redis, source: source, expectsError: true))
            #expect(outcome.failure == nil)
            #expect(outcome.output.contains("(error) "))
            #expect(!outcome.output.contains("hint:"))
        }
    }
}
