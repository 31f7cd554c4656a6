extension Builtins {
    /// `fetch("data/bikes.json")`: a JSON document from a file beside the notebook or an
    /// http(s) URL; `fetch(path, as: .text)` gives the text instead.
    static func fetch(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "fetch", signature: "fetch(_:as:)")
        let location = try arguments.required(nil).string()
        let format = try arguments.take("as")?.string() ?? "json"
        try arguments.finish()
        let host = try call.host()
        let bytes = try call.lift { () throws(StepError) in try host.fetch(location) }
        switch format {
        case "json": return try call.lift { () throws(StepError) in try Value.fromJSON(bytes, source: location) }
        case "text":
            guard let text = String(validating: bytes, as: UTF8.self) else { throw call.failure("\(location) is not UTF-8 text") }
            return .string(text)
        default:
            throw call.failure("fetch reads .json or .text, not .\(format)")
        }
    }

    /// `json("{\"a\": 1}")`: a value from JSON text.
    static func json(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "json", signature: "json(_:)")
        let argument = try arguments.required(nil)
        try arguments.finish()
        let text = try argument.string()
        return try call.lift { () throws(StepError) in try Value.fromJSON(Array(text.utf8), source: "json(…)") }
    }
}
