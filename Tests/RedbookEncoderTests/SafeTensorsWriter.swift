import Foundation

/// Builds small safetensors files, valid or deliberately broken, for the reader's tests.
struct SafeTensorsWriter {
    struct Item {
        var name: String
        var dtype: String
        var shape: [Int]
        var bytes: [UInt8]
        /// Written instead of the computed offsets when set.
        var offsets: [Int]?
    }

    var items: [Item] = []

    mutating func add(_ name: String, floats: [Float], shape: [Int]) {
        let bytes = floats.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        items.append(Item(name: name, dtype: "F32", shape: shape, bytes: bytes))
    }

    mutating func add(_ name: String, dtype: String, shape: [Int], bytes: [UInt8], offsets: [Int]? = nil) {
        items.append(Item(name: name, dtype: dtype, shape: shape, bytes: bytes, offsets: offsets))
    }

    /// The header JSON the file would carry.
    func header() -> String {
        var position = 0
        var fields = [#""__metadata__":{"format":"pt"}"#]
        for item in items {
            let offsets = item.offsets ?? [position, position + item.bytes.count]
            position += item.bytes.count
            fields.append(#""\#(item.name)":{"dtype":"\#(item.dtype)","shape":\#(item.shape),"data_offsets":\#(offsets)}"#)
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The whole file; `headerLength` overrides the length prefix.
    func data(header text: String? = nil, headerLength: UInt64? = nil) -> Data {
        var header = Array((text ?? header()).utf8)
        // Data starts 8-byte aligned, as real writers pad the header with spaces.
        while (header.count + 8) % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var data = Data()
        withUnsafeBytes(of: (headerLength ?? UInt64(header.count)).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        for item in items { data.append(contentsOf: item.bytes) }
        return data
    }
}

/// A fresh temporary folder, removed when the value is dropped.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-encoder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ data: Data, to name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    func write(_ text: String, to name: String) throws -> URL {
        try write(Data(text.utf8), to: name)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
