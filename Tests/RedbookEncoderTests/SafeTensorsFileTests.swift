import Foundation
import Testing
@testable import RedbookEncoder

@Suite struct SafeTensorsFileTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    private func open(_ data: Data) throws -> SafeTensorsFile {
        try SafeTensorsFile(url: folder.write(data, to: "model.safetensors"))
    }

    /// The reason of an invalid-file error, or nil when the error is something else.
    private func reason(_ body: () throws -> Void) -> String? {
        do {
            try body()
        } catch {
            if case .invalidFile(let path, let reason)? = error as? EncoderError {
                #expect(path.hasSuffix("model.safetensors"))
                return reason
            }
            Issue.record("expected invalidFile, got \(error)")
            return nil
        }
        Issue.record("expected an error")
        return nil
    }

    @Test func readsF32F16AndBF16AsFloat() throws {
        var writer = SafeTensorsWriter()
        writer.add("a", floats: [1.5, -2.25, 3e-8], shape: [3])
        // Half: 1.0, -2.0, 65504 (largest), 2^-24 (smallest subnormal).
        writer.add("h", dtype: "F16", shape: [2, 2], bytes: [0x00, 0x3C, 0x00, 0xC0, 0xFF, 0x7B, 0x01, 0x00])
        // bfloat16: 1.0 and -3.5.
        writer.add("b", dtype: "BF16", shape: [2], bytes: [0x80, 0x3F, 0x60, 0xC0])
        writer.add("position_ids", dtype: "I64", shape: [1], bytes: [1, 0, 0, 0, 0, 0, 0, 0])
        let file = try open(writer.data())
        #expect(try file.tensor("a").values() == [1.5, -2.25, 3e-8])
        let half = try file.tensor("h", shape: [2, 2])
        #expect(half.values() == [1, -2, 65504, Float(sign: .plus, exponent: -24, significand: 1)])
        #expect(try file.tensor("b").values() == [1, -3.5])
        #expect(throws: EncoderError.self) { try file.tensor("position_ids") }
    }

    @Test func missingTensorAndWrongShapeNameTheTensor() throws {
        var writer = SafeTensorsWriter()
        writer.add("w", floats: [1, 2, 3, 4], shape: [2, 2])
        let file = try open(writer.data())
        #expect(reason { _ = try file.tensor("nope") }?.contains("'nope' is missing") == true)
        #expect(reason { _ = try file.tensor("w", shape: [4]) }?.contains("'w' has shape [2, 2]") == true)
    }

    @Test func truncatedDataIsRefused() throws {
        var writer = SafeTensorsWriter()
        writer.add("w", floats: [1, 2, 3, 4], shape: [4])
        let cut = writer.data().dropLast(5)
        let message = reason { _ = try open(Data(cut)) }
        #expect(message?.contains("'w'") == true)
        #expect(message?.contains("truncated") == true)
    }

    @Test func tinyOrOversizedHeaderLengthIsRefused() throws {
        #expect(reason { _ = try open(Data([1, 2, 3])) }?.contains("shorter than the 8-byte header length") == true)
        var writer = SafeTensorsWriter()
        writer.add("w", floats: [1], shape: [1])
        #expect(reason { _ = try open(writer.data(headerLength: 1 << 40)) }?.contains("too big") == true)
        #expect(reason { _ = try open(writer.data(headerLength: 4_000)) }?.contains("runs past the end") == true)
    }

    @Test func badOffsetsAreRefused() throws {
        var backwards = SafeTensorsWriter()
        backwards.add("w", dtype: "F32", shape: [1], bytes: [0, 0, 0, 0], offsets: [4, 0])
        #expect(reason { _ = try open(backwards.data()) }?.contains("'w': data_offsets [4, 0]") == true)

        var outside = SafeTensorsWriter()
        outside.add("w", dtype: "F32", shape: [1], bytes: [0, 0, 0, 0], offsets: [1_000, 1_004])
        #expect(reason { _ = try open(outside.data()) }?.contains("outside") == true)

        var wrongSize = SafeTensorsWriter()
        wrongSize.add("w", dtype: "F32", shape: [2], bytes: [0, 0, 0, 0])
        #expect(reason { _ = try open(wrongSize.data()) }?.contains("needs 2 × 4 bytes") == true)

        var overlapping = SafeTensorsWriter()
        overlapping.add("first", dtype: "F32", shape: [2], bytes: [UInt8](repeating: 0, count: 8), offsets: [0, 8])
        overlapping.add("second", dtype: "F32", shape: [2], bytes: [], offsets: [4, 12])
        overlapping.add("pad", dtype: "U8", shape: [4], bytes: [UInt8](repeating: 0, count: 8), offsets: [12, 16])
        let message = reason { _ = try open(overlapping.data()) }
        #expect(message?.contains("overlap") == true)
        #expect(message?.contains("'first'") == true && message?.contains("'second'") == true)
    }

    @Test func unknownDtypeNamesTheTensor() throws {
        var writer = SafeTensorsWriter()
        writer.add("weird", dtype: "F7", shape: [1], bytes: [0])
        #expect(reason { _ = try open(writer.data()) } == "tensor 'weird' has unknown dtype 'F7'")
    }

    @Test func headerThatIsNotJSONIsRefused() throws {
        let writer = SafeTensorsWriter()
        #expect(reason { _ = try open(writer.data(header: "{not json")) }?.contains("not valid safetensors JSON") == true)
        #expect(reason { _ = try open(writer.data(header: #"{"w":{"dtype":"F32"}}"#)) }?.contains("shape") == true)
    }

    @Test func bytesInMemoryAreCheckedAsAFileIs() throws {
        var writer = SafeTensorsWriter()
        writer.add("b", floats: [1], shape: [1])
        writer.add("a", floats: [1, 2], shape: [2])
        #expect(try SafeTensorsFile.tensorNames(in: Array(writer.data()), path: "m.safetensors") == ["a", "b"])
        #expect(throws: EncoderError.invalidFile(path: "m.safetensors", reason: "truncated: 3 bytes, shorter than the 8-byte header length")) {
            try SafeTensorsFile.tensorNames(in: [1, 2, 3], path: "m.safetensors")
        }
        let cut = Array(writer.data().dropLast(1))
        #expect(throws: EncoderError.self) { try SafeTensorsFile.tensorNames(in: cut, path: "m.safetensors") }
    }
}
