import ArgumentParser

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doctor", abstract: "Check the Redis server, its modules, the model and the libraries.")

    func run() throws {
        throw ValidationError("'redbook doctor' is not built yet")
    }
}
