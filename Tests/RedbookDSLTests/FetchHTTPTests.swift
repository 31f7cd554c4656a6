import Foundation
import Testing
@testable import RedbookDSL

/// `fetch` of http URLs against a real server on loopback.
@Suite struct FetchHTTPTests {
    static let bikes = #"[{"model": "Velo", "price": 1200}]"#

    @Test func okBodyIsDeliveredThenServedFromTheCacheWithoutTheNetwork() throws {
        let folder = try FetchTemporaryFolder()
        let server = try FetchTestServer(routes: ["/bikes.json": .ok(Self.bikes)])
        let url = server.url("/bikes.json")

        let first = try folder.fetcher().fetch(url)
        #expect(first.bytes == Array(Self.bikes.utf8))
        #expect(first.source == url)
        #expect(first.fromCache == false)
        #expect(server.requests(to: "/bikes.json") == 1)

        server.stop()
        let second = try folder.fetcher().fetch(url)
        #expect(second.bytes == first.bytes)
        #expect(second.fromCache == true)
        #expect(server.requests(to: "/bikes.json") == 1)
    }

    @Test func redirectsAreFollowedAndCachedUnderTheURLAsWritten() throws {
        let folder = try FetchTemporaryFolder()
        let server = try FetchTestServer(routes: ["/old.json": .redirect(to: "/bikes.json"), "/bikes.json": .ok(Self.bikes)])
        let url = server.url("/old.json")
        #expect(try folder.fetcher().fetch(url).bytes == Array(Self.bikes.utf8))
        #expect(server.requests(to: "/bikes.json") == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.cache.path) == [FetchCache.entryName(for: url)])
    }

    @Test func cacheFolderIsPrivateAndEntriesAreNamedForPeople() throws {
        let folder = try FetchTemporaryFolder()
        let server = try FetchTestServer(routes: ["/data/bikes.json": .ok(Self.bikes)])
        let url = server.url("/data/bikes.json")
        _ = try folder.fetcher().fetch(url)

        let mode = try FileManager.default.attributesOfItem(atPath: folder.cache.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.cache.path)
        #expect(entries == [FetchCache.entryName(for: url)])
        #expect(entries.first?.hasSuffix("-127.0.0.1_\(server.port)_data_bikes.json") == true)
        let stored = try Data(contentsOf: folder.cache.appendingPathComponent(entries[0]))
        #expect(Array(stored) == Array(Self.bikes.utf8))
    }

    @Test func entryNamesAreStableHashesWithASanitizedTail() {
        #expect(FetchCache.fnv1a64([]) == 0xcbf2_9ce4_8422_2325)
        #expect(FetchCache.fnv1a64(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FetchCache.fnv1a64(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
        #expect(FetchCache.entryName(for: "https://example.com/stations.json") == "6d570b9bda0a507b-example.com_stations.json")
        let name = FetchCache.entryName(for: "https://example.com/data/bikes.json?page=2")
        #expect(name.hasSuffix("-example.com_data_bikes.json_page_2"))
        #expect(name.prefix(16).allSatisfy { $0.isHexDigit })
        #expect(FetchCache.entryName(for: "https://example.com/a") != FetchCache.entryName(for: "https://example.com/b"))
        let long = FetchCache.entryName(for: "https://example.com/" + String(repeating: "x", count: 300))
        #expect(long.count == 16 + 1 + 48)
    }

    @Test func notFoundNamesTheURLAndTheStatus() throws {
        let folder = try FetchTemporaryFolder()
        let server = try FetchTestServer(routes: [:])
        let url = server.url("/missing.json")
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch(url) }
        #expect(error.kind == .httpStatus(404))
        #expect(error.message == "\(url): HTTP 404 Not Found")
        #expect(error.hint == "check the URL; open it in a browser to see what the server has there")
        #expect(!FileManager.default.fileExists(atPath: folder.cache.path))
    }

    @Test func serverErrorNamesTheURLAndTheStatus() throws {
        let folder = try FetchTemporaryFolder()
        let server = try FetchTestServer(routes: [
            "/broken": .answer(status: 500, reason: "Internal Server Error", body: Array("oops".utf8)),
        ])
        let url = server.url("/broken")
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch(url) }
        #expect(error.kind == .httpStatus(500))
        #expect(error.description == "\(url): HTTP 500 Internal Server Error\nhint: the server failed to answer; try again later, or tell whoever runs it")
        // A failed answer is not cached: the next run asks again.
        _ = try? folder.fetcher().fetch(url)
        #expect(server.requests(to: "/broken") == 2)
    }

    @Test func silentServerTimesOutAfterTheTimeout() throws {
        let folder = try FetchTemporaryFolder()
        let server = try FetchTestServer(routes: ["/slow": .silent(seconds: 10)])
        defer { server.stop() }
        let url = server.url("/slow")
        let start = ContinuousClock.now
        let error = try #require(throws: FetchError.self) { try folder.fetcher(timeout: .seconds(1)).fetch(url) }
        let elapsed = ContinuousClock.now - start
        #expect(error.kind == .timedOut)
        #expect(error.message == "\(url): timed out after 1 s")
        #expect(elapsed >= .milliseconds(900))
        #expect(elapsed < .seconds(4))
    }

    @Test func steadyTransferLongerThanTheTimeoutIsNotCutOff() throws {
        let folder = try FetchTemporaryFolder()
        // Pauses well under the timeout, so a busy machine's scheduling delays cannot reach it,
        // while the whole transfer takes longer than the timeout.
        let pieces = (0..<9).map { [UInt8](repeating: UInt8($0), count: 10) }
        let server = try FetchTestServer(routes: ["/steady": .trickle(pieces: pieces, pause: 0.3)])
        let start = ContinuousClock.now
        let data = try folder.fetcher(timeout: .seconds(2)).fetch(server.url("/steady"))
        #expect(ContinuousClock.now - start > .seconds(2.2))
        #expect(data.bytes == pieces.flatMap { $0 })
    }

    @Test func connectionClosedWithoutAnAnswerIsAConnectionError() throws {
        let folder = try FetchTemporaryFolder()
        let server = try FetchTestServer(routes: ["/hangup": .hangUp])
        let url = server.url("/hangup")
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch(url) }
        #expect(error.kind == .connection)
        #expect(error.message.hasPrefix("\(url): "))
        #expect(error.message.count > "\(url): ".count)
    }

    @Test func connectionRefusedGivesTheSystemsReason() throws {
        let folder = try FetchTemporaryFolder()
        let url = "http://127.0.0.1:\(try FetchTestServer.unusedPort())/bikes.json"
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch(url) }
        #expect(error.kind == .connection)
        // The reason is the system's own words, such as curl's "Couldn't connect to server".
        #expect(error.message.hasPrefix("\(url): "))
        #expect(error.message.lowercased().contains("connect"))
        #expect(error.hint == "check the host and port, and that the server is running")
    }

    @Test func credentialsAreSentButNeverShown() throws {
        let folder = try FetchTemporaryFolder()
        let server = try FetchTestServer(routes: [:])
        let url = server.url("/private.json", credentials: "anna:hunter2")
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch(url) }
        #expect(error.message == "http://***@127.0.0.1:\(server.port)/private.json: HTTP 404 Not Found")
        #expect(!error.description.contains("hunter2"))
        #expect(!error.description.contains("anna"))
        let sent = server.lastHeaders(for: "/private.json")["authorization"]
        #expect(sent == "Basic " + Data("anna:hunter2".utf8).base64EncodedString())
    }

    @Test func credentialsAreHiddenInConnectionAndOfflineErrorsAndResults() throws {
        let folder = try FetchTemporaryFolder()
        let refused = "http://anna:hunter2@127.0.0.1:\(try FetchTestServer.unusedPort())/x.json"
        let connection = try #require(throws: FetchError.self) { try folder.fetcher().fetch(refused) }
        #expect(!connection.description.contains("hunter2"))
        #expect(connection.message.hasPrefix("http://***@127.0.0.1:"))
        let offline = try #require(throws: FetchError.self) { try folder.fetcher(offline: true).fetch(refused) }
        #expect(!offline.description.contains("hunter2"))

        let server = try FetchTestServer(routes: ["/bikes.json": .ok(Self.bikes)])
        let data = try folder.fetcher().fetch(server.url("/bikes.json", credentials: "anna:hunter2"))
        #expect(data.source == "http://***@127.0.0.1:\(server.port)/bikes.json")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.cache.path)
        #expect(entries == [FetchCache.entryName(for: server.url("/bikes.json"))])
    }

    @Test func offlineServesWhatTheCacheHolds() throws {
        let folder = try FetchTemporaryFolder()
        let server = try FetchTestServer(routes: ["/bikes.json": .ok(Self.bikes)])
        let url = server.url("/bikes.json")
        _ = try folder.fetcher().fetch(url)
        let data = try folder.fetcher(offline: true).fetch(url)
        #expect(data.fromCache)
        #expect(data.bytes == Array(Self.bikes.utf8))
        #expect(server.requests(to: "/bikes.json") == 1)
    }

    @Test func offlineMissSaysHowToFillTheCache() throws {
        let folder = try FetchTemporaryFolder()
        let server = try FetchTestServer(routes: ["/bikes.json": .ok(Self.bikes)])
        let url = server.url("/bikes.json")
        let error = try #require(throws: FetchError.self) { try folder.fetcher(offline: true).fetch(url) }
        #expect(error.kind == .notCached)
        #expect(error.message == "\(url) is not in the cache, and --offline forbids downloading it")
        #expect(error.hint == "run once without --offline to download it into \(folder.cache.path)")
        #expect(server.requests(to: "/bikes.json") == 0)
    }

    @Test func declaredBodyOverTheLimitIsRefusedAndNotCached() throws {
        let folder = try FetchTemporaryFolder()
        let body = [UInt8](repeating: 7, count: 5000)
        let server = try FetchTestServer(routes: ["/big": .answer(status: 200, reason: "OK", body: body)])
        let url = server.url("/big")
        let error = try #require(throws: FetchError.self) { try folder.fetcher(maximumBytes: 4096).fetch(url) }
        #expect(error.kind == .tooLarge)
        #expect(error.message == "\(url) is larger than the 4096 bytes limit")
        #expect(error.hint == "fetch reads at most 4096 bytes; check that this is the data you meant")
        #expect(!FileManager.default.fileExists(atPath: folder.cache.path))
        #expect(try folder.fetcher(maximumBytes: 5000).fetch(url).bytes == body)
    }

    @Test func unsizedBodyIsCutOffAtTheLimit() throws {
        let folder = try FetchTemporaryFolder()
        let body = [UInt8](repeating: 1, count: 300_000)
        let server = try FetchTestServer(routes: ["/stream": .unsized(body: body)])
        let error = try #require(throws: FetchError.self) {
            try folder.fetcher(maximumBytes: 100_000).fetch(server.url("/stream"))
        }
        #expect(error.kind == .tooLarge)
        #expect(try folder.fetcher().fetch(server.url("/stream")).bytes == body)
    }

    @Test func invalidURLIsRefusedBeforeAnyRequest() throws {
        let folder = try FetchTemporaryFolder()
        let error = try #require(throws: FetchError.self) { try folder.fetcher().fetch("https:///bikes.json") }
        #expect(error.kind == .invalidURL)
        #expect(error.message == "'https:///bikes.json' is not a valid URL")
    }

    @Test func defaultCacheFolderFollowsTheEnvironment() {
        let home = URL(fileURLWithPath: "/home/anna", isDirectory: true)
        func folder(_ environment: [String: String]) -> String {
            FetchSettings.defaultCacheFolder(environment: environment, home: home).path
        }
        #expect(folder([:]) == "/home/anna/.cache/redbook/fetch")
        #expect(folder(["XDG_CACHE_HOME": "/var/cache/anna"]) == "/var/cache/anna/redbook/fetch")
        #expect(folder(["REDBOOK_HOME": "/opt/redbook", "XDG_CACHE_HOME": "/var/cache/anna"]) == "/opt/redbook/fetch")
        #expect(folder(["REDBOOK_HOME": "", "XDG_CACHE_HOME": ""]) == "/home/anna/.cache/redbook/fetch")
    }

    @Test func redactionFindsCredentialsOnlyInTheAuthority() {
        #expect(WebAddress.redact("https://u:p@host/x") == "https://***@host/x")
        #expect(WebAddress.redact("https://token@host:8080/x") == "https://***@host:8080/x")
        #expect(WebAddress.redact("https://a@b:c@host/x") == "https://***@host/x")
        #expect(WebAddress.redact("https://host/people/@anna") == "https://host/people/@anna")
        #expect(WebAddress.redact("https://host?to=a@b") == "https://host?to=a@b")
        #expect(WebAddress.redact("data/bikes.json") == "data/bikes.json")
    }
}
