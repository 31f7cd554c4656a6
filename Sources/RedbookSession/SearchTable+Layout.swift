extension SearchTable {
    /// What the FT.SEARCH arguments say about the reply's shape, and where the options that
    /// shape it are written.
    struct Layout: Sendable, Hashable {
        var noContent = false
        var withScores = false
        var withPayloads = false
        var withSortKeys = false
        /// SORTBY is given, so the server's order is the one asked for.
        var sortBy = false
        /// DIALECT is given.
        var dialect = false
        /// The position of the NOCONTENT argument.
        var noContentPosition: Int?
        /// The position of RETURN's count, and the names it counts.
        var returnPosition: Int?
        var returned: [[UInt8]] = []

        /// Reads the flags from `FT.SEARCH index query [options...]`, stepping over option values
        /// (such as PARAMS and RETURN lists) so a value that happens to spell a flag is not one.
        init(arguments: [[UInt8]]) {
            let counted: Set<String> = ["RETURN", "PARAMS", "INKEYS", "INFIELDS", "FIELDS"]
            let fixed: [String: Int] = [
                "LIMIT": 2, "FILTER": 3, "GEOFILTER": 5, "LANGUAGE": 1, "EXPANDER": 1, "SCORER": 1,
                "PAYLOAD": 1, "SLOP": 1, "TIMEOUT": 1, "DIALECT": 1, "SEPARATOR": 1, "TAGS": 2,
                "FRAGS": 1, "LEN": 1, "SORTBY": 1,
            ]
            var index = 3
            while index < arguments.count {
                let word = String(decoding: arguments[index], as: UTF8.self).uppercased()
                index += 1
                if word == "SORTBY" { sortBy = true }
                if word == "DIALECT" { dialect = true }
                switch word {
                case "NOCONTENT":
                    noContent = true
                    noContentPosition = index - 1
                case "WITHSCORES": withScores = true
                case "WITHPAYLOADS": withPayloads = true
                case "WITHSORTKEYS": withSortKeys = true
                default:
                    if counted.contains(word), index < arguments.count,
                       let count = Int(String(decoding: arguments[index], as: UTF8.self)), count >= 0 {
                        if word == "RETURN" {
                            // `RETURN 0` returns keys only, like NOCONTENT.
                            if count == 0 { noContent = true }
                            returnPosition = index
                            returned = Array(arguments[(index + 1)..<min(arguments.count, index + 1 + count)])
                        }
                        index += 1 + count
                    } else if let skip = fixed[word] {
                        index += skip
                    }
                }
            }
        }
    }
}
