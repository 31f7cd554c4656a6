package import RedbookRedis

extension Session {
    /// Adds one reply to the block's output in the form its command calls for.
    ///
    /// JSON.GET and JSON.MGET become a `json` block, FT.SEARCH and FT.AGGREGATE a table with a
    /// count line, FT.INFO two tables; everything else, and any reply those cannot read, is
    /// printed as redis-cli prints it.
    ///
    /// - Parameters:
    ///   - command: The command as sent.
    ///   - order: How an FT.SEARCH's rows are listed, and what the session added to it for that;
    ///     `nil` for the order the command as sent gets.
    func render(_ reply: Reply, for command: RedisScript.Command, order: SearchOrder? = nil, into output: inout BlockOutput) {
        Self.render(reply, for: command, order: order, vectorFields: { vectorFields(of: command, reply: reply) }, into: &output)
    }

    /// The Markdown a `redis` block records for these replies, rendered as ``run(_:)`` renders
    /// them but with no server to ask.
    ///
    /// For tests and fuzzing. A live session asks FT.INFO for the index's VECTOR fields when a
    /// value could be a vector yet reads as text; `vectorFields` stands in for that answer.
    ///
    /// - Parameters:
    ///   - replies: Each command's arguments (name first) and the reply to it, in order.
    ///   - vectorFields: The VECTOR fields FT.INFO would name.
    ///   - planned: Whether each FT.SEARCH reply answers the command as the session sends it,
    ///     with the options it adds for a stable row order, rather than as written.
    /// - Returns: What ``BlockOutcome/output`` would hold.
    package static func recordedOutput(of replies: [(command: [[UInt8]], reply: Reply)], vectorFields: Set<String> = [],
                                       planned: Bool = false) -> String {
        var output = BlockOutput()
        for (arguments, reply) in replies {
            var command = RedisScript.Command(arguments: arguments, line: 1, column: 1)
            var order: SearchOrder?
            if planned, command.name == "FT.SEARCH" {
                (command.arguments, order) = SearchOrder.planned(for: arguments)
            }
            render(reply, for: command, order: order, vectorFields: { vectorFields }, into: &output)
        }
        return output.render()
    }

    private static func render(_ reply: Reply, for command: RedisScript.Command, order: SearchOrder?,
                               vectorFields: () -> Set<String>, into output: inout BlockOutput) {
        if !reply.isError, let special = specialForm(of: reply, for: command, order: order, vectorFields: vectorFields) {
            switch special {
            case .json(let text): output.appendJSON(text)
            case .markdown(let text): output.appendMarkdown(text)
            case .text(let lines): output.appendText(lines.joined(separator: "\n"))
            }
            return
        }
        output.appendText(CLIFormatter.text(reply))
    }

    private static func specialForm(of reply: Reply, for command: RedisScript.Command, order: SearchOrder?,
                                    vectorFields: () -> Set<String>) -> BlockOutput.Part? {
        switch command.name {
        case "JSON.GET":
            guard case .bulk(let bytes) = reply else { return nil }
            let paths = Self.jsonPaths(command.arguments)
            let text = paths.count > 1 ? JSONPrettyPrinter.format(bytes, memberOrder: paths) : JSONPrettyPrinter.format(bytes)
            return text.map(BlockOutput.Part.json)
        case "JSON.MGET":
            guard case .array(let items) = reply else { return nil }
            var documents = [[UInt8]?]()
            for item in items {
                switch item {
                case .bulk(let bytes): documents.append(bytes)
                case .null: documents.append(nil)
                default: return nil
                }
            }
            return JSONPrettyPrinter.formatArray(documents).map(BlockOutput.Part.json)
        case "FT.SEARCH":
            let layout = SearchTable.Layout(arguments: command.arguments)
            let order = order ?? SearchOrder(arguments: command.arguments)
            return table(for: command, vectorFields: vectorFields).search(reply, layout: layout, order: order).map(BlockOutput.Part.markdown)
        case "FT.AGGREGATE":
            // A cursor id is different on every run, so a cursor reply stays in redis-cli form.
            let pipeline = AggregatePipeline(arguments: command.arguments)
            guard !pipeline.withCursor else { return nil }
            return table(for: command, vectorFields: vectorFields).aggregate(reply, pipeline: pipeline).map(BlockOutput.Part.markdown)
        case "FT.INFO":
            return IndexInfoTable.render(reply).map(BlockOutput.Part.markdown)
        default:
            return nil
        }
    }

    /// A table for a search or aggregate reply, which knows the index's vector fields and the
    /// distance fields the query names.
    private static func table(for command: RedisScript.Command, vectorFields: () -> Set<String>) -> SearchTable {
        let query = command.arguments.count > 2 ? VectorQuery(command.arguments[2]) : VectorQuery([])
        return SearchTable(vectorFields: vectorFields(), scoreFields: query.distanceFields)
    }

    /// The paths of `JSON.GET key [INDENT s] [NEWLINE s] [SPACE s] [path ...]`.
    private static func jsonPaths(_ arguments: [[UInt8]]) -> [[UInt8]] {
        var paths = [[UInt8]]()
        var index = 2
        while index < arguments.count {
            let word = String(decoding: arguments[index], as: UTF8.self).uppercased()
            if ["INDENT", "NEWLINE", "SPACE"].contains(word) {
                index += 2
            } else {
                paths.append(arguments[index])
                index += 1
            }
        }
        return paths
    }

    /// The VECTOR fields of the searched index, asked of the server only when some returned value
    /// could be a vector yet reads as text (the byte test alone decides every other value).
    private func vectorFields(of command: RedisScript.Command, reply: Reply) -> Set<String> {
        guard command.arguments.count > 1, Self.hasAmbiguousValue(reply) else { return [] }
        let index = RedisCommand(arguments: [Array("FT.INFO".utf8), command.arguments[1]])
        guard let info = try? connection.send(index), !info.isError else { return [] }
        return IndexInfoTable.vectorFieldNames(info)
    }

    private static func hasAmbiguousValue(_ reply: Reply) -> Bool {
        guard case .array(let items) = reply else { return false }
        for case .array(let fields) in items {
            for case .bulk(let bytes) in fields where !bytes.isEmpty && bytes.count % 4 == 0 {
                if CellText.isPrintableText(bytes) { return true }
            }
        }
        return false
    }
}
