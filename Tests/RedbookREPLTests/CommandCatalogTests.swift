import RedbookREPL
import RedbookRedis
import RedbookTestSupport
import Testing

/// The catalog read from the embedded server's own `COMMAND DOCS`, and from replies of odd shapes.
@Suite struct CommandCatalogTests {
    private func catalog() throws -> CommandCatalog {
        try CommandCatalog.load(from: TestRedis.connection())
    }

    @Test func theServersDocsNameCoreAndModuleCommands() throws {
        let names = try catalog().names
        for name in ["FT.SEARCH", "FT.CREATE", "JSON.SET", "SET", "HSET"] {
            #expect(names.contains(name), "\(name) is missing")
        }
        #expect(names == names.sorted())
        #expect(names.allSatisfy { $0 == $0.uppercased() })
        #expect(!names.contains { $0.contains(" ") || $0.contains("|") })
    }

    @Test func lookupIgnoresCaseAndFindsSubcommands() throws {
        let catalog = try catalog()
        let set = try #require(catalog.command(named: "sEt"))
        #expect(set.name == "SET")
        #expect(set.group == "string")
        #expect(set.since == "1.0.0")
        #expect(set.arguments.map(\.name).prefix(2) == ["key", "value"])
        #expect(catalog.command(named: "config get")?.name == "CONFIG GET")
        #expect(catalog.command(named: "CONFIG|GET")?.name == "CONFIG GET")
        #expect(catalog.command(named: "CONFIG")?.subcommands.contains { $0.name == "CONFIG SET" } == true)
        // Docs nested too deeply for hiredis in one reply are still found, batch by batch.
        #expect(catalog.command(named: "CLIENT LIST")?.arguments.isEmpty == false)
        #expect(catalog.names.contains("BITFIELD"))
        #expect(catalog.names.contains("GEOSEARCH"))
        #expect(catalog.command(named: "no-such-command") == nil)
        #expect(catalog.command(named: "") == nil)
    }

    @Test func helpShowsUsageSummaryVersionAndGroup() throws {
        let catalog = try catalog()
        let summary = try #require(catalog.command(named: "SET")?.summary)
        let help = try #require(catalog.help(for: "set"))
        let lines = help.split(separator: "\n").map { line in line.drop { $0 == " " } }
        #expect(lines.first?.hasPrefix("SET key value [NX|XX] [GET]") == true)
        #expect(help.contains(summary))
        #expect(help.contains("since: 1.0.0"))
        #expect(help.contains("group: string"))
        #expect(catalog.help(for: "NOPE") == nil)
        #expect(catalog.help(for: "CONFIG")?.contains("CONFIG GET parameter [parameter ...]") == true)
    }

    @Test func usageIsTheNameAndTheWholeSyntax() throws {
        let catalog = try catalog()
        #expect(catalog.usage(of: "get") == "GET key")
        #expect(catalog.usage(of: "MGET") == "MGET key [key ...]")
        #expect(catalog.usage(of: "HSET") == "HSET key field value [field value ...]")
        #expect(catalog.usage(of: "FT._LIST") == "FT._LIST")
        #expect(catalog.usage(of: "JSON.SET") == "JSON.SET key path value [NX|XX]")
        #expect(catalog.usage(of: "missing") == nil)
    }

    @Test func moduleCommandsGetTheSupplementOnlyWhereTheServerIsSilent() throws {
        let catalog = try catalog()
        let search = try #require(catalog.command(named: "ft.search"))
        #expect(search.group == "module")
        #expect(search.summary != nil)
        #expect(search.arguments.map(\.name).prefix(2) == ["index", "query"])
        #expect(catalog.command(named: "JSON.DEL")?.arguments.map(\.name) == ["key", "path"])

        // A server that does describe the arguments keeps its own description.
        let own = CommandCatalog.Command(name: "json.del", summary: "Mine", arguments: [.init(name: "only", kind: .key)])
        let described = CommandCatalog(commands: [own])
        #expect(described.command(named: "JSON.DEL")?.arguments.map(\.name) == ["only"])
        #expect(described.command(named: "JSON.DEL")?.summary == "Mine")
    }

    @Test func oddRepliesGiveAnEmptyOrPartialCatalog() {
        #expect(CommandCatalog(docs: .array([])).names.isEmpty)
        #expect(CommandCatalog(docs: .status("OK")).names.isEmpty)
        #expect(CommandCatalog(docs: .null).names.isEmpty)
        #expect(CommandCatalog(docs: .error("ERR unknown subcommand")).names.isEmpty)
        #expect(CommandCatalog(docs: .array([.bulk(Array("get".utf8))])).names.isEmpty)

        let odd = CommandCatalog(docs: .array([
            .bulk(Array("get".utf8)), .integer(3),                 // a document that is not a map
            .array([]), .array([]),                                // a name that is not text
            .bulk(Array("ping".utf8)), .array([
                .bulk(Array("summary".utf8)), .array([]),          // a summary that is not text
                .bulk(Array("arguments".utf8)), .bulk(Array("x".utf8)),
            ]),
            .bulk(Array("echo".utf8)), .array([
                .bulk(Array("since".utf8)), .bulk(Array("1.0.0".utf8)),
                .bulk(Array("arguments".utf8)), .array([
                    .array([.bulk(Array("type".utf8)), .bulk(Array("string".utf8))]),   // no name
                    .integer(7),
                    .array([
                        .bulk(Array("name".utf8)), .bulk(Array("message".utf8)),
                        .bulk(Array("type".utf8)), .bulk(Array("some-new-type".utf8)),
                        .bulk(Array("flags".utf8)), .status("optional"),
                    ]),
                ]),
                .bulk(Array("dangling".utf8)),
            ]),
            .bulk(Array("trailing".utf8)),
        ]))
        #expect(odd.names == ["ECHO", "GET", "PING"])
        #expect(odd.command(named: "GET")?.arguments == [])
        #expect(odd.command(named: "PING")?.summary == nil)
        #expect(odd.usage(of: "ECHO") == "ECHO [message]")
        #expect(odd.command(named: "ECHO")?.arguments.first?.kind == .string)
        #expect(odd.command(named: "ECHO")?.since == "1.0.0")
        #expect(odd.hint(forTyped: ["GET"]) == nil)
    }
}
