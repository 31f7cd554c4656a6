import Foundation

/// Short, readable descriptions of JSON decoding failures for error messages.
enum JSONDiagnostics {
    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "top level" : keys.joined(separator: ".")
        }
        switch decoding {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "at \(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "at \(path(context)): missing key '\(key.stringValue)'"
        case .dataCorrupted(let context):
            return "at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(decoding)"
        }
    }

    /// Decodes `type` from the file at `url`, mapping every failure to an ``EncoderError`` naming the file.
    static func load<T: Decodable>(_ type: T.Type, from url: URL) throws(EncoderError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { throw .missingFile(path: url.path) }
            throw .invalidFile(path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw .invalidFile(path: url.path, reason: "invalid JSON: \(describe(error))")
        }
    }
}
