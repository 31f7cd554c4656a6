import Foundation

/// A folder of this process's own in the temporary folder, for code that reads its input from
/// files; it goes when the process exits.
enum ScratchFolder {
    /// The folder, made on first use.
    static let url: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-fuzz.\(getpid())", isDirectory: true)
        try? FileManager.default.removeItem(at: url)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot make the scratch folder \(url.path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(at: ScratchFolder.url) }
        return url
    }()

    /// A subfolder holding exactly `files` (relative path to contents), left as the previous
    /// call left it except for the files named.
    ///
    /// - Parameter files: Contents by relative path; `nil` removes the file.
    static func folder(_ name: String, files: [(path: String, contents: [UInt8]?)]) -> URL {
        let folder = url.appendingPathComponent(name, isDirectory: true)
        for (path, contents) in files {
            let file = folder.appendingPathComponent(path)
            guard let contents else {
                try? FileManager.default.removeItem(at: file)
                continue
            }
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                fatalError("cannot make the folder for \(file.path): \(error)")
            }
            write(contents, to: file.path)
        }
        return folder
    }

    /// Writes a new file with plain POSIX calls. Foundation's writes wait for the disk (fsync),
    /// and so does ext4 when a file is truncated and rewritten; either made the writes most of
    /// each input's time.
    private static func write(_ contents: [UInt8], to path: String) {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { fatalError("cannot open \(path): errno \(errno)") }
        defer { close(descriptor) }
        var written = 0
        while written < contents.count {
            let count = contents[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { fatalError("cannot write \(path): errno \(errno)") }
            written += count
        }
    }
}
