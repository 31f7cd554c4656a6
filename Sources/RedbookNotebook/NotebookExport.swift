/// A results document: a short header, then the notebook with outputs and no runner markers.
public struct NotebookExport: Sendable {
    /// Facts about the run for the header; all optional, so `--no-run` can say what it lacks.
    public struct Header: Sendable, Hashable {
        /// When the run happened, already formatted (such as `2026-01-31 14:05 UTC`); `nil` for `--no-run`.
        public var ranAt: String?
        /// The Redis server's version and where it ran, such as `8.0.2 (embedded)`.
        public var redis: String?
        /// Loaded modules, such as `search 8.0.1`.
        public var modules: [String]
        /// The embedding model the blocks used, or `none`.
        public var model: String

        /// Creates a header.
        public init(ranAt: String? = nil, redis: String? = nil, modules: [String] = [], model: String = "none") {
            self.ranAt = ranAt
            self.redis = redis
            self.modules = modules
            self.model = model
        }
    }

    /// The notebook exported.
    public let notebook: Notebook
    /// The run whose outputs are shown, or `nil` to show the recorded outputs.
    public let run: NotebookRun?
    /// Header facts.
    public let header: Header

    /// Creates an export.
    ///
    /// - Parameters:
    ///   - notebook: The notebook.
    ///   - run: A fresh run of it, or `nil` for `--no-run`.
    ///   - header: Facts for the header.
    public init(notebook: Notebook, run: NotebookRun?, header: Header) {
        self.notebook = notebook
        self.run = run
        self.header = header
    }

    /// The document's bytes, with the notebook's line endings.
    public var bytes: [UInt8] {
        // A lone CR before a body that starts with LF would merge two lines; LF is always safe there.
        let ending = notebook.text.lineEnding == [0x0D] ? [0x0A] : notebook.text.lineEnding
        let headerLines = headerText().split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        return Array(headerLines.joined(separator: ending)) + ending + notebook.exportBody(run?.outputs ?? [:])
    }

    func headerText() -> String {
        var lines = ["> **Results of `\(fileName(notebook.name))`**", ">"]
        if let run {
            lines.append("> - Ran: \(header.ranAt ?? "unknown time")")
            lines.append("> - Redis: \(header.redis ?? "unknown")")
            lines.append("> - Modules: \(header.modules.isEmpty ? "none" : header.modules.joined(separator: ", "))")
            lines.append("> - Model: \(run.model ?? header.model)")
            let status = run.succeeded ? "" : " (\(run.results.filter { $0.outcome.failure != nil }.count) failed)"
            lines.append("> - Time: \(Self.durationText(run.duration)) for \(run.results.count) block\(run.results.count == 1 ? "" : "s")\(status)")
            if !run.results.isEmpty {
                lines += ["", "| Line | Block | Time |", "| ---: | :--- | ---: |"]
                for result in run.results {
                    let block = notebook.blocks[result.index]
                    var summary = block.summary
                    if summary.count > 60 { summary = String(summary.prefix(59)) + "…" }
                    summary = summary.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
                    lines.append("| \(block.fenceLine) | `\(summary)` | \(Self.durationText(result.outcome.duration)) |")
                }
            }
        } else {
            lines.append("> - Not run: outputs are the ones recorded in the notebook by an earlier `redbook run`.")
            lines.append("> - Model: \(header.model)")
        }
        lines += ["", "---", ""]
        return lines.joined(separator: "\n")
    }

    private func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? Substring(path))
    }

    /// A duration for people: `1.234 s` from a second up, else milliseconds with one decimal (`0.4 ms`).
    ///
    /// - Parameter duration: The time to show.
    public static func durationText(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        let microseconds = Int(whole) * 1_000_000 + Int(attoseconds / 1_000_000_000_000)
        if microseconds >= 1_000_000 {
            let milliseconds = microseconds / 1000
            let fraction = String(milliseconds % 1000)
            return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) s"
        }
        let tenths = (microseconds + 50) / 100
        return "\(tenths / 10).\(tenths % 10) ms"
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
