import Foundation

/// A safetensors checkpoint, memory-mapped and validated before any tensor is read.
///
/// The layout is an 8-byte little-endian header length, a JSON header mapping tensor names to
/// dtype, shape and byte range, then the data. Every range is checked against the file and the
/// others, so a damaged file gives an ``EncoderError/invalidFile(path:reason:)`` naming the tensor.
package struct SafeTensorsFile: Sendable {
    /// The element types the format defines; only the float ones can be loaded.
    enum DType: String, Sendable, CaseIterable {
        case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
        case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8"
        case u64 = "U64", u32 = "U32", u16 = "U16", u8 = "U8", bool = "BOOL"
        case f8e4m3 = "F8_E4M3", f8e5m2 = "F8_E5M2"

        var size: Int {
            switch self {
            case .f64, .i64, .u64: 8
            case .f32, .i32, .u32: 4
            case .f16, .bf16, .i16, .u16: 2
            case .i8, .u8, .bool, .f8e4m3, .f8e5m2: 1
            }
        }
    }

    struct Entry: Sendable {
        var dtype: DType
        var shape: [Int]
        /// Byte range relative to the start of the data section.
        var begin: Int
        var end: Int
    }

    /// Headers bigger than this are refused before parsing; real ones are tens of kilobytes.
    static let maximumHeaderLength = 100 << 20

    let path: String
    let entries: [String: Entry]
    private let file: MappedFile
    private let dataStart: Int

    init(url: URL) throws(EncoderError) {
        try self.init(file: MappedFile(path: url.path))
    }

    init(file: MappedFile) throws(EncoderError) {
        self.file = file
        path = file.path
        (dataStart, entries) = try Self.layout(of: file.bytes, path: path)
    }

    /// The names of the tensors in checkpoint bytes held in memory, checked as opening a file
    /// checks them; for tests and fuzzing, which need no file.
    ///
    /// - Throws: ``EncoderError/invalidFile(path:reason:)`` naming `path`, as ``init(file:)`` does.
    package static func tensorNames(in bytes: [UInt8], path: String) throws(EncoderError) -> [String] {
        let entries = bytes.withUnsafeBytes { buffer in Result { () throws(EncoderError) in try layout(of: buffer, path: path).entries } }
        return try entries.get().keys.sorted()
    }

    /// Where the data section starts, and the header's entries, each checked against the data.
    private static func layout(of bytes: UnsafeRawBufferPointer, path: String) throws(EncoderError) -> (dataStart: Int, entries: [String: Entry]) {
        guard bytes.count >= 8 else {
            throw .invalidFile(path: path, reason: "truncated: \(bytes.count) bytes, shorter than the 8-byte header length")
        }
        let headerLength = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        guard headerLength <= UInt64(Self.maximumHeaderLength) else {
            throw .invalidFile(path: path, reason: "header length \(headerLength) is too big (limit \(Self.maximumHeaderLength) bytes); not a safetensors file?")
        }
        guard Int(headerLength) <= bytes.count - 8 else {
            throw .invalidFile(path: path, reason: "truncated: header length \(headerLength) runs past the end of the \(bytes.count)-byte file")
        }
        let dataStart = 8 + Int(headerLength)
        let header = Data(bytes[8..<dataStart])
        return (dataStart, try parseHeader(header, path: path, dataSize: bytes.count - dataStart))
    }

    private static func parseHeader(_ header: Data, path: String, dataSize: Int) throws(EncoderError) -> [String: Entry] {
        let raw: [String: RawEntry]
        do {
            raw = try JSONDecoder().decode(RawHeader.self, from: header).entries
        } catch {
            throw .invalidFile(path: path, reason: "header is not valid safetensors JSON: \(JSONDiagnostics.describe(error))")
        }
        var entries: [String: Entry] = [:]
        for (name, item) in raw {
            guard let dtype = DType(rawValue: item.dtype) else {
                throw .invalidFile(path: path, reason: "tensor '\(name)' has unknown dtype '\(item.dtype)'")
            }
            guard item.dataOffsets.count == 2 else {
                throw .invalidFile(path: path, reason: "tensor '\(name)': data_offsets must hold two numbers")
            }
            let begin = item.dataOffsets[0], end = item.dataOffsets[1]
            guard begin >= 0, begin <= end, end <= dataSize else {
                throw .invalidFile(path: path, reason: "tensor '\(name)': data_offsets [\(begin), \(end)] lie outside the \(dataSize)-byte data section (truncated file?)")
            }
            var elements = 1
            for dimension in item.shape {
                guard dimension >= 0 else {
                    throw .invalidFile(path: path, reason: "tensor '\(name)': negative dimension in shape \(item.shape)")
                }
                let (product, overflow) = elements.multipliedReportingOverflow(by: dimension)
                guard !overflow else { throw .invalidFile(path: path, reason: "tensor '\(name)': shape \(item.shape) is too large") }
                elements = product
            }
            let (byteCount, overflow) = elements.multipliedReportingOverflow(by: dtype.size)
            guard !overflow, byteCount == end - begin else {
                throw .invalidFile(path: path, reason: "tensor '\(name)': shape \(item.shape) of \(item.dtype) needs \(elements) × \(dtype.size) bytes but data_offsets [\(begin), \(end)] hold \(end - begin)")
            }
            entries[name] = Entry(dtype: dtype, shape: item.shape, begin: begin, end: end)
        }
        let sorted = entries.sorted { ($0.value.begin, $0.value.end) < ($1.value.begin, $1.value.end) }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where next.value.begin < previous.value.end {
            throw .invalidFile(path: path, reason: "tensors '\(previous.key)' and '\(next.key)' overlap in the data section")
        }
        return entries
    }

    /// Whether the checkpoint holds a tensor with this name.
    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// Loads a float tensor as float32: a view into the mapping when it is F32 and aligned, else a converted copy.
    ///
    /// - Throws: ``EncoderError/invalidFile(path:reason:)`` when the tensor is missing or its shape differs from
    ///   `expectedShape`; ``EncoderError/unsupported(path:reason:)`` for integer dtypes.
    func tensor(_ name: String, shape expectedShape: [Int]? = nil) throws(EncoderError) -> Tensor {
        guard let entry = entries[name] else {
            throw .invalidFile(path: path, reason: "tensor '\(name)' is missing")
        }
        if let expectedShape, expectedShape != entry.shape {
            throw .invalidFile(path: path, reason: "tensor '\(name)' has shape \(entry.shape), expected \(expectedShape) from config.json")
        }
        guard let base = file.base else {
            throw .invalidFile(path: path, reason: "tensor '\(name)': file is empty")
        }
        let source = base + dataStart + entry.begin
        let count = entry.shape.reduce(1, *)
        if entry.dtype == .f32, Int(bitPattern: source) % MemoryLayout<Float>.alignment == 0 {
            return Tensor(name: name, shape: entry.shape, pointer: source.assumingMemoryBound(to: Float.self), owner: file)
        }
        let buffer = FloatBuffer(count: count)
        let target = buffer.pointer
        switch entry.dtype {
        case .f32:
            for index in 0..<count { target[index] = Float(bitPattern: UInt32(littleEndian: source.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))) }
        case .f16:
            for index in 0..<count { target[index] = Float(Self.halfToFloat(UInt16(littleEndian: source.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)))) }
        case .bf16:
            for index in 0..<count { target[index] = Float(bitPattern: UInt32(UInt16(littleEndian: source.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self))) << 16) }
        case .f64:
            for index in 0..<count { target[index] = Float(Double(bitPattern: UInt64(littleEndian: source.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))) }
        default:
            throw .unsupported(path: path, reason: "tensor '\(name)' has dtype \(entry.dtype.rawValue); only F32, F16, BF16 and F64 weights can be loaded")
        }
        return Tensor(name: name, shape: entry.shape, pointer: UnsafePointer(target), owner: buffer)
    }

    /// IEEE half to float, exact for every value including subnormals, infinities and NaN.
    static func halfToFloat(_ bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x3FF)
        if exponent == 0 {
            // Subnormal or zero: mantissa × 2^-24, exact in float32.
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign != 0 ? -magnitude : magnitude
        }
        if exponent == 0x1F {
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        }
        return Float(bitPattern: sign | (UInt32(exponent - 15 + 127) << 23) | (mantissa << 13))
    }
}

/// The header's JSON: tensor entries plus an optional `__metadata__` string map, which is ignored.
private struct RawHeader: Decodable {
    var entries: [String: RawEntry]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var entries: [String: RawEntry] = [:]
        for key in container.allKeys where key.stringValue != "__metadata__" {
            entries[key.stringValue] = try container.decode(RawEntry.self, forKey: key)
        }
        self.entries = entries
    }
}

private struct RawEntry: Decodable {
    var dtype: String
    var shape: [Int]
    var dataOffsets: [Int]

    enum CodingKeys: String, CodingKey {
        case dtype, shape
        case dataOffsets = "data_offsets"
    }
}

/// A coding key for JSON objects whose keys are data, such as tensor names.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
