import RedbookEncoder

extension Builtins {
    /// `model()`: the encoder's name, dimension and token limit (loading it on first use);
    /// `model("models/my-model")` makes later steps encode with that model folder instead.
    static func model(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "model", signature: "model() or model(_:)")
        let folder = try arguments.take(nil)?.string()
        try arguments.finish()
        let host = try call.host()
        let encoder = try call.lift { () throws(StepError) in
            if let folder { return try host.useModel(at: folder) }
            return try host.encoder()
        }
        return description(of: encoder)
    }

    static func description(of encoder: SentenceEncoder) -> Value {
        .object(Object([
            ("name", .string(encoder.modelName)),
            ("dimension", .int(encoder.dimension)),
            ("maxTokens", .int(encoder.maxSequenceLength)),
            ("normalized", .bool(encoder.normalizes)),
        ]))
    }

    /// `encode("Bike for small kids")` is a vector; `encode(["a", "b"])` an array of vectors.
    static func encode(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "encode", signature: "encode(_:)")
        let argument = try arguments.required(nil)
        try arguments.finish()
        let host = try call.host()
        if case .string(let text) = argument.value {
            return .vector(try call.lift { () throws(StepError) in try host.vectors(for: [text]) }[0])
        }
        let texts = try argument.strings()
        return .array(try call.lift { () throws(StepError) in try host.vectors(for: texts) }.map(Value.vector))
    }
}
