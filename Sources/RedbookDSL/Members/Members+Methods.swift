import SwiftSyntax

extension Members {
    /// `base.name(arguments)`; a mutating method (`append`) changes `base` in place.
    static func call(_ name: String, on base: inout Value, call: inout StepCall, at node: some SyntaxProtocol) throws(Interrupt) -> Value {
        switch base {
        case .array, .rows:
            var items: [Value]
            if case .array(let values) = base { items = values } else { items = try Argument(label: nil, value: base, node: call.node).array() }
            let result = try sequenceMethod(name, &items, call: &call, at: Syntax(node))
            if case .array = base { base = .array(items) }
            return result
        case .string(let text):
            return try stringMethod(name, text, call: &call, at: Syntax(node))
        case .int, .double:
            return try numberMethod(name, base, call: &call, at: Syntax(node))
        case .object(var object):
            if name == "removeValue" {
                var arguments = call.arguments(callee: "removeValue", signature: "removeValue(forKey:)")
                let key = try arguments.required("forKey").string()
                try arguments.finish()
                let old = object[key] ?? .null
                object[key] = nil
                base = .object(object)
                return old
            }
            if case .function(let function)? = object[name] {
                return try call.interpreter.call(function, call.arguments, at: node)
            }
        default:
            break
        }
        throw .failure(StepError("\(base.withArticle) has no method '\(name)'", at: node))
    }

    private static func sequenceMethod(_ name: String, _ items: inout [Value], call: inout StepCall, at node: Syntax) throws(Interrupt) -> Value {
        let interpreter = call.interpreter
        var arguments = call.arguments(callee: name, signature: signature(name))
        func closure(_ label: String? = nil) throws(Interrupt) -> Function { try arguments.required(label).function() }
        let result: Value
        switch name {
        case "map":
            let function = try closure()
            var mapped = [Value]()
            mapped.reserveCapacity(items.count)
            for item in items { mapped.append(try interpreter.call(function, item, at: node)) }
            result = .array(mapped)
        case "compactMap":
            let function = try closure()
            var mapped = [Value]()
            for item in items {
                let value = try interpreter.call(function, item, at: node)
                if value != .null { mapped.append(value) }
            }
            result = .array(mapped)
        case "filter":
            let function = try closure()
            var kept = [Value]()
            for item in items where try interpreter.truth(interpreter.call(function, item, at: node), at: node) { kept.append(item) }
            result = .array(kept)
        case "forEach":
            let function = try closure()
            for item in items { _ = try interpreter.call(function, item, at: node) }
            result = .null
        case "reduce":
            var accumulator = try arguments.required(nil).value
            let function = try closure()
            for item in items { accumulator = try interpreter.call(function, accumulator, item, at: node) }
            result = accumulator
        case "contains", "allSatisfy", "first", "firstIndex":
            if name == "contains" || name == "firstIndex", let element = arguments.remaining.first,
               element.label == nil || element.label == "of", !element.isTrailingClosure, !(element.value.isFunction) {
                _ = arguments.take(element.label)
                var index: Int?
                for (position, item) in items.enumerated() where try interpreter.equal(item, element.value, at: node) {
                    index = position
                    break
                }
                result = name == "contains" ? .bool(index != nil) : index.map(Value.int) ?? .null
                break
            }
            let function = try arguments.required(name == "allSatisfy" ? nil : "where").function()
            var found: Int?
            for (index, item) in items.enumerated() {
                let holds = try interpreter.truth(interpreter.call(function, item, at: node), at: node)
                if holds != (name == "allSatisfy") { found = index; break }
            }
            switch name {
            case "contains": result = .bool(found != nil)
            case "allSatisfy": result = .bool(found == nil)
            case "first": result = found.map { items[$0] } ?? .null
            default: result = found.map(Value.int) ?? .null
            }
        case "sorted":
            if let by = arguments.take("by") {
                let function = try by.function()
                result = .array(try stableSorted(items) { a, b throws(Interrupt) in
                    try interpreter.truth(interpreter.call(function, a, b, at: node), at: node)
                })
            } else {
                result = .array(try stableSorted(items) { a, b throws(Interrupt) in
                    guard let order = try interpreter.compare(a, b, at: node) else {
                        throw .failure(StepError("cannot sort \(a.withArticle) and \(b.withArticle)", hint: "give sorted(by:) a closure", at: node))
                    }
                    return order < 0
                })
            }
        case "min", "max":
            let by = try arguments.take("by")?.function()
            var best: Value?
            for item in items {
                guard let current = best else { best = item; continue }
                if let by {
                    // `min(by:)` and `max(by:)` take "is ordered before", as Swift's do.
                    let before = try interpreter.truth(interpreter.call(by, item, current, at: node), at: node)
                    let after = try interpreter.truth(interpreter.call(by, current, item, at: node), at: node)
                    if name == "min" ? before : after { best = item }
                    continue
                }
                guard let order = try interpreter.compare(item, current, at: node) else {
                    throw .failure(StepError("cannot compare \(item.withArticle) and \(current.withArticle)", hint: "give \(name)(by:) a closure", at: node))
                }
                if name == "min" ? order < 0 : order > 0 { best = item }
            }
            result = best ?? .null
        case "joined":
            let separator = try arguments.take("separator")?.string() ?? ""
            var text = ""
            for (index, item) in items.enumerated() {
                if index > 0 { text += separator }
                text += try interpreter.describe(item, at: node)
                try interpreter.checkText(text, at: node)
            }
            result = .string(text)
        case "enumerated":
            result = .array(items.enumerated().map { .array([.int($0.offset), $0.element]) })
        case "reversed":
            result = .array(items.reversed())
        case "prefix", "suffix", "dropFirst", "dropLast":
            let count = try arguments.take(nil)?.int() ?? 1
            guard count >= 0 else { throw .failure(StepError("\(name) needs a count of 0 or more", at: node)) }
            switch name {
            case "prefix": result = .array(Array(items.prefix(count)))
            case "suffix": result = .array(Array(items.suffix(count)))
            case "dropFirst": result = .array(Array(items.dropFirst(count)))
            default: result = .array(Array(items.dropLast(count)))
            }
        case "append":
            if let extra = arguments.take("contentsOf") {
                let added = try extra.array()
                try interpreter.checkCount(items.count + added.count, at: node)
                items += added
            } else {
                try interpreter.checkCount(items.count + 1, at: node)
                items.append(try arguments.required(nil).value)
            }
            result = .null
        case "removeLast":
            guard let last = items.popLast() else { throw .failure(StepError("removeLast on an empty array", at: node)) }
            result = last
        default:
            throw .failure(StepError("an array has no method '\(name)'", hint: "arrays support map, filter, sorted(by:), joined(separator:), enumerated(), reduce, contains, first(where:), prefix, append…", at: node))
        }
        try arguments.finish()
        return result
    }

    /// A merge sort, so equal elements keep their order (as the tables' reference does).
    static func stableSorted(_ items: [Value], by less: (Value, Value) throws(Interrupt) -> Bool) throws(Interrupt) -> [Value] {
        guard items.count > 1 else { return items }
        let middle = items.count / 2
        let left = try stableSorted(Array(items[..<middle]), by: less)
        let right = try stableSorted(Array(items[middle...]), by: less)
        var merged = [Value]()
        merged.reserveCapacity(items.count)
        var i = 0, j = 0
        while i < left.count, j < right.count {
            if try less(right[j], left[i]) { merged.append(right[j]); j += 1 } else { merged.append(left[i]); i += 1 }
        }
        merged += left[i...]
        merged += right[j...]
        return merged
    }

    private static func stringMethod(_ name: String, _ text: String, call: inout StepCall, at node: Syntax) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: name, signature: signature(name))
        let result: Value
        switch name {
        case "uppercased": result = .string(text.uppercased())
        case "lowercased": result = .string(text.lowercased())
        case "hasPrefix": result = .bool(text.hasPrefix(try arguments.required(nil).string()))
        case "hasSuffix": result = .bool(text.hasSuffix(try arguments.required(nil).string()))
        case "contains": result = .bool(text.contains(try arguments.required(nil).string()))
        case "split":
            let separator = try arguments.required("separator").string()
            guard separator.count == 1, let character = separator.first else {
                throw .failure(StepError("split(separator:) takes one character", at: node))
            }
            result = .array(text.split(separator: character).map { .string(String($0)) })
        case "prefix": result = .string(String(text.prefix(max(0, try arguments.required(nil).int()))))
        case "trimmed": result = .string(text.trimmingCharacters())
        default:
            throw .failure(StepError("a String has no method '\(name)'", at: node))
        }
        try arguments.finish()
        return result
    }

    private static func numberMethod(_ name: String, _ value: Value, call: inout StepCall, at node: Syntax) throws(Interrupt) -> Value {
        let arguments = call.arguments(callee: name, signature: signature(name))
        try arguments.finish()
        guard let number = Interpreter.number(value) else { throw .failure(StepError("not a number", at: node)) }
        switch name {
        case "rounded": return .double(number.rounded())
        default: throw .failure(StepError("\(value.withArticle) has no method '\(name)'", hint: "round(x, 2) rounds to 2 places", at: node))
        }
    }

    private static func signature(_ name: String) -> String {
        switch name {
        case "sorted": "sorted() or sorted(by:)"
        case "joined": "joined(separator:)"
        case "reduce": "reduce(_:_:)"
        case "first": "first(where:)"
        case "split": "split(separator:)"
        default: "\(name)(…)"
        }
    }
}

extension String {
    /// The text without leading and trailing whitespace and newlines.
    func trimmingCharacters() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
