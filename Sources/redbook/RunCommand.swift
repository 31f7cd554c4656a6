import ArgumentParser

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a notebook and record each block's output in place.")

    func run() throws {
        throw ValidationError("'redbook run' is not built yet")
    }
}
