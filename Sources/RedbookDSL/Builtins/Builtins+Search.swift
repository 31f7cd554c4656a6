import RedbookRedis

extension Builtins {
    /// `search(index, of: texts, knn: 3, …)`: KNN, hybrid (`filter:`) and range (`within:`)
    /// vector queries, or a plain query (`query:`), as rows.
    ///
    /// A vector search runs once per text or vector in `of:`; texts are encoded with the
    /// session's model. Rows hold `query` (the text, when texts were given), `id`, `distance`,
    /// `similarity` (1 − distance) and the returned fields, nearest first.
    static func search(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "search", signature: "search(_:of:knn:within:field:filter:query:return:sortBy:limit:offset:)")
        let index = try arguments.required(nil).string()
        let of = arguments.take("of")
        let knn = try arguments.take("knn")?.int()
        let radius = try arguments.take("within")?.double()
        let field = try arguments.take("field")?.string() ?? "vector"
        let filter = try arguments.take("filter")?.string() ?? "*"
        let plainQuery = try arguments.take("query")?.string()
        let returned = try arguments.take("return")?.strings() ?? []
        let sortBy = try arguments.take("sortBy")?.string()
        let limit = try arguments.take("limit")?.int()
        let offset = try arguments.take("offset")?.int() ?? 0
        let distanceName = try arguments.take("distance")?.string() ?? "vector_score"
        try arguments.finish()
        let host = try call.host()

        guard let of else {
            let query = plainQuery ?? filter
            var command = RedisCommand("FT.SEARCH", index, query)
            appendOptions(&command, returned: returned, sortBy: sortBy, offset: offset, limit: limit ?? 10)
            let rows = try parse(try ask(host, command, call: call), distance: nil, query: nil, call: call)
            return .rows(Rows(columns: columns(of: rows, leading: ["id"]), rows: rows))
        }
        guard (knn == nil) != (radius == nil) else {
            throw call.failure("a vector search takes knn: (nearest K) or within: (a distance), not \(knn == nil ? "neither" : "both")")
        }
        if let knn, knn < 1 { throw call.failure("knn must be 1 or more") }
        var queries: [(label: Value?, vector: [Float])] = []
        switch of.value {
        case .vector(let vector): queries = [(nil, vector)]
        case .string(let text):
            queries = [(.string(text), try call.lift { () throws(StepError) in try host.vectors(for: [text]) }[0])]
        case .array(let items):
            if items.allSatisfy({ if case .string = $0 { true } else { false } }) {
                let texts = items.map { if case .string(let text) = $0 { text } else { "" } }
                let vectors = try call.lift { () throws(StepError) in try host.vectors(for: texts) }
                queries = Swift.zip(texts, vectors).map { (Value.string($0), $1) }
            } else {
                for (position, item) in items.enumerated() {
                    guard case .vector(let vector) = item else { throw of.fail("texts or vectors") }
                    queries.append((.int(position), vector))
                }
            }
        default:
            throw of.fail("a text, a vector, or an array of them")
        }
        var all = [Object]()
        for (label, vector) in queries {
            try call.interpreter.tick(call.node)
            var command: RedisCommand
            if let knn {
                command = RedisCommand("FT.SEARCH", index, "(\(filter))=>[KNN \(knn) @\(field) $query_vector AS \(distanceName)]")
                command.append("PARAMS")
                command.append("2")
                command.append("query_vector")
                command.append(RedisCommand.float32Bytes(vector))
            } else {
                let base = filter == "*" ? "" : "(\(filter)) "
                command = RedisCommand("FT.SEARCH", index, "\(base)@\(field):[VECTOR_RANGE $radius $query_vector]=>{$YIELD_DISTANCE_AS: \(distanceName)}")
                command.append("PARAMS")
                command.append("4")
                command.append("radius")
                command.append("\(radius!)")
                command.append("query_vector")
                command.append(RedisCommand.float32Bytes(vector))
            }
            appendOptions(&command, returned: returned.isEmpty ? [] : [distanceName] + returned.filter { $0 != distanceName },
                          sortBy: sortBy ?? distanceName, offset: offset, limit: limit ?? knn ?? 10)
            all += try parse(try ask(host, command, call: call), distance: distanceName, query: label, call: call)
        }
        var leading = ["id", "distance", "similarity"]
        if queries.contains(where: { $0.label != nil }) { leading.insert("query", at: 0) }
        return .rows(Rows(columns: columns(of: all, leading: leading, hiding: [distanceName]), rows: all))
    }

    private static func appendOptions(_ command: inout RedisCommand, returned: [String], sortBy: String?, offset: Int, limit: Int) {
        if !returned.isEmpty {
            command.append("RETURN")
            command.append(String(returned.count))
            for name in returned { command.append(name) }
        }
        if let sortBy {
            let descending = sortBy.hasPrefix("-")
            command.append("SORTBY")
            command.append(descending ? String(sortBy.dropFirst()) : sortBy)
            if descending { command.append("DESC") }
        }
        command.append("LIMIT")
        command.append(String(offset))
        command.append(String(limit))
        command.append("DIALECT")
        command.append("2")
    }

    /// `[total, key, [field, value, …], …]` as row objects.
    private static func parse(_ reply: Reply, distance: String?, query: Value?, call: StepCall) throws(Interrupt) -> [Object] {
        guard case .array(let items) = reply, !items.isEmpty else { throw call.failure("FT.SEARCH answered \(reply)") }
        var rows = [Object]()
        var position = 1
        while position < items.count {
            guard let key = items[position].string else { throw call.failure("FT.SEARCH answered a key that is not text") }
            var row = Object()
            if let query { row["query"] = query }
            row["id"] = .string(key)
            if position + 1 < items.count, case .array(let fields) = items[position + 1] {
                var index = 0
                while index + 1 < fields.count {
                    if let name = fields[index].string { row[name] = number(in: value(of: fields[index + 1])) }
                    index += 2
                }
                position += 2
            } else {
                position += 1
            }
            if let distance, let number = row[distance].flatMap({ Interpreter.number($0) ?? $0.inlineText.flatMap(Double.init) }) {
                row["distance"] = .double(number)
                row["similarity"] = .double(1 - number)
                row[distance] = .double(number)
            }
            rows.append(row)
        }
        return rows
    }

    /// A returned field that is exactly a number's text (`270`, `10.5`) as that number, so rows
    /// sort and compare by value; text that would not read back the same (`007`, `9.10`) stays text.
    static func number(in value: Value) -> Value {
        guard case .string(let text) = value, !text.isEmpty, text.utf8.count <= 18 else { return value }
        if let integer = Int(text), String(integer) == text { return .int(integer) }
        if text.contains("."), let double = Double(text), double.isFinite, "\(double)" == text { return .double(double) }
        return value
    }

    private static func columns(of rows: [Object], leading: [String], hiding: Set<String> = []) -> [String] {
        var names = leading.filter { name in rows.contains { $0[name] != nil } || name == "id" }
        for row in rows {
            for key in row.keys where !names.contains(key) && !hiding.contains(key) { names.append(key) }
        }
        return names
    }

}

private extension Rows {
    init(columns: [String], rows objects: [Object]) {
        self.init(columns: columns, rows: objects.map { object in columns.map { object[$0] ?? .null } })
    }
}
