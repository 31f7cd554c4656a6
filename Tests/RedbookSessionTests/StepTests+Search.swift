import RedbookRedis
import RedbookSession
import RedbookTestSupport
import Testing

/// The steps that use the encoder and the Search module: encode, embed, search and table,
/// over three small documents whose descriptions differ plainly in meaning.
extension StepTests {
    private static let indexedBikes = #"""
        let bikes = [
            ["model": "Tot", "brand": "Velorim", "price": 270, "description": "A tiny bike with training wheels for toddlers learning to ride"],
            ["model": "Arrow", "brand": "Nord", "price": 2400, "description": "A light carbon road bike for fast rides on smooth tarmac"],
            ["model": "Ridge", "brand": "Nord", "price": 1800, "description": "A mountain bike with full suspension for steep rocky trails"],
        ]
        """#

    /// Stores the bikes as JSON under `p:bike:`, embeds their descriptions and indexes them as `p:idx`.
    private func jsonIndex(_ steps: StepSession, _ p: String) {
        _ = steps.output(Self.indexedBikes + "\nlet keys = store(bikes, prefix: \"\(p):bike:\")\nembed(keys, field: \"$.description\", into: \"$.embedding\")")
        #expect(steps.redisOutput(#"""
            FT.CREATE \#(p):idx ON JSON PREFIX 1 \#(p):bike: SCHEMA
              $.model AS model TEXT
              $.brand AS brand TAG
              $.price AS price NUMERIC
              $.embedding AS vector VECTOR FLAT 6 TYPE FLOAT32 DIM \(model.dimension) DISTANCE_METRIC COSINE
            """#) == StepSession.text("OK"))
    }

    @Test func encodeGivesAUnitVectorOfTheModelsDimension() throws {
        let steps = try StepSession()
        #expect(steps.output("""
            let v = encode("a bike for a small child")
            var norm = 0.0
            for x in v { norm += x * x }
            expect(abs(norm - 1) < 0.0001, "unit length")
            [v.count, model.dimension, round(norm, 3)]
            """) == StepSession.json("[\n  384,\n  384,\n  1.0\n]"))
        let summary = steps.output("v")
        #expect(summary.hasPrefix("```text\n["))
        #expect(summary.hasSuffix(", … ] (384 dims)\n```"))
        #expect(steps.output("model.name") == StepSession.text("all-MiniLM-L6-v2"))
    }

    @Test func encodeOfAListGivesOneVectorPerText() throws {
        let steps = try StepSession()
        #expect(steps.output("""
            let vs = encode(["red bike", "blue bike", "red bike"])
            [vs.count, vs[0].count, vs[0] == vs[2], vs[0] == vs[1]]
            """) == StepSession.json("[\n  3,\n  384,\n  true,\n  false\n]"))
        #expect(steps.output("encode([]).count") == StepSession.text("0"))
        let failure = try steps.failure("encode(42)")
        #expect(failure.explanation.hasPrefix("expected an array, got an Int"))
        #expect(failure.column == 8)
    }

    @Test func embedWritesEachTextsVectorIntoItsJSONDocument() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("embed")
        #expect(steps.output(Self.indexedBikes + "\nlet keys = store(bikes, prefix: \"\(p):\")\nembed(keys, field: \"$.description\", into: \"$.embedding\")")
            == StepSession.text("3"))
        // The stored array is the description's own vector: their dot product is 1.
        #expect(steps.output("""
            let stored = get(keys[1]).embedding
            let fresh = encode(bikes[1].description)
            var dot = 0.0
            for i in 0..<fresh.count { dot += stored[i] * fresh[i] }
            [stored.count, round(dot, 3)]
            """) == StepSession.json("[\n  384,\n  1.0\n]"))
        // A pattern works as well as a list of keys; documents without the field are skipped.
        #expect(steps.output("embed(\"\(p):*\", field: \"$.nosuch\", into: \"$.other\")") == StepSession.text("0"))
        #expect(try steps.connection.call("JSON.GET", "\(p):001", "$.other") == .bulk(Array("[]".utf8)))
        let mixed = try steps.failure("embed(keys, field: \"$.description\", into: \"embedding\")")
        #expect(mixed.message.hasPrefix("field and into must both be JSON paths ($.…) or both hash fields"))
        #expect(try steps.failure("embed(keys, into: \"$.x\")").explanation.hasPrefix("missing argument 'field:' in call to embed"))
    }

    @Test func embedWritesFloat32BytesIntoHashFieldsThatKNNSearches() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("hknn")
        #expect(steps.output(Self.indexedBikes + """

            let keys = store(bikes, prefix: "\(p):h:", as: .hash)
            embed(keys, field: "description", into: "embedding")
            """) == StepSession.text("3"))
        #expect(try steps.connection.call("HSTRLEN", "\(p):h:001", "embedding") == .integer(1536))
        #expect(steps.output("get(keys[0]).embedding.count") == StepSession.text("384"))
        #expect(steps.redisOutput(#"""
            FT.CREATE \#(p):idx ON HASH PREFIX 1 \#(p):h: SCHEMA
              model TEXT
              embedding VECTOR FLAT 6 TYPE FLOAT32 DIM \(model.dimension) DISTANCE_METRIC COSINE
            """#) == StepSession.text("OK"))
        let hits = steps.output("search(\"\(p):idx\", of: \"a bike for a small child\", knn: 1, field: \"embedding\", return: [\"model\"])")
        #expect(TableRows.columns(in: hits) == ["query", "id", "distance", "similarity", "model"])
        let rows = TableRows.rows(in: hits)
        #expect(rows.count == 1)
        #expect(rows.first?[1] == "\(p):h:001")
        #expect(rows.first?[4] == "Tot")

        // The same search written by hand, with the question's vector interpolated as bytes.
        let typed = steps.redisOutput(#"""
            FT.SEARCH \#(p):idx "*=>[KNN 1 @embedding $v AS d]" PARAMS 2 v \(encode("racing on the road")) RETURN 1 model DIALECT 2
            """#)
        let typedRows = TableRows.rows(in: typed)
        #expect(typedRows.count == 1)
        #expect(typedRows.first?.first == "\(p):h:002")
        #expect(typedRows.first?.contains("Arrow") == true)
    }

    @Test func knnFindsTheNearestDocumentsForEachQuestion() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("knn")
        jsonIndex(steps, p)
        let output = steps.output("""
            let knn = search("\(p):idx", of: ["a bike for a small child", "racing on the road"], knn: 2, return: ["model", "brand"])
            knn
            """)
        #expect(TableRows.columns(in: output) == ["query", "id", "distance", "similarity", "model", "brand"])
        #expect(steps.output("""
            expect(knn.allSatisfy { abs($0.similarity - (1 - $0.distance)) < 1e-9 }, "similarity is 1 - distance")
            expect(knn[0].distance <= knn[1].distance, "nearest first")
            [knn.count, knn[0].query, knn[0].model, knn[2].query, knn[2].model]
            """) == StepSession.json("""
            [
              4,
              "a bike for a small child",
              "Tot",
              "racing on the road",
              "Arrow"
            ]
            """))
        #expect(steps.output("[knn[0].id, knn[2].id]") == StepSession.json("[\n  \"\(p):bike:001\",\n  \"\(p):bike:002\"\n]"))
    }

    @Test func hybridAndRangeSearchesKeepToTheirFilterAndRadius() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("hybrid")
        jsonIndex(steps, p)
        #expect(steps.output("""
            let hybrid = search("\(p):idx", of: "a bike for a small child", knn: 3, filter: "@brand:{Nord}", return: ["model", "brand"])
            hybrid.map { $0.model }.sorted()
            """) == StepSession.json("[\n  \"Arrow\",\n  \"Ridge\"\n]"))
        #expect(steps.output("""
            let near = search("\(p):idx", of: "a bike for a small child", within: 0.5, return: ["model"])
            expect(near.allSatisfy { $0.distance <= 0.5 }, "inside the radius")
            near.map { $0.model }
            """) == StepSession.json("[\n  \"Tot\"\n]"))
        // A vector works in place of a text; rows then have no query column.
        let byVector = steps.output("search(\"\(p):idx\", of: encode(\"fast road bike\"), within: 2, limit: 2, return: [\"model\"])")
        #expect(TableRows.columns(in: byVector) == ["id", "distance", "similarity", "model"])
        #expect(TableRows.rows(in: byVector).count == 2)
    }

    @Test func plainQueriesSortLimitAndOffset() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("query")
        jsonIndex(steps, p)
        #expect(steps.output("search(\"\(p):idx\", query: \"@price:[1000 +inf]\", return: [\"model\", \"price\"], sortBy: \"-price\").map { $0.model }")
            == StepSession.json("[\n  \"Arrow\",\n  \"Ridge\"\n]"))
        #expect(steps.output("search(\"\(p):idx\", query: \"*\", return: [\"model\"], sortBy: \"price\", limit: 1, offset: 1).map { $0.id }")
            == StepSession.json("[\n  \"\(p):bike:003\"\n]"))
        #expect(steps.output("search(\"\(p):idx\", query: \"@price:[5000 +inf]\")") == "(no rows)")
    }

    @Test func searchRefusesAmbiguousAndUnknownRequests() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("badsearch")
        jsonIndex(steps, p)
        #expect(try steps.failure("search(\"\(p):idx\", of: \"bike\", knn: 2, within: 0.5)").message
            .hasPrefix("a vector search takes knn: (nearest K) or within: (a distance), not both"))
        #expect(try steps.failure("search(\"\(p):idx\", of: \"bike\")").message
            .hasPrefix("a vector search takes knn: (nearest K) or within: (a distance), not neither"))
        #expect(try steps.failure("search(\"\(p):idx\", of: \"bike\", knn: 0)").explanation.hasPrefix("knn must be 1 or more"))
        let wrongOf = "search(\"\(p):idx\", of: 3, knn: 1)"
        let offOf = try steps.failure(wrongOf)
        #expect(offOf.message.hasPrefix("expected a text, a vector, or an array of them for 'of:', got an Int"))
        #expect(offOf.column == Self.column(of: "3, knn", in: wrongOf))
        let unknown = try steps.failure("search(\"\(p):nosuch\", query: \"*\")")
        #expect(unknown.explanation.hasPrefix("FT.SEARCH: "))
        #expect(unknown.explanation.lowercased().contains("no such index"))
    }

    @Test func searchRowsKeepNumericFieldsAsNumbers() throws {
        let steps = try StepSession()
        let p = TestRedis.uniqueName("numeric")
        jsonIndex(steps, p)
        #expect(steps.output("let all = search(\"\(p):idx\", query: \"*\", return: [\"model\", \"price\"])\nall.count") == StepSession.text("3"))
        #expect(steps.output("table(all, sortBy: [\"price\"]).map { $0.model }") == StepSession.json("[\n  \"Tot\",\n  \"Ridge\",\n  \"Arrow\"\n]"))
        #expect(steps.output("all.filter { $0.price < 1000 }.count") == StepSession.text("1"))
    }

    @Test func tableSortsGroupsAndCuts() throws {
        let steps = try StepSession()
        #expect(steps.output(#"""
            let rows = [
                ["type": "kids", "model": "Tot", "price": 270, "note": "first bike, with training wheels"],
                ["type": "road", "model": "Arrow", "price": 2400, "note": "carbon"],
                ["type": "kids", "model": "Sprout", "price": 320, "note": "balance bike"],
            ]
            table(rows, sortBy: ["type", "-price"], groupBy: "type", maxCharacters: 12)
            """#) == """
            | type   | model   |   price | note         |
            |:-------|:--------|--------:|:-------------|
            | kids   | Sprout  |     320 | balance bike |
            |        | Tot     |     270 | first bik... |
            | road   | Arrow   |    2400 | carbon       |
            """)
        #expect(steps.output("table(rows, columns: [\"price\", \"model\"], sortBy: [\"price\"])") == """
            |   price | model   |
            |--------:|:--------|
            |     270 | Tot     |
            |     320 | Sprout  |
            |    2400 | Arrow   |
            """)
        // The table is rows like a search's: it can be read and mapped.
        #expect(steps.output("table(rows, sortBy: [\"model\"]).map { $0.model }") == StepSession.json("[\n  \"Arrow\",\n  \"Sprout\",\n  \"Tot\"\n]"))
        #expect(steps.output("table([])") == "(no rows)")
        let unknown = try steps.failure("table(rows, sortBy: [\"weight\"])")
        #expect(unknown.explanation.hasPrefix("sortBy names 'weight', which is not a column\nhint: columns: type, model, price, note"))
        #expect(try steps.failure("table([1, 2])").explanation.hasPrefix("expected rows or an array of dictionaries, got an Array"))
        #expect(try steps.failure("table([[\"a\": 1], [\"a\": \"x\"]], sortBy: [\"a\"])").message
            .hasPrefix("cannot sort column 'a': it holds a "))
    }
}
