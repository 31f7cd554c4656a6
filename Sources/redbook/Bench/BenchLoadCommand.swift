import ArgumentParser
import Foundation
import RedbookRedis
import RedbookServer

struct BenchLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Store synthetic bike documents with pipelined JSON.SET.",
        discussion: """
            Each document holds text fields and a 384-float embedding (about 8.7 KB of JSON), like the \
            tutorial's bikes after embedding. Prints documents per second, megabytes per second and peak RSS.
            """
    )

    @Option(help: "How many documents to store.")
    var docs = 10_000

    @Option(help: "Commands written before their replies are read.")
    var chunk = 1_000

    @OptionGroup var redisOptions: RedisOptions

    func validate() throws {
        guard docs > 0 else { throw ValidationError("--docs must be positive") }
        guard chunk > 0 else { throw ValidationError("--chunk must be positive") }
    }

    func run() throws {
        let target = try redisOptions.open()
        defer { target.close() }
        let prefix = "redbook:bench:\(ProcessInfo.processInfo.processIdentifier):"
        let generator = SyntheticBikes(seed: 42)
        let commands = (0..<docs).map { index in
            RedisCommand(arguments: [Array("JSON.SET".utf8), Array("\(prefix)\(index)".utf8), [UInt8(ascii: "$")], generator.document(index)])
        }
        let bytes = commands.reduce(0) { $0 + $1.arguments[3].count }

        let clock = ContinuousClock()
        let start = clock.now
        let replies: [Reply]
        do {
            replies = try target.connection.pipeline(commands, chunkSize: chunk)
        } catch {
            throw target.explain(error)
        }
        let elapsed = clock.now - start
        if let failed = replies.first(where: \.isError) {
            throw ValidationError("JSON.SET failed: \(failed.string ?? "\(failed)")")
        }
        if target.embedded == nil {
            // Leave a user's server as it was.
            _ = try? target.connection.pipeline(commands.map { RedisCommand(arguments: [Array("UNLINK".utf8), $0.arguments[1]]) })
        }
        let seconds = elapsed.seconds
        print("documents   \(docs) (\(String(format: "%.1f", Double(bytes) / Double(docs) / 1024)) KB each)")
        print("server      \(target.label)")
        print("time        \(String(format: "%.3f", seconds)) s")
        print("docs/s      \(String(format: "%.0f", Double(docs) / seconds))")
        print("MB/s        \(String(format: "%.1f", Double(bytes) / seconds / 1_000_000))")
        print("peak RSS    \(ProcessMemory.peakResidentMegabytes().map { String(format: "%.0f MB", $0) } ?? "unknown")")
    }
}

/// Deterministic bike-like JSON documents for the load benchmark.
struct SyntheticBikes {
    private let seed: UInt64
    private static let brands = ["Ridgeline", "Cobaltworks", "Tandemly", "Spokewise", "Lumen Cycles", "Hollowgear"]
    private static let types = ["Mountain bikes", "Kids bikes", "Road bikes", "Commuter bikes", "eBikes", "Enduro bikes"]
    private static let phrases = [
        "A light aluminium frame keeps the climbs easy", "hydraulic disc brakes stop it cleanly in the wet",
        "the wide tyres soak up gravel and roots", "a low step-through frame suits riders of every height",
        "its belt drive needs almost no care", "the geometry is relaxed for long days in the saddle",
        "a dropper post lowers the saddle for steep descents", "mudguards and a rack come fitted for the commute",
    ]

    init(seed: UInt64) {
        self.seed = seed
    }

    func document(_ index: Int) -> [UInt8] {
        var random = SplitMix64(state: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let brand = Self.brands[Int(random.next() % UInt64(Self.brands.count))]
        let type = Self.types[Int(random.next() % UInt64(Self.types.count))]
        let description = (0..<6).map { _ in Self.phrases[Int(random.next() % UInt64(Self.phrases.count))] }
            .joined(separator: "; ")
        var json = #"{"model":"Model \#(index)","brand":"\#(brand)","price":\#(200 + random.next() % 4800),"#
        json += #""type":"\#(type)","specs":{"material":"aluminium","weight":"\#(8 + random.next() % 12)"},"#
        json += #""description":"\#(description).","description_embeddings":["#
        for dimension in 0..<384 {
            if dimension > 0 { json += "," }
            // Values shaped like a normalized embedding: about ±0.05, printed with full float precision.
            let value = (Double(random.next() % 2_000_001) / 1_000_000 - 1) * 0.05
            json += "\(Double(Float(value)))"
        }
        json += "]}"
        return Array(json.utf8)
    }
}

/// A small, fast, seedable generator, so benchmark data is the same on every run.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
