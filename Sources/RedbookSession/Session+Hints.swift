extension Session {
    /// A hint for an error reply whose cause the server's text does not name, or `nil`.
    ///
    /// Before DIALECT 2 the query parser does not know vector clauses, so a KNN or VECTOR_RANGE
    /// query fails with a bare syntax error such as `Syntax error at offset 1 near >[`.
    static func hint(forError message: String, of command: RedisScript.Command) -> String? {
        guard ["FT.SEARCH", "FT.AGGREGATE"].contains(command.name), command.arguments.count > 2,
              message.lowercased().contains("syntax error"),
              VectorQuery(command.arguments[2]).isVectorQuery
        else { return nil }
        let hasDialect = command.arguments.dropFirst(3).contains { String(decoding: $0, as: UTF8.self).uppercased() == "DIALECT" }
        guard !hasDialect else { return nil }
        return "vector queries need DIALECT 2 (add DIALECT 2 at the end of the command)"
    }
}
