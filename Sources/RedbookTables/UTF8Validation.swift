/// Where bytes stop being well-formed UTF-8, for errors that point at the offending byte.
///
/// Shared by the JSON reader here and the notebook reader, which both refuse text that is not
/// UTF-8 and say where it breaks.
package enum UTF8Validation {
    /// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and code points past U+10FFFF included), or nil when all are valid.
    package static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
