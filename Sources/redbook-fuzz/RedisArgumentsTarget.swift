import RedbookRedis

extension FuzzTarget {
    /// redis-cli argument splitting: any line splits into arguments or gives a syntax error at a
    /// column inside the line, and arguments written back with quotes split into the same bytes.
    static let redisArguments = FuzzTarget(name: "redis-args", summary: "CommandLineParser.split on one line") { line in
        let arguments: [CommandLineParser.Argument]
        do throws(CommandLineParser.SyntaxError) {
            arguments = try CommandLineParser.split(bytes: line)
        } catch {
            invariant((1...max(line.count, 1)).contains(error.column), "error column \(error.column) outside a \(line.count)-byte line")
            invariant(!error.reason.isEmpty && !error.hint.isEmpty, "an error without a reason or hint")
            return
        }
        var previous = 0
        for argument in arguments {
            invariant(argument.column > previous && argument.column <= line.count, "argument column \(argument.column) out of order or range")
            previous = argument.column
        }
        let written = Array(arguments.map { quoted($0.bytes) }.joined(separator: [UInt8(ascii: " ")]))
        let again = try? CommandLineParser.split(bytes: written)
        invariant(again?.map(\.bytes) == arguments.map(\.bytes), "quoting the arguments and splitting them again changed them")
        if let text = String(validating: line, as: UTF8.self) {
            invariant((try? CommandLineParser.split(text)) == arguments, "the String and byte entries disagree")
        }
    }

    /// An argument in double quotes with every byte but letters and digits as a `\xhh` escape.
    private static func quoted(_ bytes: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        var result: [UInt8] = [UInt8(ascii: "\"")]
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.append(byte)
            default:
                result += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        result.append(UInt8(ascii: "\""))
        return result
    }
}
