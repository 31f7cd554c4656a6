import Foundation
import Glibc

/// Replaces a file so that a reader, or a crash at any moment, sees either the old or the new
/// contents, never a mix: write a temporary file in the same folder, fsync it, rename it over
/// the target, then fsync the folder so the rename itself is durable.
enum AtomicFile {
    /// Writes `bytes` to `path`, keeping an existing file's permissions.
    ///
    /// - Throws: ``NotebookError`` naming the file and the system's reason.
    static func write(_ bytes: [UInt8], to path: String) throws(NotebookError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array(url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).redbook-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, "cannot create a temporary file in \(folder)") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var finished = false
        defer {
            if !finished { unlink(temporary) }
        }
        var mode: mode_t = 0o644
        var status = stat()
        if stat(path, &status) == 0 { mode = status.st_mode & 0o7777 }
        fchmod(descriptor, mode)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw failure(path, "cannot write: \(reason)")
            }
            written += count
        }
        if fsync(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw failure(path, "cannot flush to disk: \(reason)")
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            throw failure(path, "cannot replace the file: \(String(cString: strerror(errno)))")
        }
        finished = true
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private static func failure(_ path: String, _ message: String) -> NotebookError {
        NotebookError(.unreadable, file: path, message: message, hint: "check that the folder exists and is writable")
    }
}

extension Notebook {
    /// Writes bytes to a file atomically: readers and crashes see the old file or the new one.
    ///
    /// - Parameters:
    ///   - bytes: The new contents.
    ///   - path: Where to write; the folder must exist.
    /// - Throws: ``NotebookError`` when the file cannot be written.
    public static func write(_ bytes: [UInt8], to path: String) throws(NotebookError) {
        try AtomicFile.write(bytes, to: path)
    }
}
