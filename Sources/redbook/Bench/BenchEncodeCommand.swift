import ArgumentParser

struct BenchEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "encode", abstract: "Measure the encoder's throughput on a corpus.")

    func run() throws {
        throw ValidationError("'redbook encode' is not built yet")
    }
}
