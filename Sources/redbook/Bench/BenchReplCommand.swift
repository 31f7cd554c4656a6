import ArgumentParser
import Foundation
import RedbookREPL
import RedbookRedis

struct BenchReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Measure the REPL through a pseudo-terminal: start-up, PING and a KNN search of an encoded question.",
        discussion: """
            Starts `redbook repl` on a pseudo-terminal and times, from Enter to the reply on screen: PING, \
            beside the same PING sent straight over a connection of its own (the client's round trip), and \
            a KNN FT.SEARCH whose vector is `\\(encode("…"))` of a new question each time, on the tutorial's \
            index (loaded first with `:load`). Start-up is the time from launch to the first prompt with \
            the embedded server. Prints medians.
            """
    )

    @Option(help: "Timed entries of each kind.")
    var entries = 200

    @Option(help: "Start-ups to time.")
    var starts = 5

    @Option(help: "The tutorial notebook whose index the KNN entry searches.")
    var notebook = "notebooks/vector-database.md"

    func validate() throws {
        guard entries > 0, starts > 0 else { throw ValidationError("--entries and --starts must be positive") }
        guard FileManager.default.fileExists(atPath: notebook) else {
            throw ValidationError("no notebook at \(notebook); run from the project folder or pass --notebook")
        }
    }

    func run() throws {
        let program = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let history = ["REDBOOK_HISTFILE": FileManager.default.temporaryDirectory.appendingPathComponent("redbook-bench-history").path]
        let clock = ContinuousClock()

        var startTimes = [Double]()
        for _ in 0..<starts {
            let begin = clock.now
            let terminal = try PseudoTerminal(program: program, ["repl"], environment: history)
            try terminal.waitFor("> ")
            startTimes.append((clock.now - begin).seconds)
            terminal.type(":quit\r")
            _ = try terminal.waitForExit()
        }

        let terminal = try PseudoTerminal(program: program, ["repl"], environment: history)
        try terminal.waitFor("> ")
        try terminal.enter(":load \(notebook)", expecting: "loaded \(notebook)")
        let port = try Self.port(in: terminal.output)

        func timed(_ line: (Int) -> String, reply: String) throws -> [Double] {
            var times = [Double]()
            for index in 0..<(entries + 5) {
                // The editor takes the line key by key first; the clock starts at Enter.
                terminal.type(line(index))
                terminal.settle()
                let start = terminal.mark
                let begin = clock.now
                terminal.type("\r")
                let end = try terminal.waitFor(reply, after: start)
                let elapsed = (clock.now - begin).seconds
                try terminal.waitFor("> ", after: try terminal.waitFor("\n127.0.0.1:", after: end))
                if index >= 5 { times.append(elapsed) }
            }
            return times
        }
        let ping = try timed({ _ in "PING" }, reply: "PONG")
        let knn = try timed({ index in
            #"FT.SEARCH idx:bikes_vss "(*)=>[KNN 3 @vector $v AS score]" PARAMS 2 v \(encode("a light bike for a child, question \#(index)")) RETURN 1 model DIALECT 2"#
        }, reply: "Matched: 3")

        let connection = try RedisConnection(url: RedisURL(host: "127.0.0.1", port: port))
        var direct = [Double]()
        for index in 0..<(entries + 5) {
            let begin = clock.now
            _ = try connection.call("PING")
            if index >= 5 { direct.append((clock.now - begin).seconds) }
        }
        terminal.type(":quit\r")
        _ = try terminal.waitForExit()

        func ms(_ values: [Double]) -> String { String(format: "%.3f ms", Self.median(values) * 1000) }
        print("start-up to the first prompt   \(ms(startTimes)) (median of \(starts), embedded server)")
        print("PING through the REPL          \(ms(ping)) (median of \(entries), Enter to reply on screen)")
        print("PING over a plain connection   \(ms(direct)) (the client's own round trip)")
        print("REPL overhead on PING          \(String(format: "%.3f ms", (Self.median(ping) - Self.median(direct)) * 1000))")
        print("KNN of an encoded question     \(ms(knn)) (median of \(entries), a new question each time)")
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func port(in output: String) throws -> Int {
        guard let match = output.firstMatch(of: /127\.0\.0\.1:(\d+)>/), let port = Int(match.1) else {
            throw ValidationError("the REPL showed no embedded server's prompt")
        }
        return port
    }
}
