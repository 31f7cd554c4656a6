import RedbookSession
import Testing

/// Which commands count as destroying or reconfiguring a server.
@Suite struct DestructiveCommandTests {
    private func danger(_ words: String..., keys: Int? = nil) -> String? {
        DestructiveCommand.danger(of: words.map { Array($0.utf8) }) { keys }
    }

    @Test(arguments: [["flushall"], ["FLUSHDB", "ASYNC"], ["shutdown", "nosave"], ["config", "set", "x", "y"],
                      ["CONFIG", "REWRITE"], ["debug", "sleep", "1"], ["MODULE", "LOAD", "/x.so"], ["SWAPDB", "0", "1"],
                      ["FT.DROPINDEX", "idx", "dd"], ["ACL", "SETUSER", "bob"], ["REPLICAOF", "h", "1"], ["SCRIPT", "FLUSH"],
                      ["CLIENT", "KILL", "ID", "3"], ["EVAL", "return redis.call('flushdb')", "0"]])
    func destroysOrReconfigures(_ words: [String]) {
        #expect(DestructiveCommand.danger(of: words.map { Array($0.utf8) }) { nil } != nil, "\(words)")
    }

    @Test(arguments: [["GET", "k"], ["CONFIG", "GET", "maxmemory"], ["MODULE", "LIST"], ["FT.DROPINDEX", "idx"],
                      ["ACL", "WHOAMI"], ["CLIENT", "SETNAME", "x"], ["EVAL", "return redis.call('get', KEYS[1])", "1", "k"],
                      ["FT.SEARCH", "idx", "FLUSHALL"], ["SET", "FLUSHDB", "1"]])
    func isAnOrdinaryCommand(_ words: [String]) {
        #expect(DestructiveCommand.danger(of: words.map { Array($0.utf8) }) { nil } == nil, "\(words)")
    }

    @Test func keysCountsOnlyPastTheLargeKeyspace() {
        #expect(danger("KEYS", "*", keys: DestructiveCommand.largeKeyspace) == nil)
        #expect(danger("KEYS", "*", keys: nil) == nil)
        #expect(danger("keys", "*", keys: DestructiveCommand.largeKeyspace + 1) == "walks all 10001 keys at once and stalls the server (use SCAN, or the keys(…) step)")
    }
}
