import RedbookTables

extension Value {
    /// Reads a JSON document: objects keep their member order, integers stay `Int`.
    ///
    /// - Parameters:
    ///   - bytes: The document.
    ///   - source: Its path or URL, for messages.
    /// - Throws: ``StepError`` naming the source, line and column of the first problem.
    public static func fromJSON(_ bytes: [UInt8], source: String) throws(StepError) -> Value {
        do throws(TableError) {
            return Value(try JSONReader.document(bytes, source: source))
        } catch {
            throw StepError("\(error.source):\(error.line):\(error.column): \(error.message)", hint: error.hint)
        }
    }

    init(_ json: JSONValue) {
        switch json {
        case .object(let members): self = .object(Object(members.map { ($0.key, Value($0.value)) }))
        case .array(let items): self = .array(items.map(Value.init))
        case .string(let text): self = .string(text)
        case .integer(let number): self = .int(Int(number))
        case .double(let number): self = .double(number)
        case .boolean(let flag): self = .bool(flag)
        case .null: self = .null
        }
    }

    /// The value as compact JSON text, as JSON.SET takes it.
    ///
    /// Vectors become arrays of their FLOAT32 components in the shortest form that reads back
    /// exactly; tables become arrays of row objects.
    /// - Parameter limit: The most UTF-8 bytes the text may take.
    /// - Throws: ``StepError`` for values JSON cannot hold (a closure, an infinite number), and
    ///   for text past `limit`: an array that holds another many times over is small in memory
    ///   but enormous written out.
    public func jsonText(limit: Int = Value.standardTextLimit) throws(StepError) -> String {
        var output = ""
        try appendJSON(to: &output, limit: limit)
        return output
    }

    private func appendJSON(to output: inout String, limit: Int) throws(StepError) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number):
            guard number.isFinite else { throw StepError("\(number) cannot be written as JSON") }
            // A whole Double keeps its `.0` (`3.0`), so it reads back as a float, not an integer.
            output += number == number.rounded() && Swift.abs(number) < 1e16 ? String(Int64(number)) + ".0" : "\(number)"
        case .string(let text): Value.appendQuoted(text, to: &output)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                try item.appendJSON(to: &output, limit: limit)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (index, member) in object.members.enumerated() {
                if index > 0 { output += "," }
                Value.appendQuoted(member.key, to: &output)
                output += ":"
                try member.value.appendJSON(to: &output, limit: limit)
            }
            output += "}"
        case .vector(let components):
            output += "["
            for (index, component) in components.enumerated() {
                if index > 0 { output += "," }
                guard component.isFinite else { throw StepError("a vector component is \(component), which JSON cannot hold") }
                output += component.description
            }
            output += "]"
        case .rows(let table):
            try Value.array(table.rows.indices.map { .object(table.object(at: $0)) }).appendJSON(to: &output, limit: limit)
        case .function(let function):
            throw StepError("the function '\(function.name)' cannot be stored as JSON")
        }
        if output.utf8.count > limit { throw Value.textTooLarge("the JSON of this value", limit: limit) }
    }

    static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
