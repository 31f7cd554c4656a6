import RedbookRedis

extension Builtins {
    /// Documents read, encoded and written back per round trip: small enough that memory stays
    /// flat for any number of documents, large enough to fill the encoder's batches.
    static let embedChunk = 256
    /// Texts encoded per call inside a chunk: enough for the encoder to sort by length and keep
    /// every core busy, few enough that Ctrl-C in the REPL is seen within about a second.
    static let embedBatch = 128

    /// `embed(keys, field: "$.description", into: "$.description_embeddings")`: encodes a text
    /// field of stored documents and writes each vector back. JSON paths (`$…`) read with
    /// JSON.MGET and write a JSON array of floats; plain field names read with HMGET and write
    /// FLOAT32 bytes with HSET. `keys` is an array of keys or a SCAN pattern. Returns how many
    /// documents got a vector.
    static func embed(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "embed", signature: "embed(_:field:into:)")
        let target = try arguments.required(nil)
        let field = try arguments.required("field").string()
        let destination = try arguments.required("into").string()
        try arguments.finish()
        var keys: [String]
        if case .string(let pattern) = target.value {
            var scan = StepCall(interpreter: call.interpreter, node: call.node, arguments: [Argument(label: nil, value: .string(pattern), node: target.node)])
            keys = try Builtins.keys(&scan).arrayOfStrings()
        } else {
            keys = try target.strings()
        }
        let json = field.hasPrefix("$")
        guard json == destination.hasPrefix("$") else {
            throw call.failure("field and into must both be JSON paths ($.…) or both hash fields")
        }
        let host = try call.host()
        let encoder = try call.lift { () throws(StepError) in try host.encoder() }
        var done = 0
        var start = 0
        while start < keys.count {
            try call.interpreter.tick(call.node)
            let chunk = Array(keys[start..<min(start + embedChunk, keys.count)])
            start += chunk.count
            let texts = try readTexts(chunk, field: field, json: json, host: host, call: call)
            let present = texts.indices.filter { texts[$0] != nil }
            // A slice at a time, so a stop request is seen between slices.
            var vectors = [[Float]]()
            for batch in stride(from: 0, to: present.count, by: embedBatch) {
                try call.interpreter.tick(call.node)
                vectors += encoder.embed(present[batch..<min(batch + embedBatch, present.count)].map { texts[$0]! })
            }
            var commands = [RedisCommand]()
            for (position, vector) in Swift.zip(present, vectors) {
                if json {
                    let text = try call.lift { () throws(StepError) in try Value.vector(vector).jsonText() }
                    commands.append(RedisCommand("JSON.SET", chunk[position], destination, text))
                } else {
                    commands.append(RedisCommand(arguments: [Array("HSET".utf8), Array(chunk[position].utf8), Array(destination.utf8),
                                                             RedisCommand.float32Bytes(vector)]))
                }
            }
            try send(commands, through: host, call: call)
            done += commands.count
            if keys.count > embedChunk { host.progress("embedded \(done) of \(keys.count) documents") }
        }
        return .int(done)
    }

    /// The field's text for each key; `nil` where the key or field is missing or not text.
    private static func readTexts(_ keys: [String], field: String, json: Bool, host: any StepHost, call: StepCall) throws(Interrupt) -> [String?] {
        if json {
            var command = RedisCommand(["JSON.MGET"] + keys)
            command.append(field)
            guard case .array(let items) = try ask(host, command, call: call) else { return keys.map { _ in nil } }
            return items.map { item in
                guard case .bulk(let bytes) = item, let value = try? Value.fromJSON(bytes, source: "JSON.MGET") else { return nil }
                if case .array(let found) = value, case .string(let text)? = found.first { return text }
                if case .string(let text) = value { return text }
                return nil
            }
        }
        let replies: [Reply]
        do throws(RedisError) {
            replies = try host.connection.pipeline(keys.map { RedisCommand("HGET", $0, field) })
        } catch {
            throw call.failure("\(error)")
        }
        return replies.map { $0.string }
    }
}

extension Value {
    func arrayOfStrings() -> [String] {
        guard case .array(let items) = self else { return [] }
        return items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }
}
