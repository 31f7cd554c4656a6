import Glibc

/// Which file a path names: the device and inode behind it, and the path with links resolved.
///
/// Two spellings of one file (`./a.md` and `a.md`, a link and its target, two hard links) have
/// one identity, which is how an export refuses to overwrite the notebook it reads.
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// The identity of an existing file (links followed), or `nil` when there is none.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// The path a chain of symbolic links at `path` ends at, even when the final target does not
    /// exist yet; `path` itself when it is not a link. Relative targets are read from the
    /// link's folder. Gives up after 40 links, as the system does.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + target
            } else {
                current = target
            }
        }
        return current
    }
}

extension Notebook {
    /// Refuses to write `output` when it is the notebook at `input` under another name (the same
    /// path, a link to it or a hard link), since the notebook would be lost.
    ///
    /// - Throws: ``NotebookError`` of kind ``NotebookError/Kind/sameFile``.
    public static func checkDistinct(output: String, input: String) throws(NotebookError) {
        guard let written = FileIdentity(path: FileIdentity.resolvingLinks(output)), written == FileIdentity(path: input) else { return }
        throw NotebookError(.sameFile, file: output, message: "is the notebook being exported (\(input)); writing it would replace the notebook",
                            hint: "write the results to another file, such as -o results.md")
    }
}
