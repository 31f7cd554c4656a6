// redbook-fuzz TARGET [libFuzzer options] [CORPUS...]
//
// In a build made by scripts/fuzz the chosen target runs under libFuzzer. In any other build the
// files named after the target are replayed through it once each, so a saved crash can be
// reproduced, and without files the program says how to fuzz.
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
let program = CommandLine.arguments.first ?? "redbook-fuzz"

if arguments.first == "--list" {
    for target in FuzzTarget.all { print("\(target.name)\t\(target.summary)") }
    exit(0)
}

let chosen: FuzzTarget
if let first = arguments.first, let target = FuzzTarget.named(first) {
    arguments.removeFirst()
    chosen = target
} else if let name = ProcessInfo.processInfo.environment[FuzzTarget.environmentKey], let target = FuzzTarget.named(name) {
    // libFuzzer starts copies of this program (-fork, -jobs, -minimize_crash) with its own
    // options only, so the target travels in the environment.
    chosen = target
} else {
    let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: \(program) TARGET [libFuzzer options] [CORPUS...]\ntargets: \(names)\n".utf8))
    exit(2)
}

if LibFuzzer.isLinked {
    setenv(FuzzTarget.environmentKey, chosen.name, 1)
    exit(LibFuzzer.run(chosen, program: program, options: arguments))
}

let files = arguments.filter { !$0.hasPrefix("-") }
guard !files.isEmpty else {
    FileHandle.standardError.write(Data("""
        \(program): this build has no fuzzer linked in; run `scripts/fuzz \(chosen.name) SECONDS` to fuzz,
        or name input files to run each through the \(chosen.name) target once.

        """.utf8))
    exit(2)
}
for file in files {
    guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("\(program): cannot read \(file)\n".utf8))
        exit(1)
    }
    chosen.run(Array(data))
    print("ok \(file)")
}
