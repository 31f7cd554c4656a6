/// A float32 tensor whose storage is either a view into a mapped file or an owned buffer.
///
/// Views keep their file mapped, so a tensor is valid as long as it lives.
struct Tensor: @unchecked Sendable {
    // Storage is immutable after loading; concurrent readers are safe.
    let name: String
    let shape: [Int]
    let pointer: UnsafePointer<Float>
    private let owner: AnyObject

    init(name: String, shape: [Int], pointer: UnsafePointer<Float>, owner: AnyObject) {
        self.name = name
        self.shape = shape
        self.pointer = pointer
        self.owner = owner
    }

    /// A tensor that owns a copy of `values`.
    init(name: String, shape: [Int], values: [Float]) {
        let buffer = FloatBuffer(count: values.count)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.pointer.update(from: base, count: values.count) }
        }
        self.init(name: name, shape: shape, pointer: UnsafePointer(buffer.pointer), owner: buffer)
    }

    var count: Int { shape.reduce(1, *) }

    /// A copy of the values; the storage is kept alive while they are read.
    func values(prefix length: Int? = nil) -> [Float] {
        withExtendedLifetime(owner) {
            Array(UnsafeBufferPointer(start: pointer, count: min(length ?? count, count)))
        }
    }
}
