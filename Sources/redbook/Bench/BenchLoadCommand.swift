import ArgumentParser

struct BenchLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Store synthetic bike documents with pipelined JSON.SET.")

    func run() throws {
        throw ValidationError("'redbook load' is not built yet")
    }
}
