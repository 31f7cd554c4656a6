/// One command with binary-safe arguments.
///
/// Arguments are bytes, never C strings: a FLOAT32 vector may contain zero bytes.
public struct RedisCommand: Sendable, Hashable {
    /// The arguments, the command name first.
    public var arguments: [[UInt8]]

    /// Creates a command from raw byte arguments.
    public init(arguments: [[UInt8]]) {
        self.arguments = arguments
    }

    /// Creates a command from text arguments, each sent as its UTF-8 bytes.
    public init(_ arguments: [String]) {
        self.arguments = arguments.map { Array($0.utf8) }
    }

    /// Creates a command from text arguments, each sent as its UTF-8 bytes.
    public init(_ arguments: String...) {
        self.init(arguments)
    }

    /// The command name in upper case, as used in error messages.
    public var name: String {
        guard let first = arguments.first else { return "" }
        return String(decoding: first, as: UTF8.self).uppercased()
    }

    /// Appends one binary argument.
    public mutating func append(_ bytes: [UInt8]) {
        arguments.append(bytes)
    }

    /// Appends one text argument.
    public mutating func append(_ text: String) {
        arguments.append(Array(text.utf8))
    }
}

extension RedisCommand {
    /// The little-endian IEEE 754 bytes of a FLOAT32 vector, as RediSearch expects them.
    public static func float32Bytes(_ vector: [Float]) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(vector.count * 4)
        for value in vector {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }
}
