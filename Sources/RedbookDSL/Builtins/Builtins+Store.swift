import RedbookRedis

extension Builtins {
    /// `store(bikes, prefix: "bikes:")`: each document under `bikes:001`, `bikes:002`, … as JSON
    /// (`as: .hash` for hashes), in pipelined chunks; returns the keys. `id: "field"` names keys
    /// by a field of each document instead of its position.
    static func store(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "store", signature: "store(_:prefix:as:id:)")
        let documentsArgument = try arguments.required(nil)
        let documents = try documentsArgument.array()
        let prefix = try arguments.take("prefix")?.string() ?? "doc:"
        let format = try arguments.take("as")?.string() ?? "json"
        let idField = try arguments.take("id")?.string()
        try arguments.finish()
        guard format == "json" || format == "hash" else { throw call.failure("store writes .json or .hash, not .\(format)") }
        let width = max(3, String(documents.count).count)
        var keys = [String]()
        var commands = [RedisCommand]()
        for (index, document) in documents.enumerated() {
            guard case .object(let object) = document else {
                throw call.failure("store needs documents (dictionaries); item \(index) is \(document.withArticle)")
            }
            let suffix: String
            if let idField {
                guard let id = object[idField], id != .null else { throw call.failure("document \(index) has no field '\(idField)' for its key") }
                suffix = try call.interpreter.describe(id, at: call.node)
            } else {
                let number = String(index + 1)
                suffix = String(repeating: "0", count: width - number.count) + number
            }
            let key = prefix + suffix
            keys.append(key)
            if format == "json" {
                let text = try call.lift { () throws(StepError) in try document.jsonText(limit: call.interpreter.textLimit) }
                commands.append(RedisCommand("JSON.SET", key, "$", text))
            } else {
                var command = RedisCommand(arguments: [Array("HSET".utf8), Array(key.utf8)])
                for member in object.members {
                    command.append(member.key)
                    command.append(try hashField(member.value, at: documentsArgument))
                }
                commands.append(command)
            }
        }
        let host = try call.host()
        try send(commands, through: host, call: call)
        return .array(keys.map(Value.string))
    }

    /// A hash field's bytes: vectors as FLOAT32, documents as JSON, the rest as text.
    static func hashField(_ value: Value, at argument: Argument) throws(Interrupt) -> [UInt8] {
        switch value {
        case .null: return []
        default: return try commandArgument(Argument(label: nil, value: value, node: argument.node))
        }
    }

    /// Sends commands in pipelined chunks; the first error reply fails the step.
    static func send(_ commands: [RedisCommand], through host: any StepHost, call: StepCall) throws(Interrupt) {
        let replies: [Reply]
        do throws(RedisError) {
            replies = try host.connection.pipeline(commands)
        } catch {
            throw call.failure("\(error)")
        }
        if let index = replies.firstIndex(where: \.isError), case .error(let message) = replies[index] {
            throw call.failure("\(commands[index].name) \(String(decoding: commands[index].arguments.dropFirst().first ?? [], as: UTF8.self)): \(message)")
        }
    }

    /// `keys("bikes:*")`: every key matching a pattern, found with SCAN (never KEYS), sorted.
    static func keys(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "keys", signature: "keys(_:)")
        let pattern = try arguments.required(nil).string()
        try arguments.finish()
        let host = try call.host()
        var cursor = "0"
        var found = Set<String>()
        repeat {
            let reply: Reply
            do throws(RedisError) {
                reply = try host.connection.send(RedisCommand("SCAN", cursor, "MATCH", pattern, "COUNT", "1000"))
            } catch {
                throw call.failure("\(error)")
            }
            guard case .array(let parts) = reply, parts.count == 2, let next = parts[0].string, case .array(let names) = parts[1] else {
                throw call.failure("SCAN answered \(reply)")
            }
            for name in names { if let text = name.string { found.insert(text) } }
            cursor = next
            try call.interpreter.tick(call.node)
        } while cursor != "0"
        return .array(found.sorted().map(Value.string))
    }

    /// `get("bikes:001")`, `get("bikes:001", path: "$.model")`: a JSON document (JSON.GET) or a
    /// hash (HGETALL), as a value.
    static func get(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "get", signature: "get(_:path:)")
        let key = try arguments.required(nil).string()
        let path = try arguments.take("path")?.string()
        try arguments.finish()
        let host = try call.host()
        let type = try ask(host, RedisCommand("TYPE", key), call: call).string ?? "none"
        switch type {
        case "ReJSON-RL":
            let reply = try ask(host, RedisCommand("JSON.GET", key, path ?? "$"), call: call)
            guard case .bulk(let bytes) = reply else { return .null }
            let value = try call.lift { () throws(StepError) in try Value.fromJSON(bytes, source: key) }
            // `$` alone wraps the document in an array of one; the document is what was asked for.
            if path == nil, case .array(let items) = value, items.count == 1 { return items[0] }
            return value
        case "hash":
            let reply = try ask(host, path.map { RedisCommand("HGET", key, $0) } ?? RedisCommand("HGETALL", key), call: call)
            if path != nil { return value(of: reply) }
            guard case .array(let items) = reply else { return .null }
            var object = Object()
            var index = 0
            while index + 1 < items.count {
                if let name = items[index].string { object[name] = value(of: items[index + 1]) }
                index += 2
            }
            return .object(object)
        case "none":
            return .null
        default:
            return value(of: try ask(host, RedisCommand("GET", key), call: call))
        }
    }

    /// `mget(keys, path: "$.description")`: JSON.MGET, one value per key (`nil` for a missing key).
    static func mget(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "mget", signature: "mget(_:path:)")
        let keys = try arguments.required(nil).strings()
        let path = try arguments.take("path")?.string() ?? "$"
        try arguments.finish()
        let host = try call.host()
        var command = RedisCommand(["JSON.MGET"] + keys)
        command.append(path)
        guard case .array(let items) = try ask(host, command, call: call) else { return .array([]) }
        var values = [Value]()
        for (key, item) in Swift.zip(keys, items) {
            guard case .bulk(let bytes) = item else { values.append(.null); continue }
            values.append(try call.lift { () throws(StepError) in try Value.fromJSON(bytes, source: key) })
        }
        return .array(values)
    }

    static func ask(_ host: any StepHost, _ command: RedisCommand, call: StepCall) throws(Interrupt) -> Reply {
        let reply: Reply
        do throws(RedisError) {
            reply = try host.connection.send(command)
        } catch {
            throw call.failure("\(error)")
        }
        if case .error(let message) = reply { throw call.failure("\(command.name): \(message)") }
        return reply
    }
}
