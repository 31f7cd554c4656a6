/// The two places where Redbook's tables differ from pandas: pandas writes a `|` and a line
/// break inside a cell as they are, which breaks the Markdown table there.
enum MarkdownEscape {
    /// `|` becomes `\|`; a line break (`\r\n`, `\r` or `\n`) becomes `<br>`.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|":
                result.append(contentsOf: "\\|".unicodeScalars)
            case "\r":
                result.append(contentsOf: "<br>".unicodeScalars)
            case "\n" where previousWasReturn:
                break
            case "\n":
                result.append(contentsOf: "<br>".unicodeScalars)
            default:
                result.append(scalar)
            }
            previousWasReturn = scalar == "\r"
        }
        return String(result)
    }
}
