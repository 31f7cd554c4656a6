import RedbookNotebook
import RedbookRedis
import RedbookSession

extension FuzzTarget {
    /// Reply rendering: random nested replies to commands whose replies the session renders in
    /// special ways (JSON.GET, FT.SEARCH, FT.AGGREGATE, FT.INFO) or as redis-cli does.
    ///
    /// Whatever the replies, the Markdown must record into a notebook block (top level, in a
    /// quote or in a list item) and read back unchanged.
    static let reply = FuzzTarget(name: "reply", summary: "Session.recordedOutput over decoded Reply values") { bytes in
        var input = FuzzInput(bytes)
        let settings = input.byte()
        let vectorFields = [[], ["vec"], ["vec", "embedding", "__vec_score"]][Int(settings & 3) % 3]
        var replies = [(command: [[UInt8]], reply: Reply)]()
        for _ in 0...(input.number(below: 3)) {
            replies.append((command(&input), reply(&input, depth: 0)))
        }
        let output = Session.recordedOutput(of: replies, vectorFields: Set(vectorFields), planned: settings & 4 != 0)

        // Where the block stands: the prefix of its fence line and of the lines after it.
        let (first, rest) = [("", ""), ("> ", "> "), ("- ", "  "), ("1. > ", "   > ")][Int(settings >> 3) % 4]
        let notebook = try! Notebook(bytes: Array("Text.\n\n\(first)```redis\n\(rest)GET k\n\(rest)```\n".utf8), name: "reply.md")
        let recorded = notebook.recording([0: output])
        guard let reread = try? Notebook(bytes: recorded, name: "reply.md"), reread.blocks.count == 1 else {
            fatalError("invariant broken: a recorded reply breaks the notebook:\n\(output)")
        }
        invariant(reread.blocks[0].recordedOutput == output,
                  "a recorded reply reads back differently:\n\(output)\n---\n\(reread.blocks[0].recordedOutput ?? "nil")")
    }

    /// Commands whose options change how their replies are shown; or, for high first bytes, a
    /// command line of the input's own.
    private static let commands: [String] = [
        "GET k", "HGETALL k", "LRANGE k 0 -1", "JSON.GET k", "JSON.GET k $.a $.b", "JSON.GET k INDENT x $", "JSON.MGET a b $",
        "FT.SEARCH idx *", "FT.SEARCH idx * WITHSCORES", "FT.SEARCH idx * NOCONTENT",
        "FT.SEARCH idx * WITHSCORES WITHPAYLOADS WITHSORTKEYS", "FT.SEARCH idx * RETURN 2 a b", "FT.SEARCH idx * SORTBY a",
        "FT.SEARCH idx \"*=>[KNN 3 @vec $v AS dist]\" PARAMS 2 v xxxx DIALECT 2",
        "FT.SEARCH idx \"@vec:[VECTOR_RANGE 0.5 $v]=>{$YIELD_DISTANCE_AS: d}\" PARAMS 2 v xxxx NOCONTENT",
        "FT.SEARCH idx \"*=>[KNN 2 @vec $v]\" RETURN 1 a PARAMS 2 v xxxx", "FT.SEARCH idx * RETURN 0",
        "FT.AGGREGATE idx * LOAD 1 @a", "FT.AGGREGATE idx * GROUPBY 1 @a REDUCE TOLIST 1 @b AS list",
        "FT.AGGREGATE idx * GROUPBY 1 @a REDUCE TOLIST 1 @b", "FT.AGGREGATE idx * SORTBY 2 @a ASC",
        "FT.AGGREGATE idx * WITHCURSOR", "FT.INFO idx",
    ]

    private static func command(_ input: inout FuzzInput) -> [[UInt8]] {
        let choice = Int(input.byte())
        if choice >= 240, let own = try? CommandLineParser.split(bytes: input.chunk()), !own.isEmpty {
            return own.map(\.bytes)
        }
        let line = commands[choice % commands.count]
        return (try? CommandLineParser.split(line))?.map(\.bytes) ?? []
    }

    /// A reply decoded from the input: a kind byte, then what that kind holds.
    private static func reply(_ input: inout FuzzInput, depth: Int) -> Reply {
        switch input.number(below: depth < 5 ? 9 : 7) {
        case 0: return .status(String(decoding: input.chunk(), as: UTF8.self))
        case 1: return .error(String(decoding: input.chunk(), as: UTF8.self))
        case 2: return .integer(Int64(Int8(bitPattern: input.byte())))
        case 3: return .integer(input.integer())
        case 4, 5: return .bulk(input.chunk())
        case 6: return .null
        default:
            let count = input.number(below: 12)
            return .array((0..<count).map { _ in reply(&input, depth: depth + 1) })
        }
    }
}
