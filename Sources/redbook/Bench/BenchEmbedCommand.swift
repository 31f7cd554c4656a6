import ArgumentParser
import Foundation
import RedbookRedis
import RedbookSession

struct BenchEmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Measure the embed step: read stored texts, encode them, write the vectors back.",
        discussion: """
            Stores N JSON documents whose descriptions are the generated bike sentences of `bench encode`, \
            runs the `embed` step on them through a session (JSON.MGET, the encoder, pipelined JSON.SET), \
            then encodes the same texts directly, and prints both rates, their ratio and peak RSS.
            """
    )

    @Option(help: "How many documents to store and embed.")
    var docs = 10_000

    @Option(name: .long, help: ArgumentHelp("Model folder; default: $REDBOOK_MODEL, else the cached all-MiniLM-L6-v2.", valueName: "DIR"))
    var model: String?

    @Flag(help: "Skip encoding the texts directly (for a quick RSS check on many documents).")
    var noBaseline = false

    @OptionGroup var redisOptions: RedisOptions

    func validate() throws {
        guard docs > 0 else { throw ValidationError("--docs must be positive") }
    }

    func run() throws {
        let target = try redisOptions.open()
        defer { target.close() }
        let session = Session(connection: target.connection)
        session.modelDirectory = model.map { URL(fileURLWithPath: $0, isDirectory: true) }
        let prefix = "redbook:bench:embed:\(ProcessInfo.processInfo.processIdentifier):"
        let texts = BenchCorpus.sentences(count: min(docs, 2_000))
        // Stored in chunks, so preparing the documents never holds them all at once.
        var index = 0
        while index < docs {
            let commands = (index..<min(index + 5_000, docs)).map { number in
                RedisCommand("JSON.SET", "\(prefix)\(number)", "$", "{\"description\":\"\(texts[number % texts.count])\"}")
            }
            _ = try target.connection.pipeline(commands)
            index += commands.count
        }
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = session.run(Block(language: .swift, source: "embed(\"\(prefix)*\", field: \"$.description\", into: \"$.embedding\")"))
        let embedTime = (clock.now - start).seconds
        if let failure = outcome.failure { throw ValidationError("the embed step failed: \(failure.explanation)") }
        let embedRSS = ProcessMemory.peakResidentMegabytes()

        print("documents      \(docs) (texts of `bench encode`, mean \(texts.map(\.count).reduce(0, +) / texts.count) characters)")
        print("server         \(target.label)")
        print("embed step     \(String(format: "%.3f", embedTime)) s, \(String(format: "%.1f", Double(docs) / embedTime)) docs/s (SCAN, JSON.MGET, encode, JSON.SET)")
        print("peak RSS       \(embedRSS.map { String(format: "%.0f MB", $0) } ?? "unknown") after the embed step")
        if !noBaseline {
            let encoder = try session.encoder()
            let sample = (0..<min(docs, 4_000)).map { texts[$0 % texts.count] }
            let baseStart = clock.now
            _ = encoder.embedMatrix(sample)
            let baseTime = (clock.now - baseStart).seconds
            let direct = Double(sample.count) / baseTime
            print("encoder alone  \(String(format: "%.1f", direct)) sentences/s on \(sample.count) of the same texts")
            print("ratio          \(String(format: "%.1f", Double(docs) / embedTime / direct * 100)) % of the encoder alone")
        }
        if target.embedded == nil {
            _ = session.run(Block(language: .swift, source: "for key in keys(\"\(prefix)*\") { redis(\"UNLINK\", key) }"))
        }
    }
}
