import RedbookREPL
import RedbookTestSupport
import Testing

/// What Tab offers, with names given as plain lists.
@Suite struct CompleterTests {
    private static let commands = ["FT.SEARCH", "FT.SPELLCHECK", "SELECT", "SET", "SETEX", "SETNX", "GET", "JSON.SET"]

    @Test func theFirstWordCompletesCommandNamesInTheirCanonicalCase() {
        let completer = Completer(commandNames: Self.commands)
        for typed in ["FT.SE", "ft.se", "Ft.sE"] {
            let completion = completer.complete(typed, cursor: 5, mode: .redis)
            #expect(completion.candidates == ["FT.SEARCH"])
            #expect(completion.range == 0..<5)
            #expect(completion.commonPrefix == "FT.SEARCH")
        }
    }

    @Test func severalCandidatesShareTheirCommonPrefix() {
        let completion = Completer(commandNames: Self.commands).complete("se", cursor: 2, mode: .redis)
        #expect(completion.candidates == ["SELECT", "SET", "SETEX", "SETNX"])
        #expect(completion.commonPrefix == "SE")
        let sets = Completer(commandNames: Self.commands).complete("  set", cursor: 5, mode: .redis)
        #expect(sets.range == 2..<5)
        #expect(sets.candidates == ["SET", "SETEX", "SETNX"])
        #expect(sets.commonPrefix == "SET")
    }

    @Test func theRealCatalogsNamesComplete() throws {
        let names = try CommandCatalog.load(from: TestRedis.connection()).names
        let completion = Completer(commandNames: names).complete("ft.se", cursor: 5, mode: .redis)
        #expect(completion.candidates == ["FT.SEARCH"])
        let many = Completer(commandNames: names).complete("se", cursor: 2, mode: .redis)
        #expect(many.candidates.count > 3)
        #expect(many.candidates.contains("SET") && many.candidates.contains("SELECT"))
        #expect(many.commonPrefix == "SE")
    }

    @Test func laterWordsCompleteIndexNamesThenKeys() {
        var asked = [String]()
        let completer = Completer(
            commandNames: Self.commands,
            indexNames: { ["idx:docs", "idx:bikes", "other"] },
            keys: { prefix in
                asked.append(prefix)
                return ["Idx:1", "idx:docs", "nomatch"]
            }
        )
        let completion = completer.complete("FT.SEARCH ID", cursor: 12, mode: .redis)
        #expect(completion.range == 10..<12)
        #expect(completion.candidates == ["idx:bikes", "idx:docs", "Idx:1"])
        #expect(completion.commonPrefix == "idx:")
        #expect(asked == ["ID"])
    }

    @Test func theWordEndsAtTheCursor() {
        let completer = Completer(commandNames: Self.commands, keys: { _ in ["key:1", "key:2"] })
        let middle = completer.complete("GET ke SET", cursor: 6, mode: .redis)
        #expect(middle.range == 4..<6)
        #expect(middle.candidates == ["key:1", "key:2"])
        #expect(middle.commonPrefix == "key:")
        let afterSpace = completer.complete("GET ", cursor: 4, mode: .redis)
        #expect(afterSpace.range == 4..<4)
        #expect(afterSpace.candidates == ["key:1", "key:2"])
        let clamped = completer.complete("se", cursor: 99, mode: .redis)
        #expect(clamped.range == 0..<2)
        #expect(completer.complete("zz", cursor: 2, mode: .redis).candidates.isEmpty)
        #expect(completer.complete("zz", cursor: 2, mode: .redis).commonPrefix == "")
    }

    @Test func swiftModeCompletesStepAndVariableNames() {
        let completer = Completer(
            commandNames: Self.commands,
            swiftNames: ["embed", "embeddings", "search", "Embedder", "embed"]
        )
        let completion = completer.complete("let v = emb", cursor: 11, mode: .swift)
        #expect(completion.range == 8..<11)
        #expect(completion.candidates == ["Embedder", "embed", "embeddings"])
        #expect(completion.commonPrefix == "Embed")
        let call = completer.complete("search(q: sea", cursor: 13, mode: .swift)
        #expect(call.candidates == ["search"])
        #expect(call.range == 10..<13)
        #expect(completer.complete("x.emb", cursor: 5, mode: .swift).candidates.isEmpty)
        #expect(completer.complete("let n = 1e", cursor: 10, mode: .swift).candidates.isEmpty)
        #expect(completer.complete("", cursor: 0, mode: .swift).candidates.count == 4)
        // Swift mode never offers command names.
        #expect(completer.complete("SE", cursor: 2, mode: .swift).candidates == ["search"])
    }

    @Test func commonPrefixIgnoresCaseAndKeepsTheFirstCandidates() {
        #expect(Completion(range: 0..<0, candidates: ["User:1", "user:2"]).commonPrefix == "User:")
        #expect(Completion(range: 0..<0, candidates: ["abc"]).commonPrefix == "abc")
        #expect(Completion(range: 0..<0, candidates: ["abc", "xyz"]).commonPrefix == "")
        #expect(Completion(range: 0..<0, candidates: ["ab", "abc"]).commonPrefix == "ab")
    }
}
