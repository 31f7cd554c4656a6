import Foundation
import Glibc

/// A notebook file held for a run that writes it back: what was read, a lock, and a safe save.
///
/// Opening takes an exclusive lock, so a second `redbook` on the same notebook is refused
/// instead of interleaving with the first. Saving checks that the file on disk is still the one
/// that was read (size, modification time, inode and bytes); when an editor saved it meanwhile,
/// the user's file is kept and the result goes beside it, in `NAME.redbook.md`.
public final class NotebookFile {
    /// The path as the user gave it, used in messages.
    public let path: String
    /// The notebook as read.
    public let notebook: Notebook
    /// The file the path names, links resolved: what is locked and replaced.
    let target: String
    private let status: Status
    private let lock: Int32

    /// What a save did.
    public enum SaveResult: Sendable, Hashable {
        /// The file was replaced.
        case written
        /// The new bytes equal the file's, so it was left alone (its modification time too).
        case unchanged
    }

    /// What is compared before a save, besides the bytes.
    private struct Status: Hashable {
        var identity: FileIdentity
        var size: Int
        var modified: timespec

        init?(descriptor: Int32) {
            var raw = stat()
            guard fstat(descriptor, &raw) == 0 else { return nil }
            self.init(raw)
        }

        init?(path: String) {
            var raw = stat()
            guard stat(path, &raw) == 0 else { return nil }
            self.init(raw)
        }

        private init(_ raw: stat) {
            identity = FileIdentity(device: UInt64(raw.st_dev), inode: UInt64(raw.st_ino))
            size = Int(raw.st_size)
            modified = raw.st_mtim
        }

        static func == (a: Status, b: Status) -> Bool {
            a.identity == b.identity && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(identity)
            hasher.combine(size)
        }
    }

    /// Reads a notebook and locks it for this process.
    ///
    /// - Parameter path: The notebook's path; a symbolic link is followed to its target.
    /// - Throws: ``NotebookError`` when the file is missing, unreadable, read-only (or in a
    ///   read-only folder), invalid, or locked by another `redbook` process.
    public init(path: String) throws(NotebookError) {
        self.path = path
        let target = FileIdentity.resolvingLinks(path)
        self.target = target
        try Notebook.checkIsFile(path)
        try Notebook.checkWritable(path)
        // A save renames a new file over the old one, so the lock taken on the old inode must be
        // checked to still be the file at the path; otherwise take it again on the new one.
        for _ in 0..<50 {
            let descriptor = open(target, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw NotebookError(.unreadable, file: path, message: "cannot open the file: \(String(cString: strerror(errno)))")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let busy = errno == EWOULDBLOCK
                let reason = String(cString: strerror(errno))
                close(descriptor)
                if busy {
                    throw NotebookError(.locked, file: path, message: "another redbook process is running this notebook",
                                        hint: "wait for it to finish; two runs of one notebook would overwrite each other's outputs")
                }
                throw NotebookError(.unreadable, file: path, message: "cannot lock the file: \(reason)")
            }
            guard let held = Status(descriptor: descriptor), let current = Status(path: target),
                  held.identity == current.identity else {
                close(descriptor)
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try Self.readAll(descriptor)
            } catch {
                close(descriptor)
                throw NotebookError(.unreadable, file: path, message: "cannot read the file: \(error.reason)")
            }
            do {
                notebook = try Notebook(bytes: bytes, name: path)
            } catch {
                close(descriptor)
                throw error
            }
            status = held
            lock = descriptor
            AtomicFile.removeLeftovers(of: target)
            return
        }
        throw NotebookError(.locked, file: path, message: "the file keeps being replaced while it is opened",
                            hint: "wait until nothing else writes it, then run again")
    }

    deinit {
        close(lock)  // releases the lock
    }

    /// Where a save puts the result when the notebook changed during the run: `NAME.redbook.md`
    /// beside it (`notes.md` → `notes.redbook.md`).
    public var divertedPath: String {
        let url = URL(fileURLWithPath: path)
        let file = url.lastPathComponent
        let stem = file.hasSuffix(".md") ? String(file.dropLast(3)) : file
        let folder = path.contains("/") ? String(path[...path.lastIndex(of: "/")!]) : ""
        return folder + stem + ".redbook.md"
    }

    /// Writes the run's result over the notebook, unless it changed on disk since it was read.
    ///
    /// - Parameter bytes: The recorded notebook.
    /// - Returns: Whether the file was replaced.
    /// - Throws: ``NotebookError`` of kind ``NotebookError/Kind/changedDuringRun`` (after
    ///   writing `bytes` to ``divertedPath``) when the file changed, or when it cannot be written.
    public func save(_ bytes: [UInt8]) throws(NotebookError) -> SaveResult {
        if isUnchangedOnDisk() {
            guard bytes != notebook.bytes else { return .unchanged }
            try AtomicFile.write(bytes, to: target, name: path)
            return .written
        }
        let diverted = divertedPath
        try AtomicFile.write(bytes, to: diverted)
        throw NotebookError(.changedDuringRun, file: path,
                            message: "the notebook changed on disk while it ran; your version was kept and this run's result was written to \(diverted)",
                            hint: "compare the two files, keep what you want, and run again")
    }

    /// Whether the file at the path is still byte for byte the one that was read.
    private func isUnchangedOnDisk() -> Bool {
        guard let current = Status(path: target), current == status else { return false }
        let descriptor = open(target, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return (try? Self.readAll(descriptor)) == notebook.bytes
    }

    private struct ReadError: Error {
        var reason: String
    }

    private static func readAll(_ descriptor: Int32) throws(ReadError) -> [UInt8] {
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}
