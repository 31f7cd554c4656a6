import Foundation
import RedbookTables
import RedbookTestSupport
import Testing

/// The quick start's three result tables, rebuilt from the stored FT.SEARCH replies the way the
/// tutorial's Python does, must equal the tables pandas printed.
@Suite struct TutorialTableTests {
    struct Reply {
        let query: String
        let id: String
        let vectorScore: String
    }

    /// The tutorial's `create_query_table`: score = round(1 - vector_score, 2), rows sorted by
    /// query ascending and score descending (stable), repeated query cells blanked, descriptions
    /// longer than 500 characters cut to 497 plus "...".
    static func table(_ replies: [Reply], bikes: [String: [String: String]]) -> MarkdownTable {
        struct Row {
            var query: String
            let score: Double
            let id: String
            let bike: [String: String]
        }
        var rows = replies.map { reply in
            Row(query: reply.query,
                score: PythonFloat.round(1 - (Double(reply.vectorScore) ?? .nan), places: 2),
                id: reply.id,
                bike: bikes[reply.id] ?? [:])
        }
        // Python compares strings by code point; Swift's `<` on String does not quite.
        let ordered = rows.enumerated().sorted { left, right in
            let a = Array(left.element.query.unicodeScalars.map(\.value))
            let b = Array(right.element.query.unicodeScalars.map(\.value))
            if a != b { return a.lexicographicallyPrecedes(b) }
            if left.element.score != right.element.score { return left.element.score > right.element.score }
            return left.offset < right.offset
        }
        rows = ordered.map(\.element)
        var previous: String?
        for index in rows.indices {
            let query = rows[index].query
            if query == previous { rows[index].query = "" }
            previous = query
        }
        return MarkdownTable(
            columns: ["query", "score", "id", "brand", "model", "description"],
            rows: rows.map { row in
                var description = row.bike["description"] ?? ""
                let scalars = description.unicodeScalars
                if scalars.count > 500 {
                    description = String(String.UnicodeScalarView(scalars.prefix(497))) + "..."
                }
                return [.text(row.query), .double(row.score), .text(row.id),
                        .text(row.bike["brand"] ?? ""), .text(row.bike["model"] ?? ""), .text(description)]
            })
    }

    static func bikes() throws -> [String: [String: String]] {
        let list = try JSONSerialization.jsonObject(with: try SharedFixtures.data("data/bikes.json")) as? [[String: Any]] ?? []
        var result: [String: [String: String]] = [:]
        for (offset, bike) in list.enumerated() {
            let key = String(format: "bikes:%03d", offset + 1)
            result[key] = bike.compactMapValues { $0 as? String }
        }
        return result
    }

    @Test(.enabled(if: SharedFixtures.isAvailable), arguments: ["knn", "hybrid", "range"])
    func matchesPandas(_ name: String) throws {
        let golden = try #require(
            try JSONSerialization.jsonObject(with: try SharedFixtures.data("golden/minilm-bikes-knn.json")) as? [String: Any])
        let raw = try #require((golden["raw"] as? [String: Any])?[name] as? [[String: String]])
        let expected = try #require((golden["tables"] as? [String: String])?[name])
        let replies = raw.compactMap { entry -> Reply? in
            guard let query = entry["query"], let id = entry["id"], let score = entry["vector_score"] else { return nil }
            return Reply(query: query, id: id, vectorScore: score)
        }
        #expect(replies.count == raw.count && !replies.isEmpty)
        let rendered = Self.table(replies, bikes: try Self.bikes()).render()
        #expect(rendered == expected)
    }
}
