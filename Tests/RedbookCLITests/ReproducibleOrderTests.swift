import Foundation
import RedbookTestSupport
import Testing

/// A notebook that loads its documents before it creates the index records the same text on
/// every run, although each `redbook run` starts a server of its own whose keyspace scan (and
/// so its internal document numbers) comes out in a different order.
@Suite struct ReproducibleOrderTests {
    static let brands = ["Quillback", "Ferrovia", "Lumo", "Kestrel"]
    static let prices = [240, 560, 720, 1450, 2300]
    /// Five distinct vectors, eight bikes each: every distance is shared by eight documents.
    static let vectors: [[Float]] = [[0.9, 0.1, 0, 0.3], [0.1, 0.9, 0, 0.2], [0.2, 0.1, 0.9, 0], [0, 0.3, 0, 0.95], [0.7, 0, 0.6, 0.1]]
    static let frames = ["steel", "carbon", "steel", "alloy", "carbon"]

    /// `vector` as FLOAT32 bytes written with redis-cli escapes.
    static func escaped(_ vector: [Float]) -> String {
        vector.map { value in
            withUnsafeBytes(of: value.bitPattern.littleEndian) { $0.map { String(format: "\\x%02x", $0) }.joined() }
        }.joined()
    }

    /// Prices repeat, but not in step with the vectors, brands or frames.
    static func price(_ number: Int) -> Int {
        prices[number % 3 == 0 ? (number / 3) % 5 : number % 5]
    }

    static var notebook: String {
        let documents = (1...40).map { number in
            let vector = vectors[number % 5].map { "\($0)" }.joined(separator: ",")
            let price = price(number)
            return """
                JSON.SET bike:\(number < 10 ? "0" : "")\(number) $ '{"model":"M\(number)","brand":"\(brands[number % 4])",\
                "price":\(price),"description":"A \(frames[number % 5]) frame bike","vector":[\(vector)]}'
                """
        }
        let query = escaped([1, 0.5, 0, 0])
        let blocks = [
            documents.joined(separator: "\n"),
            """
            FT.CREATE idx ON JSON PREFIX 1 bike: SCHEMA
              $.model AS model TAG $.brand AS brand TAG $.price AS price NUMERIC
              $.description AS description TEXT
              $.vector AS vector VECTOR FLAT 6 TYPE FLOAT32 DIM 4 DISTANCE_METRIC COSINE
            """,
            "FT.SEARCH idx * SORTBY price RETURN 2 brand price LIMIT 0 40",
            "FT.SEARCH idx @brand:{Lumo} SORTBY price DESC NOCONTENT",
            "FT.AGGREGATE idx * LOAD 3 @model @brand @price SORTBY 2 @price ASC LIMIT 0 40",
            "FT.AGGREGATE idx * GROUPBY 1 @brand REDUCE COUNT 0 AS bikes REDUCE AVG 1 @price AS average SORTBY 2 @bikes DESC",
            "FT.AGGREGATE idx * GROUPBY 1 @price REDUCE TOLIST 1 @model AS models SORTBY 2 @price ASC",
            "FT.SEARCH idx '*=>[KNN 16 @vector $q AS dist]' PARAMS 2 q \"\(query)\" RETURN 2 model dist LIMIT 0 40 DIALECT 2",
            "FT.SEARCH idx '*=>[KNN 16 @vector $q]' PARAMS 2 q \"\(query)\" RETURN 1 model LIMIT 0 40 DIALECT 2",
            """
            FT.SEARCH idx '@vector:[VECTOR_RANGE 0.05 $q]=>{$YIELD_DISTANCE_AS: dist}'
              PARAMS 2 q "\(escaped(vectors[0]))" RETURN 2 model dist LIMIT 0 40 DIALECT 2
            """,
            "FT.SEARCH idx '@vector:[VECTOR_RANGE 0.3 $q]' PARAMS 2 q \"\(escaped(vectors[0]))\" NOCONTENT LIMIT 0 40 DIALECT 2",
            "FT.SEARCH idx steel RETURN 1 model LIMIT 0 40",
        ]
        return "# Ties\n\n" + blocks.map { "```redis\n\($0)\n```\n" }.joined(separator: "\n")
    }

    @Test func twentyRunsOnFreshServersRecordOneText() throws {
        let text = Self.notebook
        var recorded = Set<String>()
        for _ in 0..<20 {
            // A fresh copy each time, so every run records from scratch.
            let path = try NotebookCommandTests.notebook(text)
            let result = try RedbookBinary.run(["run", path])
            #expect(result.status == 0, "\(result.standardError)")
            recorded.insert(try NotebookCommandTests.contents(path))
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
        }
        #expect(recorded.count == 1, "\(recorded.count) different recordings")

        // The ties are really there, and what the session added to break them never shows.
        let once = try #require(recorded.first)
        let cheapest = (1...40).filter { Self.price($0) == 240 }
        #expect(cheapest.count > 1)
        #expect(once.components(separatedBy: "|     240 |").count - 1 > 2 * cheapest.count)
        let models = cheapest.map { "M\($0)" }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(once.contains("[" + models.joined(separator: ", ") + "]"))
        // Eight bikes share the nearest vector, so eight rows share its rounded distance.
        let nearest: [Double] = Self.vectors[0].map(Double.init), query: [Double] = [1, 0.5, 0, 0]
        let dot: Double = zip(nearest, query).map { $0 * $1 }.reduce(0, +)
        let norms: Double = nearest.map { $0 * $0 }.reduce(0, +).squareRoot() * query.map { $0 * $0 }.reduce(0, +).squareRoot()
        let distance = String(format: "%.4f", 1 - dot / norms)
        #expect(once.components(separatedBy: "| \(distance) |").count - 1 == 8, "\(distance)")
        #expect(once.contains("Matched: 40") && once.contains("Matched: 16") && once.contains("Matched: 8"))
        #expect(!once.contains("sortkey") && !once.contains("__vector_score") && !once.contains("| score"))
    }
}
