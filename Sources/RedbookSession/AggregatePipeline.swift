/// What the FT.AGGREGATE arguments say about the order and contents of the reply's rows.
///
/// The arguments are read step by step, stepping over each option's values, so that a value
/// that happens to spell a keyword (in an APPLY expression or a PARAMS value) is not one.
struct AggregatePipeline: Sendable, Hashable {
    /// The fields of the SORTBY that decides the final order (names without `@`), or `nil` when
    /// no SORTBY does: there is none, or a GROUPBY after it lists groups in its own order.
    var sortFields: [String]?
    /// The fields filled by `REDUCE TOLIST`, lower-cased: sets, sent in no particular order.
    var listFields: Set<String> = []
    /// WITHCURSOR is given: the reply holds a cursor id, not just rows.
    var withCursor = false

    /// Reads `FT.AGGREGATE index query [steps and options...]`.
    init(arguments: [[UInt8]]) {
        let fixed: [String: Int] = [
            "APPLY": 1, "AS": 1, "LIMIT": 2, "FILTER": 1, "TIMEOUT": 1, "DIALECT": 1, "SCORER": 1,
            "MAX": 1, "COUNT": 1, "MAXIDLE": 1,
        ]
        let words = arguments.map { String(decoding: $0, as: UTF8.self) }
        func count(at index: Int) -> Int? {
            index < words.count ? Int(words[index]).flatMap { $0 >= 0 ? $0 : nil } : nil
        }
        var index = 3
        while index < words.count {
            let word = words[index].uppercased()
            index += 1
            switch word {
            case "WITHCURSOR":
                withCursor = true
            case "LOAD", "PARAMS":
                // `LOAD *` loads every field.
                index += count(at: index).map { 1 + $0 } ?? 1
            case "GROUPBY":
                sortFields = nil
                index += count(at: index).map { 1 + $0 } ?? 0
            case "REDUCE":
                guard index < words.count else { break }
                let function = words[index].uppercased()
                let argumentCount = count(at: index + 1) ?? 0
                let reduced = Array(words[min(words.count, index + 2)..<min(words.count, index + 2 + argumentCount)])
                index += 2 + argumentCount
                var name: String?
                if index + 1 < words.count, words[index].uppercased() == "AS" {
                    name = words[index + 1]
                    index += 2
                }
                if function == "TOLIST" {
                    // Without AS the server names the field after the reducer and its arguments.
                    let generated = "__generated_alias" + "tolist" + reduced.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }.joined()
                    listFields.insert((name ?? generated).lowercased())
                }
            case "SORTBY":
                let fieldCount = count(at: index) ?? 0
                let listed = words[min(words.count, index + 1)..<min(words.count, index + 1 + fieldCount)]
                sortFields = listed.filter { $0.hasPrefix("@") }.map { String($0.dropFirst()) }
                index += 1 + fieldCount
            default:
                index += fixed[word] ?? 0
            }
        }
    }
}
