import RedbookRedis

extension Builtins {
    /// `redis("HSET", key, "price", 270)`: any command, sent as a line of a `redis` block is,
    /// its reply as a value. An error reply fails the step.
    static func redis(_ call: inout StepCall) throws(Interrupt) -> Value {
        guard !call.arguments.isEmpty else { throw call.failure("redis needs a command name", hint: "redis(\"PING\")") }
        if let labeled = call.arguments.first(where: { $0.label != nil }) {
            throw .failure(StepError("redis takes its command's words without labels", at: labeled.node))
        }
        var words = [[UInt8]]()
        for argument in call.arguments { words.append(try commandArgument(argument)) }
        let host = try call.host()
        let reply = try call.lift { () throws(StepError) in try host.command(words) }
        if case .error(let message) = reply { throw call.failure(message) }
        return value(of: reply)
    }

    /// One word of a command: text as it is, numbers in decimal, a vector as FLOAT32 bytes,
    /// a document as its JSON text.
    static func commandArgument(_ argument: Argument) throws(Interrupt) -> [UInt8] {
        do throws(StepError) {
            return try argument.value.redisArgument()
        } catch {
            throw .failure(error.located(at: argument.node))
        }
    }

    /// A reply as a value: integers as `Int`, bulk strings as text (or a vector when they are
    /// FLOAT32 bytes that are not text), arrays as arrays, a null as `nil`.
    static func value(of reply: Reply) -> Value {
        switch reply {
        case .status(let text), .error(let text): return .string(text)
        case .integer(let number): return .int(Int(number))
        case .null: return .null
        case .array(let items): return .array(items.map(value(of:)))
        case .bulk(let bytes):
            if let text = String(validating: bytes, as: UTF8.self), !text.unicodeScalars.contains(where: { $0.value < 0x09 }) {
                return .string(text)
            }
            if !bytes.isEmpty, bytes.count % 4 == 0 { return .vector(float32Components(bytes)) }
            return .string(String(decoding: bytes, as: UTF8.self))
        }
    }

    static func float32Components(_ bytes: [UInt8]) -> [Float] {
        stride(from: 0, to: bytes.count, by: 4).map { offset in
            Float(bitPattern: UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
        }
    }
}
