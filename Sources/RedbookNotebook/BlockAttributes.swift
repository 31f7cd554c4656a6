/// What the braces after a runnable block's language ask for: ```` ```redis {skip name=load} ````.
///
/// The syntax is one brace group of space-separated words after the language. GitHub reads only
/// the info string's first word as the language, so the braces never change how it renders.
struct BlockAttributes: Sendable, Hashable {
    /// Do not run; keep the recorded output.
    var skip = false
    /// An error reply is the expected result.
    var expectError = false
    /// Name for `--only`.
    var name: String?

    /// The words the parser accepts, for error hints.
    static let known = "skip, expect-error, name=NAME"

    /// A problem at a byte offset within the info string.
    struct Problem: Error, Sendable, Hashable {
        var offset: Int
        var message: String
    }

    /// The language of an info string, when its first word names a runnable one.
    ///
    /// - Throws: ``Problem`` when the first word is a runnable language glued to a brace.
    static func language(ofInfo info: String) throws(Problem) -> String? {
        let first = info.prefix { $0 != " " && $0 != "\t" }
        for language in ["redis", "swift"] where first.hasPrefix(language + "{") {
            throw Problem(offset: language.utf8.count, message: "put a space between '\(language)' and its attributes")
        }
        return first == "redis" || first == "swift" ? String(first) : nil
    }

    /// Parses what follows the language in an info string.
    ///
    /// - Parameter rest: the info string after its first word.
    /// - Parameter offset: byte offset of `rest` within the info string, for positions.
    /// - Throws: ``Problem`` for anything other than one well-formed brace group of known words.
    init(parsing rest: Substring, offset: Int) throws(Problem) {
        let bytes = Array(rest.utf8)
        var index = 0
        func skipSpaces() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
        skipSpaces()
        guard index < bytes.count else { return }
        guard bytes[index] == UInt8(ascii: "{") else {
            throw Problem(offset: offset + index, message: "unexpected text after the language; attributes go in braces, such as {skip}")
        }
        index += 1
        var seen = Set<String>()
        while true {
            skipSpaces()
            guard index < bytes.count else {
                throw Problem(offset: offset + index, message: "missing '}' to close the attributes")
            }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            let start = index
            while index < bytes.count, ![0x20, 0x09, UInt8(ascii: "}")].contains(bytes[index]) { index += 1 }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            let key = String(word.prefix { $0 != "=" })
            guard seen.insert(key).inserted else {
                throw Problem(offset: offset + start, message: "attribute '\(key)' appears twice")
            }
            switch key {
            case "skip" where word == key: skip = true
            case "expect-error" where word == key: expectError = true
            case "name" where word.count > 5:
                let value = word.dropFirst(5)
                guard value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else {
                    throw Problem(offset: offset + start + 5, message: "block name '\(value)' may hold only letters, digits, '-', '_' and '.'")
                }
                name = String(value)
            case "skip", "expect-error":
                throw Problem(offset: offset + start, message: "attribute '\(key)' takes no value")
            case "name":
                throw Problem(offset: offset + start, message: "attribute 'name' needs a value, such as name=load")
            default:
                throw Problem(offset: offset + start, message: "unknown attribute '\(word)' (known: \(Self.known))")
            }
        }
        skipSpaces()
        if index < bytes.count {
            throw Problem(offset: offset + index, message: "unexpected text after the attributes' closing '}'")
        }
    }
}
