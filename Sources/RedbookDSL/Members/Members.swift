/// Properties and subscripts of values: `bikes.count`, `bike.price`, `bikes[0]`, `doc["model"]`.
enum Members {
    /// `base.name`. A document's own key wins over a property of the same name, since fields
    /// such as `type` or `count` are common in data.
    static func property(_ name: String, of base: Value) throws(StepError) -> Value {
        switch base {
        case .object(let object):
            if let value = object[name] { return value }
            switch name {
            case "count": return .int(object.count)
            case "isEmpty": return .bool(object.count == 0)
            case "keys": return .array(object.keys.map(Value.string))
            case "values": return .array(object.members.map(\.value))
            default:
                let keys = object.keys.prefix(12).joined(separator: ", ")
                throw StepError("this document has no field '\(name)'", hint: object.count == 0 ? nil : "its fields: \(keys)")
            }
        case .array(let items):
            switch name {
            case "count": return .int(items.count)
            case "isEmpty": return .bool(items.isEmpty)
            case "first": return items.first ?? .null
            case "last": return items.last ?? .null
            default: break
            }
        case .string(let text):
            switch name {
            case "count": return .int(text.count)
            case "isEmpty": return .bool(text.isEmpty)
            default: break
            }
        case .rows(let table):
            switch name {
            case "count": return .int(table.rows.count)
            case "isEmpty": return .bool(table.rows.isEmpty)
            case "columns": return .array(table.columns.map(Value.string))
            case "first": return table.rows.isEmpty ? .null : .object(table.object(at: 0))
            case "last": return table.rows.isEmpty ? .null : .object(table.object(at: table.rows.count - 1))
            default: break
            }
        case .vector(let components):
            switch name {
            case "count", "dimension": return .int(components.count)
            default: break
            }
        case .double(let number):
            switch name {
            case "isNaN": return .bool(number.isNaN)
            default: break
            }
        default:
            break
        }
        throw StepError("\(base.withArticle) has no property '\(name)'")
    }

    /// `base[index]`.
    static func subscripted(_ base: Value, by index: Value) throws(StepError) -> Value {
        switch (base, index) {
        case (.array(let items), .int(let position)):
            guard items.indices.contains(position) else { throw outOfRange(position, count: items.count) }
            return items[position]
        case (.rows(let table), .int(let position)):
            guard table.rows.indices.contains(position) else { throw outOfRange(position, count: table.rows.count) }
            return .object(table.object(at: position))
        case (.vector(let components), .int(let position)):
            guard components.indices.contains(position) else { throw outOfRange(position, count: components.count) }
            return .double(Double(components[position]))
        case (.object(let object), .string(let key)):
            return object[key] ?? .null
        case (.string(let text), .int(let position)):
            guard position >= 0, position < text.count else { throw outOfRange(position, count: text.count) }
            return .string(String(text[text.index(text.startIndex, offsetBy: position)]))
        default:
            throw StepError("\(base.withArticle) cannot be subscripted with \(index.withArticle)")
        }
    }

    /// `base[index] = value`.
    static func setSubscript(_ base: inout Value, _ index: Value, to value: Value) throws(StepError) {
        switch (base, index) {
        case (.array(var items), .int(let position)):
            guard items.indices.contains(position) else { throw outOfRange(position, count: items.count) }
            items[position] = value
            base = .array(items)
        case (.object(var object), .string(let key)):
            object[key] = value == .null ? nil : value
            base = .object(object)
        default:
            throw StepError("cannot set an element of \(base.withArticle) by \(index.withArticle)")
        }
    }

    static func outOfRange(_ position: Int, count: Int) -> StepError {
        StepError("index \(position) is out of range", hint: count == 0 ? "it is empty" : "valid indexes are 0 to \(count - 1)")
    }
}
