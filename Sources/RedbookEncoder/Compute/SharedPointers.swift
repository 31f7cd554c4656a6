/// Raw pointers handed to worker threads that write disjoint parts of the same buffers.
struct SharedPointers: @unchecked Sendable {
    let input: UnsafeMutablePointer<Float>
    let weight: UnsafePointer<Float>
    let output: UnsafeMutablePointer<Float>
}

/// One scratch buffer's pointer, handed to the worker that owns it.
struct SharedBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
}
