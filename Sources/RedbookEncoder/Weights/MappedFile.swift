import Foundation

/// A read-only file mapped into memory, unmapped when the last reference goes.
///
/// Weights stay in the page cache and are shared between processes; only the pages a model reads
/// become resident, so a 90 MB checkpoint whose word table is mostly unused costs little memory.
final class MappedFile: @unchecked Sendable {
    // The mapping is never written after init, so sharing it between threads is safe.
    let path: String
    let base: UnsafeRawPointer?
    let count: Int

    init(path: String) throws(EncoderError) {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw .missingFile(path: path) }
            throw .invalidFile(path: path, reason: "cannot open: \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .invalidFile(path: path, reason: "cannot stat: \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .invalidFile(path: path, reason: "not a regular file")
        }
        count = Int(info.st_size)
        if count == 0 {
            base = nil
            return
        }
        let mapping = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let mapping, mapping != MAP_FAILED else {
            throw .invalidFile(path: path, reason: "cannot map into memory: \(String(cString: strerror(errno)))")
        }
        base = UnsafeRawPointer(mapping)
    }

    /// The mapped bytes; empty for an empty file.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }
}
