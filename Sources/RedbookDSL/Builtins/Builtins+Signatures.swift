extension Builtins {
    /// Each step's labels, as its errors name them and the REPL hints them.
    static let signatures: [String: String] = [
        "print": "print(_:…, separator:)", "zip": "zip(_:_:)", "min": "min(_:…)", "max": "max(_:…)",
        "abs": "abs(_:)", "round": "round(_:_:)", "String": "String(_:)", "Int": "Int(_:)", "Double": "Double(_:)",
        "expect": "expect(_:_:)", "assert": "assert(_:_:)",
        "fetch": "fetch(_:as:)", "json": "json(_:)", "store": "store(_:prefix:as:id:)", "keys": "keys(_:)",
        "get": "get(_:path:)", "mget": "mget(_:path:)", "redis": "redis(_:…)",
        "model": "model() or model(_:)", "encode": "encode(_:)", "embed": "embed(_:field:into:)",
        "search": "search(_:of:knn:within:field:filter:query:return:sortBy:limit:offset:)",
        "table": "table(_:columns:sortBy:groupBy:maxCharacters:)",
    ]
}

extension Interpreter {
    /// The steps every block can call, sorted by name, each with its labels, such as
    /// `("fetch", "fetch(_:as:)")`.
    public static var steps: [(name: String, signature: String)] {
        Builtins.table.keys.sorted().map { ($0, Builtins.signatures[$0] ?? "\($0)(…)") }
    }
}
