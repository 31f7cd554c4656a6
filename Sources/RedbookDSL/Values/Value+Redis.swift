import RedbookRedis

extension Value {
    /// The value as one argument of a Redis command: text as it is, numbers in decimal, a
    /// Boolean as `1` or `0`, a vector as its FLOAT32 bytes, a document as its JSON text.
    ///
    /// - Throws: ``StepError`` for `nil`, rows and functions, which have no single form.
    public func redisArgument() throws(StepError) -> [UInt8] {
        switch self {
        case .string(let text): return Array(text.utf8)
        case .int(let number): return Array(String(number).utf8)
        case .double(let number): return Array("\(number)".utf8)
        case .bool(let flag): return Array((flag ? "1" : "0").utf8)
        case .vector(let components): return RedisCommand.float32Bytes(components)
        case .object, .array: return Array(try jsonText().utf8)
        default: throw StepError("\(withArticle) cannot be a command argument", hint: "give text, a number, a vector or a document")
        }
    }

    /// The value as text inside a longer argument (`KNN \(k)`): only text and numbers qualify.
    public var inlineText: String? {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): "\(number)"
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }
}
