extension Builtins {
    /// `table(rows, columns:, sortBy:, groupBy:, maxCharacters:)`: rows arranged for reading.
    ///
    /// `sortBy` names columns, a `-` in front for descending; the sort is stable, as pandas'
    /// is. `groupBy` shows a column's value only on the first row of each run of equal values.
    /// `maxCharacters` cuts longer text to its first N − 3 characters and `...`.
    static func table(_ call: inout StepCall) throws(Interrupt) -> Value {
        var arguments = call.arguments(callee: "table", signature: "table(_:columns:sortBy:groupBy:maxCharacters:)")
        let source = try arguments.required(nil)
        let wanted = try arguments.take("columns")?.strings()
        let sortKeys = try arguments.take("sortBy")?.strings() ?? []
        let group = try arguments.take("groupBy")?.string()
        let maxCharacters = try arguments.take("maxCharacters")?.int()
        try arguments.finish()
        var objects = [Object]()
        for item in try source.array() {
            guard case .object(let object) = item else { throw source.fail("rows or an array of dictionaries") }
            objects.append(object)
        }
        var columns = wanted ?? []
        if wanted == nil {
            if case .rows(let table) = source.value { columns = table.columns }
            for object in objects { for key in object.keys where !columns.contains(key) { columns.append(key) } }
        }
        for key in sortKeys.reversed() {
            let descending = key.hasPrefix("-")
            let name = descending ? String(key.dropFirst()) : key
            guard columns.contains(name) || objects.contains(where: { $0[name] != nil }) else {
                throw call.failure("sortBy names '\(name)', which is not a column", hint: "columns: \(columns.joined(separator: ", "))")
            }
            let sorted = try Members.stableSorted(objects.map(Value.object)) { a, b throws(Interrupt) in
                guard case .object(let x) = a, case .object(let y) = b else { return false }
                let (p, q) = (x[name] ?? .null, y[name] ?? .null)
                guard let order = try call.interpreter.compare(p, q, at: call.node) else {
                    throw call.failure("cannot sort column '\(name)': it holds \(p.withArticle) and \(q.withArticle)")
                }
                return descending ? order > 0 : order < 0
            }
            objects = sorted.compactMap { if case .object(let object) = $0 { object } else { nil } }
        }
        var rows = objects.map { object in columns.map { object[$0] ?? .null } }
        if let maxCharacters, maxCharacters >= 3 {
            for row in rows.indices {
                for column in rows[row].indices {
                    guard case .string(let text) = rows[row][column], text.unicodeScalars.count > maxCharacters else { continue }
                    var cut = String.UnicodeScalarView()
                    cut.append(contentsOf: text.unicodeScalars.prefix(maxCharacters - 3))
                    rows[row][column] = .string(String(cut) + "...")
                }
            }
        }
        if let group, let column = columns.firstIndex(of: group) {
            var previous: Value?
            for row in rows.indices {
                let current = rows[row][column]
                if let previous, try call.interpreter.equal(previous, current, at: call.node) { rows[row][column] = .string("") }
                previous = current
            }
        }
        return .rows(Rows(columns: columns, rows: rows))
    }
}
