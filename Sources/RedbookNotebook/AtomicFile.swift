import Foundation
import Glibc
import RedbookServer

/// Replaces a file so that a reader, or a crash at any moment, sees either the old or the new
/// contents, never a mix: write a temporary file in the same folder, fsync it, rename it over
/// the target, then fsync the folder so the rename itself is durable.
///
/// A symbolic link is written through: the temporary file goes beside the link's final target
/// and replaces it, so the link stays a link. A rename never starts once Ctrl-C has arrived.
enum AtomicFile {
    /// Writes `bytes` to `path` (or the file a link at `path` points to), keeping its permissions.
    ///
    /// - Parameter name: How to name the file in errors; `path` when `nil`.
    /// - Throws: ``NotebookError`` naming the file and the system's reason, or of kind
    ///   ``NotebookError/Kind/interrupted`` when Ctrl-C came first.
    static func write(_ bytes: [UInt8], to path: String, name: String? = nil) throws(NotebookError) {
        let target = FileIdentity.resolvingLinks(path)
        let label = name ?? path
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        var template = Array(url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).redbook-XXXXXX").path.utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw failure(label, "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        Interruption.track(temporary: temporary)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
            Interruption.forget(temporary: temporary)
        }
        var mode: mode_t = 0o644
        var status = stat()
        if stat(target, &status) == 0 { mode = status.st_mode & 0o7777 }
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
                throw failure(label, "cannot write: \(reason)")
            }
            written += count
        }
        if fsync(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw failure(label, "cannot flush to disk: \(reason)")
        }
        close(descriptor)
        var renameError: Int32 = 0
        let committed = Interruption.commit {
            if rename(temporary, target) == 0 { renamed = true } else { renameError = errno }
        }
        guard committed else {
            throw NotebookError(.interrupted, file: label, message: "interrupted; the file was left as it was")
        }
        guard renamed else {
            throw failure(label, "cannot replace the file: \(String(cString: strerror(renameError)))")
        }
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Deletes the temporary files that saves of `target` left when the process was killed
    /// (SIGKILL gives no chance to clean up). Only safe while holding the notebook's lock.
    static func removeLeftovers(of target: String) {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).redbook-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(prefix) && name.utf8.count == prefix.utf8.count + 6 {
            unlink(folder + "/" + name)
        }
    }

    private static func failure(_ path: String, _ message: String) -> NotebookError {
        NotebookError(.unwritable, file: path, message: message, hint: "check that the folder exists and is writable")
    }
}

extension Notebook {
    /// Writes bytes to a file atomically: readers and crashes see the old file or the new one.
    ///
    /// A symbolic link is written through to its target, which is replaced; the link stays.
    ///
    /// - Parameters:
    ///   - bytes: The new contents.
    ///   - path: Where to write; the folder must exist.
    /// - Throws: ``NotebookError`` when the file cannot be written or the run was interrupted.
    public static func write(_ bytes: [UInt8], to path: String) throws(NotebookError) {
        try AtomicFile.write(bytes, to: path)
    }
}

extension Notebook {
    /// Fails early, before any block runs, when a save to `path` could not succeed: the file is
    /// read-only, or its folder (where the new file is written first) is.
    ///
    /// Write permission bits are read as well as `access(2)`, so a file marked read-only counts
    /// as one even for a user whom the system would let write it anyway.
    ///
    /// - Parameter path: Where the result will be written; it need not exist yet.
    /// - Throws: ``NotebookError`` of kind ``NotebookError/Kind/unwritable`` naming the file.
    public static func checkWritable(_ path: String) throws(NotebookError) {
        let target = FileIdentity.resolvingLinks(path)
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let hint = "make it writable, write the result elsewhere with -o FILE, or compare only with --check"
        var status = stat()
        if stat(target, &status) == 0, status.st_mode & 0o222 == 0 || access(target, W_OK) != 0 {
            throw NotebookError(.unwritable, file: path, message: "the file is read-only, so the result could not be saved in it", hint: hint)
        }
        if stat(folder, &status) != 0 || status.st_mode & 0o222 == 0 || access(folder, W_OK) != 0 {
            throw NotebookError(.unwritable, file: path,
                                message: "its folder \(folder) is read-only, and a save writes the new file there first", hint: hint)
        }
    }
}
