import RedbookRedis
import RedbookSession
import RedbookTestSupport
import Testing

/// Rows whose order the server leaves to its internal document numbers (which follow the
/// keyspace scan, different at every server start) are listed in a fixed order instead.
@Suite struct ResultOrderTests {
    private func load(_ p: String, _ connection: RedisConnection) throws {
        // Loaded out of order and indexed afterwards, so document numbers follow the scan.
        let numbers = [7, 3, 11, 1, 9, 5, 12, 2, 10, 4, 8, 6]
        _ = try connection.pipeline(numbers.map {
            RedisCommand(["HSET", "\(p):k:\(String(format2: $0))", "price", String($0 % 3 * 100), "kind", $0 % 2 == 0 ? "even" : "odd"])
        })
    }

    @Test func equalScoresAreListedByKeyWithoutAScoreColumn() throws {
        let p = TestRedis.uniqueName("order")
        let connection = try TestRedis.connection()
        try load(p, connection)
        let outcome = Session(connection: connection).run(Block(language: .redis, source: """
            FT.CREATE \(p):idx ON HASH PREFIX 1 \(p):k: SCHEMA price NUMERIC kind TAG
            FT.SEARCH \(p):idx "@price:[100 200]" RETURN 1 kind LIMIT 0 20
            FT.SEARCH \(p):idx "@kind:{odd}" NOCONTENT
            """))
        #expect(outcome.failure == nil)
        let keys = { (numbers: [Int]) in numbers.map { "\(p):k:\(String(format2: $0))" } }
        let lines = outcome.output.split(separator: "\n").map(String.init)
        let listed = lines.filter { $0.hasPrefix("| \(p)") }.map { $0.split(separator: "|")[0].trimmingCharacters(in: " ") }
        #expect(listed == keys([1, 2, 4, 5, 7, 8, 10, 11]) + keys([1, 3, 5, 7, 9, 11]))
        #expect(!outcome.output.contains("score"))
    }

    @Test func anErrorIsTheOneTheWrittenCommandGets() throws {
        let p = TestRedis.uniqueName("err")
        let connection = try TestRedis.connection()
        _ = try connection.call("FT.CREATE", "\(p):idx", "ON", "HASH", "PREFIX", "1", "\(p):k:", "SCHEMA", "a", "TAG")
        let direct = try connection.send(RedisCommand("FT.SEARCH", "\(p):idx", "*", "LIMIT", "0"))
        guard case .error(let message) = direct else {
            Issue.record("expected an error reply, got \(direct)")
            return
        }
        let outcome = Session(connection: connection).run(Block(
            language: .redis, source: "FT.SEARCH \(p):idx * LIMIT 0", expectsError: true))
        #expect(outcome.failure == nil)
        #expect(outcome.output == "```text\n(error) \(message)\n```")
    }

    @Test func aggregatesWithoutSortByAreListedByTheirCells() throws {
        let p = TestRedis.uniqueName("agg")
        let connection = try TestRedis.connection()
        try load(p, connection)
        let outcome = Session(connection: connection).run(Block(language: .redis, source: """
            FT.CREATE \(p):idx ON HASH PREFIX 1 \(p):k: SCHEMA price NUMERIC kind TAG
            FT.AGGREGATE \(p):idx * GROUPBY 2 @kind @price REDUCE COUNT 0 AS n
            """))
        #expect(outcome.failure == nil)
        let rows = outcome.output.split(separator: "\n").filter { $0.hasPrefix("| e") || $0.hasPrefix("| o") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: " ") } }
        #expect(rows == [
            ["even", "0", "2"], ["even", "100", "2"], ["even", "200", "2"],
            ["odd", "0", "2"], ["odd", "100", "2"], ["odd", "200", "2"],
        ])
    }

    private func keys(_ p: String, _ numbers: [Int]) -> [String] {
        numbers.map { "\(p):k:\(String(format2: $0))" }
    }

    @Test func sortByTiesAreListedByKeyWithoutASortKeyColumn() throws {
        let p = TestRedis.uniqueName("sortby")
        let connection = try TestRedis.connection()
        try load(p, connection)
        let outcome = Session(connection: connection).run(Block(language: .redis, source: """
            FT.CREATE \(p):idx ON HASH PREFIX 1 \(p):k: SCHEMA price NUMERIC kind TAG
            FT.SEARCH \(p):idx * SORTBY price RETURN 1 kind LIMIT 0 20
            FT.SEARCH \(p):idx * SORTBY price DESC NOCONTENT LIMIT 0 20
            """))
        #expect(outcome.failure == nil)
        let listed = TableRows.rows(in: outcome.output).map { $0[0] }
        let (zero, hundred, twoHundred) = ([3, 6, 9, 12], [1, 4, 7, 10], [2, 5, 8, 11])
        #expect(listed == keys(p, zero + hundred + twoHundred) + keys(p, twoHundred + hundred + zero))
        #expect(!outcome.output.contains("sortkey"))
        #expect(TableRows.columns(in: outcome.output) == ["id", "kind"])
    }

    @Test func sortKeysAskedForStillShowAndStillOrderTies() throws {
        let p = TestRedis.uniqueName("sortkeys")
        let connection = try TestRedis.connection()
        try load(p, connection)
        let outcome = Session(connection: connection).run(Block(language: .redis, source: """
            FT.CREATE \(p):idx ON HASH PREFIX 1 \(p):k: SCHEMA price NUMERIC SORTABLE kind TAG
            FT.SEARCH \(p):idx @kind:{odd} SORTBY price WITHSORTKEYS RETURN 0
            """))
        #expect(outcome.failure == nil)
        #expect(TableRows.rows(in: outcome.output) == [
            [keys(p, [3])[0], "#0"], [keys(p, [9])[0], "#0"],
            [keys(p, [1])[0], "#100"], [keys(p, [7])[0], "#100"],
            [keys(p, [5])[0], "#200"], [keys(p, [11])[0], "#200"],
        ])
    }

    @Test func aggregateSortByTiesAreListedByTheirCells() throws {
        let p = TestRedis.uniqueName("aggsort")
        let connection = try TestRedis.connection()
        try load(p, connection)
        let outcome = Session(connection: connection).run(Block(language: .redis, source: """
            FT.CREATE \(p):idx ON HASH PREFIX 1 \(p):k: SCHEMA price NUMERIC SORTABLE kind TAG SORTABLE
            FT.AGGREGATE \(p):idx * LOAD 1 @__key SORTBY 2 @price DESC LIMIT 0 20
            """))
        #expect(outcome.failure == nil)
        let rows = TableRows.rows(in: outcome.output)
        #expect(rows.map { $0.sorted() } == [
            [2, 5, 8, 11], [1, 4, 7, 10], [3, 6, 9, 12],
        ].flatMap { group in group.map { number in [String(number % 3 * 100), keys(p, [number])[0]].sorted() } })
    }

    @Test func listsFromToListAreSorted() throws {
        let p = TestRedis.uniqueName("tolist")
        let connection = try TestRedis.connection()
        try load(p, connection)
        let outcome = Session(connection: connection).run(Block(language: .redis, source: """
            FT.CREATE \(p):idx ON HASH PREFIX 1 \(p):k: SCHEMA price NUMERIC SORTABLE kind TAG SORTABLE
            FT.AGGREGATE \(p):idx * LOAD 1 @__key GROUPBY 1 @kind REDUCE TOLIST 1 @price AS prices REDUCE TOLIST 1 @__key SORTBY 2 @kind ASC
            """))
        #expect(outcome.failure == nil)
        #expect(TableRows.rows(in: outcome.output) == [
            ["even", "[0, 100, 200]", "[" + keys(p, [2, 4, 6, 8, 10, 12]).joined(separator: ", ") + "]"],
            ["odd", "[0, 100, 200]", "[" + keys(p, [1, 3, 5, 7, 9, 11]).joined(separator: ", ") + "]"],
        ])
    }
}

private extension String {
    /// Two digits, so keys sort like their numbers.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
