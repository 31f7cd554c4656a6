import ArgumentParser
import Foundation
import RedbookEncoder

struct BenchEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Measure the encoder's throughput on a corpus.",
        discussion: """
            Embeds every line of the corpus (default: 2,000 generated bike sentences) and prints sentences/s, \
            tokens/s, effective GFLOPS, the median latency of one short query, and peak RSS.
            """
    )

    @Option(help: ArgumentHelp("Text file with one sentence per line; default: a generated corpus.", valueName: "FILE"))
    var corpus: String?

    @Option(help: "Sentences per forward pass.")
    var batch = 32

    @Option(name: .long, help: ArgumentHelp("Model folder; default: $REDBOOK_MODEL, else the cached all-MiniLM-L6-v2.", valueName: "DIR"))
    var model: String?

    @Option(help: "Timed passes over the corpus; the best is reported.")
    var runs = 3

    @Option(help: "Single-query encodings timed for the latency median.")
    var queries = 300

    @Option(help: ArgumentHelp("The text of the single query.", valueName: "TEXT"))
    var query = "Bike for small kids"

    @Option(help: ArgumentHelp("Idle time before each timed query, as between a person's entries.", valueName: "MILLISECONDS"))
    var pause = 0

    func validate() throws {
        guard batch > 0 else { throw ValidationError("--batch must be positive") }
        guard runs > 0 else { throw ValidationError("--runs must be positive") }
        guard queries > 0 else { throw ValidationError("--queries must be positive") }
        guard (0...10_000).contains(pause) else { throw ValidationError("--pause must be 0 to 10000 milliseconds") }
    }

    func run() throws {
        let sentences = try loadCorpus()
        let clock = ContinuousClock()
        let loadStart = clock.now
        let encoder = try EmbedCommand.loadEncoder(model: model, batchSize: batch)
        let loadTime = clock.now - loadStart
        let lengths = sentences.map { encoder.tokenIDs($0).count }
        let tokenCount = lengths.reduce(0, +)
        let operations = encoder.floatingPointOperations(lengths: lengths)

        _ = encoder.embedMatrix(Array(sentences.prefix(2 * batch)))
        var times: [Double] = []
        for _ in 0..<runs {
            let start = clock.now
            _ = encoder.embedMatrix(sentences)
            times.append((clock.now - start).seconds)
        }
        let best = times.min() ?? 0

        for _ in 0..<20 { _ = encoder.embedMatrix([query]) }
        var latencies: [Double] = []
        for _ in 0..<queries {
            if pause > 0 { Thread.sleep(forTimeInterval: Double(pause) / 1000) }
            let start = clock.now
            _ = encoder.embedMatrix([query])
            latencies.append((clock.now - start).seconds)
        }
        latencies.sort()

        let source = corpus ?? "generated (\(sentences.count) bike sentences)"
        print("model          \(encoder.modelName) (\(encoder.dimension) dims, max \(encoder.maxSequenceLength) tokens)")
        print("corpus         \(source)")
        print("sentences      \(sentences.count), \(tokenCount) tokens (mean \(format(Double(tokenCount) / Double(max(1, sentences.count)), 1)))")
        print("batch          \(batch), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("matrices       \(encoder.matrixDescription)")
        print("load           \(format(loadTime.seconds * 1000, 1)) ms")
        print("runs           " + times.map { format($0, 3) + " s" }.joined(separator: ", "))
        print("sentences/s    \(format(Double(sentences.count) / best, 1))")
        print("tokens/s       \(format(Double(tokenCount) / best, 0))")
        print("GFLOPS         \(format(operations / best / 1e9, 1))")
        print("query latency  median \(format(latencies[latencies.count / 2] * 1000, 2)) ms, p90 \(format(latencies[latencies.count * 9 / 10] * 1000, 2)) ms (\"\(query)\", \(encoder.tokenIDs(query).count) tokens, \(queries) runs\(pause > 0 ? ", each after \(pause) ms idle" : ""))")
        print("peak RSS       \(ProcessMemory.peakResidentMegabytes().map { format($0, 0) + " MB" } ?? "unknown")")
    }

    private func loadCorpus() throws -> [String] {
        guard let corpus else { return BenchCorpus.sentences(count: 2_000) }
        let text: String
        do {
            text = try String(contentsOfFile: corpus, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data("\(corpus): error: cannot read the corpus: \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        guard !lines.isEmpty else {
            FileHandle.standardError.write(Data("\(corpus): error: the corpus has no non-empty lines\n".utf8))
            throw ExitCode.failure
        }
        return lines
    }

    private func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}

/// A deterministic corpus of bike sentences for `bench encode`, about as long as real product descriptions.
enum BenchCorpus {
    private static let openings = [
        "This lightweight trail bike", "Our city commuter", "The folding e-bike", "A sturdy kids' bike",
        "This carbon road racer", "The gravel explorer", "An upright Dutch-style cruiser", "The full-suspension enduro rig",
    ]
    private static let middles = [
        "climbs steep forest paths without fuss", "rolls on puncture-resistant 700c tyres",
        "has a 500 Wh battery that lasts about 80 km", "comes with mudguards, a rack and dynamo lights",
        "uses a 1x12 drivetrain with a wide-range cassette", "weighs just 7.9 kg in size medium",
        "fits riders from 120 to 145 cm tall", "stops cleanly thanks to four-piston hydraulic brakes",
    ]
    private static let endings = [
        "and is ideal for weekend adventures.", "so your daily ride stays dry and comfortable.",
        "while the relaxed geometry keeps your back happy on long days.",
        "and the frame carries a lifetime warranty against defects.",
        "which makes it a favourite with first-time riders and their parents.",
        "and it folds in under ten seconds to fit under a desk or on a crowded train.",
    ]

    static func sentences(count: Int) -> [String] {
        var state: UInt64 = 0x5EED_B1CE
        func next(_ bound: Int) -> Int {
            // A 64-bit LCG is plenty for picking phrases, and the same on every machine.
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            let parts = 1 + next(3)
            return (0..<parts).map { _ in
                "\(openings[next(openings.count)]) \(middles[next(middles.count)]) \(endings[next(endings.count)])"
            }.joined(separator: " ")
        }
    }
}
