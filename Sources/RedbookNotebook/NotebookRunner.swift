public import RedbookSession

/// Runs a notebook's blocks in order and collects what to record.
///
/// The block executor is a closure so the policy (skip, `--only`, stop or keep going) can be
/// exercised with exact outcomes; the command line passes ``Session/run(_:)``.
public struct NotebookRunner {
    /// How a run proceeds.
    public struct Options: Sendable, Hashable {
        /// Run only blocks with these `{name=...}` values; empty runs every block.
        public var only: Set<String>
        /// Run every block even after one fails (the run still fails).
        public var keepGoing: Bool

        /// Creates options.
        public init(only: Set<String> = [], keepGoing: Bool = false) {
            self.only = only
            self.keepGoing = keepGoing
        }
    }

    /// A step of a run, for progress display.
    public enum Progress: Sendable {
        /// Block `number` of `total` (both 1-based counts of blocks that run) is starting.
        case started(number: Int, total: Int, block: NotebookBlock)
        /// That block finished.
        case finished(number: Int, total: Int, block: NotebookBlock, outcome: BlockOutcome)
    }

    private let options: Options
    private let execute: (Block) -> BlockOutcome
    private let progress: (Progress) -> Void

    /// Creates a runner.
    ///
    /// - Parameters:
    ///   - options: Which blocks run and whether a failure stops the run.
    ///   - progress: Called before and after each block.
    ///   - execute: Runs one block, such as ``Session/run(_:)``.
    public init(options: Options = Options(), progress: @escaping (Progress) -> Void = { _ in }, execute: @escaping (Block) -> BlockOutcome) {
        self.options = options
        self.progress = progress
        self.execute = execute
    }

    /// Runs the notebook's selected blocks.
    ///
    /// - Throws: ``NotebookError`` when `--only` names a block the notebook does not have.
    public func run(_ notebook: Notebook) throws(NotebookError) -> NotebookRun {
        let names = Set(notebook.blocks.compactMap(\.name))
        if let missing = options.only.subtracting(names).sorted().first {
            let known = names.sorted().joined(separator: ", ")
            throw NotebookError(.unknownBlockName, file: notebook.name,
                                message: "no block is named '\(missing)'",
                                hint: names.isEmpty ? "name a block with ```redis {name=\(missing)}" : "named blocks: \(known)")
        }
        let selected = notebook.blocks.indices.filter { index in
            let block = notebook.blocks[index]
            return !block.skip && (options.only.isEmpty || block.name.map(options.only.contains) == true)
        }
        var result = NotebookRun(notebook: notebook)
        for (position, index) in selected.enumerated() {
            let block = notebook.blocks[index]
            progress(.started(number: position + 1, total: selected.count, block: block))
            var outcome = execute(block.block)
            if outcome.failure != nil, outcome.output.isEmpty, let failure = outcome.failure {
                // A failure with nothing rendered still leaves a visible trace in the notebook.
                outcome.output = "```text\nerror: \(failure.message)\n```"
            }
            progress(.finished(number: position + 1, total: selected.count, block: block, outcome: outcome))
            result.results.append(.init(index: index, outcome: outcome))
            if outcome.failure != nil, !options.keepGoing { break }
        }
        return result
    }
}

/// What a notebook run produced: each run block's outcome, and the file to write.
public struct NotebookRun: Sendable {
    /// One block that ran.
    public struct Result: Sendable, Hashable {
        /// Index into ``Notebook/blocks``.
        public var index: Int
        /// What the block produced.
        public var outcome: BlockOutcome
    }

    /// The notebook that ran.
    public let notebook: Notebook
    /// The blocks that ran, in order.
    public internal(set) var results: [Result] = []

    /// Whether every block that ran succeeded.
    public var succeeded: Bool { results.allSatisfy { $0.outcome.failure == nil } }

    /// Each failure as `FILE:LINE:COLUMN: error: MESSAGE`.
    public var failureMessages: [String] {
        results.compactMap { result in
            result.outcome.failure.map { "\(notebook.name):\($0.line):\($0.column): error: \($0.message)" }
        }
    }

    /// Total time of the blocks that ran.
    public var duration: Duration { results.reduce(.zero) { $0 + $1.outcome.duration } }

    /// The new output for each block that ran, by block index.
    public var outputs: [Int: String] {
        Dictionary(results.map { ($0.index, $0.outcome.output) }, uniquingKeysWith: { $1 })
    }

    /// The notebook with this run's outputs recorded.
    public var recordedBytes: [UInt8] { notebook.recording(outputs) }
}
