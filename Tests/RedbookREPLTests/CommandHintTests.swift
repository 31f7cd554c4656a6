import RedbookREPL
import RedbookTestSupport
import Testing

/// Hints as redis-cli 7.2 shows them, from the embedded server's docs and the module supplement.
@Suite struct CommandHintTests {
    private static let setOptions =
        "[NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]"

    private func catalog() throws -> CommandCatalog {
        try CommandCatalog.load(from: TestRedis.connection())
    }

    @Test func setHintsFollowWhatIsTyped() throws {
        let catalog = try catalog()
        #expect(catalog.hint(forTyped: ["SET"]) == "key value " + Self.setOptions)
        #expect(catalog.hint(forTyped: ["set", "key"]) == "value " + Self.setOptions)
        #expect(catalog.hint(forTyped: ["SET", "key", "value"]) == Self.setOptions)
        #expect(catalog.hint(forTyped: ["SET", "k", "v", "nx"])
            == "[GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]")
        #expect(catalog.hint(forTyped: ["SET", "k", "v", "EX", "10"]) == "[NX|XX] [GET]")
        #expect(catalog.hint(forTyped: ["SET", "k", "v", "XX", "GET", "KEEPTTL"]) == nil)
        // The value a token is waiting for comes first.
        #expect(catalog.hint(forTyped: ["SET", "k", "v", "px"]) == "milliseconds [NX|XX] [GET]")
    }

    @Test func repeatedArgumentsOfferOneMore() throws {
        let catalog = try catalog()
        #expect(catalog.hint(forTyped: ["HSET"]) == "key field value [field value ...]")
        #expect(catalog.hint(forTyped: ["HSET", "h"]) == "field value [field value ...]")
        #expect(catalog.hint(forTyped: ["HSET", "h", "f"]) == "value [field value ...]")
        #expect(catalog.hint(forTyped: ["HSET", "h", "f", "v"]) == "[field value ...]")
        #expect(catalog.hint(forTyped: ["HSET", "h", "f", "v", "g", "w"]) == "[field value ...]")
        #expect(catalog.hint(forTyped: ["MGET", "a"]) == "[key ...]")
        #expect(catalog.hint(forTyped: ["BLPOP", "a"]) == "[key ...] timeout")
        // Options come before the scores, so giving a score leaves only more pairs to offer.
        #expect(catalog.hint(forTyped: ["ZADD", "z"]) == "[NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]")
        #expect(catalog.hint(forTyped: ["ZADD", "z", "1", "m"]) == "[score member ...]")
        #expect(catalog.hint(forTyped: ["XADD", "s", "*", "f", "v"]) == "[field value ...]")
    }

    @Test func nothingLeftOrUnknownGivesNil() throws {
        let catalog = try catalog()
        #expect(catalog.hint(forTyped: ["GET", "k"]) == nil)
        #expect(catalog.hint(forTyped: ["NOSUCHCOMMAND"]) == nil)
        #expect(catalog.hint(forTyped: []) == nil)
        #expect(catalog.hint(forTyped: ["FT._LIST"]) == nil)
    }

    @Test func containersHintTheirSubcommands() throws {
        let catalog = try catalog()
        let words = try #require(catalog.hint(forTyped: ["CONFIG"])).split(separator: "|")
        #expect(words.contains("GET"))
        #expect(words.contains("SET"))
        #expect(catalog.hint(forTyped: ["config", "get"]) == "parameter [parameter ...]")
        #expect(catalog.hint(forTyped: ["CONFIG", "NOPE"]) == nil)
    }

    @Test func searchHintsComeFromTheSupplement() throws {
        let catalog = try catalog()
        let hint = try #require(catalog.hint(forTyped: ["FT.SEARCH", "idx"]))
        #expect(hint.hasPrefix("query [NOCONTENT] [VERBATIM]"))
        #expect(hint.contains("[RETURN count identifier [AS property] [identifier [AS property] ...]]"))
        #expect(hint.contains("[LIMIT offset num] [PARAMS nargs name value [name value ...]] [DIALECT dialect]"))
        #expect(hint.hasSuffix("[DIALECT dialect]"))

        let afterQuery = try #require(catalog.hint(forTyped: ["ft.search", "idx", "*=>[KNN 3 @v $vec]", "limit", "0", "3"]))
        #expect(!afterQuery.contains("LIMIT"))
        #expect(afterQuery.hasPrefix("[NOCONTENT]"))
        #expect(catalog.hint(forTyped: ["FT.SEARCH", "idx", "q", "PARAMS", "2"]) == "name value [name value ...] "
            + "[NOCONTENT] [VERBATIM] [NOSTOPWORDS] [WITHSCORES] [WITHPAYLOADS] [WITHSORTKEYS] "
            + "[FILTER numeric_field min max [FILTER numeric_field min max ...]] "
            + "[GEOFILTER geo_field lon lat radius M|KM|MI|FT [GEOFILTER geo_field lon lat radius M|KM|MI|FT ...]] "
            + "[INKEYS count key [key ...]] [INFIELDS count field [field ...]] "
            + "[RETURN count identifier [AS property] [identifier [AS property] ...]] "
            + "[SLOP slop] [TIMEOUT timeout] [INORDER] [LANGUAGE language] [SCORER scorer] [EXPLAINSCORE] "
            + "[SORTBY sortby [ASC|DESC] [WITHCOUNT]] [LIMIT offset num] [DIALECT dialect]")
    }

    @Test func createHintsReachTheSchema() throws {
        let catalog = try catalog()
        let hint = try #require(catalog.hint(forTyped: ["FT.CREATE", "idx", "ON", "HASH", "PREFIX", "1", "doc:"]))
        #expect(!hint.contains("[ON "))
        #expect(!hint.contains("[PREFIX "))
        #expect(hint.hasPrefix("[prefix ...] [FILTER filter]"))
        #expect(hint.hasSuffix("[SORTABLE [UNF]] [NOINDEX] ...]"))
        #expect(catalog.hint(forTyped: ["FT.CREATE", "idx", "SCHEMA"])?.hasPrefix("field_name [AS alias] TEXT|TAG|") == true)
        let vector = ["FT.CREATE", "idx", "ON", "HASH", "PREFIX", "1", "doc:", "SCHEMA", "title", "TEXT",
                      "vec", "VECTOR", "HNSW", "6", "TYPE", "FLOAT32", "DIM", "384", "DISTANCE_METRIC", "COSINE"]
        let afterVector = try #require(catalog.hint(forTyped: vector))
        #expect(afterVector.hasPrefix("[attribute value ...] [SORTABLE [UNF]] [NOINDEX] [field_name [AS alias] TEXT|"))
        #expect(!afterVector.contains("[FILTER filter]"))
        #expect(catalog.hint(forTyped: ["FT.DROPINDEX", "idx"]) == "[DD]")
        #expect(catalog.hint(forTyped: ["JSON.SET", "doc"]) == "path value [NX|XX]")
        #expect(catalog.hint(forTyped: ["JSON.MGET", "a"]) == "[key ...] path")
        #expect(catalog.hint(forTyped: ["JSON.GET", "doc", "INDENT", "2"]) == "[NEWLINE newline] [SPACE space] [path [path ...]]")
    }

    @Test func theSupplementWorksWithoutAServer() {
        let catalog = CommandCatalog(commands: [.init(name: "ft.info", group: "module")])
        #expect(catalog.names == ["FT.INFO"])
        #expect(catalog.hint(forTyped: ["FT.INFO"]) == "index")
        #expect(catalog.hint(forTyped: ["FT.INFO", "idx"]) == nil)
        #expect(catalog.help(for: "ft.info")?.contains("group: module") == true)
    }
}
