import ArgumentParser
import RedbookEncoder
import RedbookREPL
import Foundation
import RedbookRedis
import RedbookServer

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the Redis server, its modules, the model and the libraries.",
        discussion: "Prints what it finds and exits non-zero, with a hint, when a part is missing."
    )

    @OptionGroup var redisOptions: RedisOptions

    @Option(name: .long, help: ArgumentHelp("Model folder to check; default: $REDBOOK_MODEL, else the cached all-MiniLM-L6-v2.", valueName: "DIR"))
    var model: String?

    func run() throws {
        var report = DoctorReport()
        report.line("redbook", RedbookVersion.current)
        report.line("hiredis", RedisClientInfo.hiredisVersion)
        report.line("libedit", "\(LineEditorInfo.version) (API version)")
        let home = RedbookHome.current
        report.line("cache", home.directory.path)
        checkRedis(&report)
        checkModel(&report, folder: model.map { URL(fileURLWithPath: $0) } ?? home.selectedModel)
        reportMatrices(&report)
        print(report.text, terminator: "")
        if !report.problems.isEmpty {
            for problem in report.problems { FileHandle.standardError.write(Data("doctor: \(problem)\n".utf8)) }
            throw ExitCode.failure
        }
    }

    private func checkRedis(_ report: inout DoctorReport) {
        let target: RedisTarget
        do {
            target = try redisOptions.open()
        } catch {
            report.line("redis", "unavailable")
            report.problem("\(error)")
            return
        }
        defer { target.close() }
        do {
            let version = try ServerModules.redisVersion(target.connection)
            report.line("redis", "\(version) (\(target.label))")
            let parts = version.split(separator: ".").compactMap { Int($0) }
            if parts.count >= 2, (parts[0], parts[1]) < (7, 2) {
                report.problem("Redis \(version) is older than the Search module needs (7.2 or newer)")
            }
            let modules = try ServerModules.list(target.connection).sorted { $0.name.lowercased() < $1.name.lowercased() }
            for module in modules {
                report.line("  module", "\(module.name) \(module.versionText)")
            }
            for required in ["search", "ReJSON"] where !modules.contains(where: { $0.name == required }) {
                report.problem("the server has no '\(required)' module; use Redis 8 or Redis Stack, or run without --redis for the embedded server")
            }
        } catch {
            report.problem("\(target.explain(error))")
        }
    }

    /// The encoder's matrix path here, and whether the opt-in bfloat16 one could run.
    private func reportMatrices(_ report: inout DoctorReport) {
        let path = MatrixPath.standard
        report.line("matrices", "\(path.rawValue): \(path.summary)")
        if path != .bfloat16, MatrixPath.bfloat16.runnable == .bfloat16 {
            report.line("", "REDBOOK_MATMUL=bf16 runs here (opt-in, see docs/encoder.md)")
        }
    }

    private func checkModel(_ report: inout DoctorReport, folder: URL) {
        let config = folder.appendingPathComponent("config.json")
        guard let data = FileManager.default.contents(atPath: config.path) else {
            report.line("model", "missing (\(folder.path))")
            report.problem("no model at \(folder.path); run `scripts/bootstrap` for the default model, or pass --model DIR")
            return
        }
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        let dimension = (json?["hidden_size"] ?? json?["dim"]) as? Int
        let weights = FileManager.default.fileExists(atPath: folder.appendingPathComponent("model.safetensors").path)
        report.line("model", "\(folder.path) (\(dimension.map { "\($0) dims" } ?? "unknown dimension"))")
        if !weights { report.problem("\(folder.path) has no model.safetensors") }
    }
}

/// The lines `redbook doctor` prints, aligned, and the problems it found.
private struct DoctorReport {
    private(set) var text = ""
    private(set) var problems: [String] = []

    mutating func line(_ label: String, _ value: String) {
        text += label.padding(toLength: 10, withPad: " ", startingAt: 0) + value + "\n"
    }

    mutating func problem(_ message: String) {
        problems.append(message)
    }
}
