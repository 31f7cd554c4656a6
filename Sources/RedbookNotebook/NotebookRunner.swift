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
        /// With ``only``, first run the blocks before each named one, without recording their
        /// outputs, so a named block finds the keys and indexes it needs.
        public var setup: Bool

        /// Creates options.
        public init(only: Set<String> = [], keepGoing: Bool = false, setup: Bool = false) {
            self.only = only
            self.keepGoing = keepGoing
            self.setup = setup
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
    /// With ``Options/only``, a named block that fails keeps the output an earlier run recorded
    /// (the failure is still reported), and with ``Options/setup`` a failing setup block stops
    /// the run before any named block runs.
    ///
    /// - Throws: ``NotebookError`` when `--only` names a block the notebook does not have, or one
    ///   marked `{skip}`.
    public func run(_ notebook: Notebook) throws(NotebookError) -> NotebookRun {
        try validateOnly(notebook)
        let named = { (block: NotebookBlock) in block.name.map(options.only.contains) == true }
        let lastNamed = notebook.blocks.lastIndex(where: named) ?? -1
        let planned: [(index: Int, role: NotebookRun.Role)] = notebook.blocks.indices.compactMap { index in
            let block = notebook.blocks[index]
            if block.skip { return nil }
            if options.only.isEmpty || named(block) { return (index, .recorded) }
            return options.setup && index < lastNamed ? (index, .setup) : nil
        }
        var result = NotebookRun(notebook: notebook)
        for (position, step) in planned.enumerated() {
            let block = notebook.blocks[step.index]
            progress(.started(number: position + 1, total: planned.count, block: block))
            let outcome = execute(block.block)
            progress(.finished(number: position + 1, total: planned.count, block: block, outcome: outcome))
            var role = step.role
            if role == .recorded, outcome.failure != nil, !options.only.isEmpty, block.recordedOutput != nil {
                role = .kept
            }
            result.results.append(.init(index: step.index, outcome: outcome, role: role))
            if outcome.failure != nil, !options.keepGoing || role == .setup { break }
        }
        return result
    }

    private func validateOnly(_ notebook: Notebook) throws(NotebookError) {
        guard !options.only.isEmpty else { return }
        let names = Set(notebook.blocks.compactMap(\.name))
        if let missing = options.only.subtracting(names).sorted().first {
            let known = names.sorted().joined(separator: ", ")
            throw NotebookError(.unknownBlockName, file: notebook.name,
                                message: "no block is named '\(missing)'",
                                hint: names.isEmpty ? "name a block with ```redis {name=\(missing)}" : "named blocks: \(known)")
        }
        if let skipped = notebook.blocks.first(where: { $0.skip && $0.name.map(options.only.contains) == true }) {
            throw NotebookError(.skippedBlockName, file: notebook.name, line: skipped.fenceLine, column: skipped.fenceColumn,
                                message: "--only names block '\(skipped.name ?? "")', which is marked {skip}",
                                hint: "remove {skip} from the block to run it")
        }
    }
}

/// What a notebook run produced: each run block's outcome, and the file to write.
public struct NotebookRun: Sendable {
    /// Why a block ran, and so what happens to its output.
    public enum Role: Sendable, Hashable {
        /// Its output is recorded.
        case recorded
        /// It ran only to prepare a block named by `--only`; its recorded output is not touched.
        case setup
        /// A block named by `--only` that failed: the output an earlier run recorded is kept.
        case kept
    }

    /// One block that ran.
    public struct Result: Sendable, Hashable {
        /// Index into ``Notebook/blocks``.
        public var index: Int
        /// What the block produced.
        public var outcome: BlockOutcome
        /// Whether its output is recorded.
        public var role: Role
    }

    /// The notebook that ran.
    public let notebook: Notebook
    /// The blocks that ran, in order.
    public internal(set) var results: [Result] = []

    /// Whether every block that ran succeeded.
    public var succeeded: Bool { results.allSatisfy { $0.outcome.failure == nil } }

    /// The embedding model the steps used, such as `all-MiniLM-L6-v2 (384 dims)`, or `nil` when no step encoded.
    public internal(set) var model: String?

    /// Each failure as `FILE:LINE:COLUMN: error: MESSAGE`, with a note when the block ran as
    /// setup or kept its earlier output.
    public var failureMessages: [String] {
        results.compactMap { result in
            guard let failure = result.outcome.failure else { return nil }
            let line = failure.all.map { problem in
                Diagnostic.line(file: notebook.name, line: problem.line, column: problem.column, message: problem.message, hint: problem.hint)
                    + (problem.excerpt.isEmpty ? "" : "\n" + problem.excerpt)
            }.joined(separator: "\n")
            switch result.role {
            case .recorded:
                return line
            case .setup:
                return line + "\nnote: this block ran as setup for --only, so the named blocks did not run and keep their "
                    + "recorded outputs; fix it, or pass --no-setup if the server already holds what they need"
            case .kept:
                return line + "\nnote: --only never replaces a recorded output with a failure; the block keeps the one it had"
            }
        }
    }

    /// Total time of the blocks that ran.
    public var duration: Duration { results.reduce(.zero) { $0 + $1.outcome.duration } }

    /// The new output for each block that ran, by block index.
    public var outputs: [Int: String] {
        Dictionary(results.filter { $0.role == .recorded }.map { ($0.index, $0.outcome.output) }, uniquingKeysWith: { $1 })
    }

    /// The notebook with this run's outputs recorded.
    public var recordedBytes: [UInt8] { notebook.recording(outputs) }
}
