// The vector-database quick start with the libraries and no notebook: stores the bikes as JSON
// documents, embeds their descriptions with the built-in encoder, indexes the vectors and prints
// the three nearest bikes for a few questions as a Markdown table.
//
//     swift run VectorSearchExample [BIKES.json]
//
// BIKES.json defaults to notebooks/data/bikes.json under the current folder. It starts the
// embedded Redis server, or uses the server in REDIS_URL when that is set (that server's
// idx:bikes_vss index and the bikes it indexes are replaced). On a CPU with AVX512_BF16,
//
//     REDBOOK_MATMUL=bf16 swift run VectorSearchExample
//
// embeds with the encoder's opt-in bfloat16 path instead (docs/encoder.md gives its error).
import Foundation
import RedbookEncoder
import RedbookRedis
import RedbookServer
import RedbookTables

/// A failure of this program's own, with the message to show.
struct ExampleError: Error, CustomStringConvertible {
    var description: String
}

let questions = ["Bike for small kids", "Best Mountain bikes for kids", "Comfortable city bike"]
/// The three documents nearest to `$query_vector`, with their distance named `vector_score`.
let knnQuery = "(*)=>[KNN 3 @vector $query_vector AS vector_score]"

/// The fields of a reply shaped as alternating names and values, as FT.INFO and each
/// FT.SEARCH document are in RESP2.
func fields(_ reply: Reply) -> [String: Reply] {
    let elements = reply.elements ?? []
    var fields = [String: Reply]()
    for index in stride(from: 0, to: elements.count - 1, by: 2) {
        if let name = elements[index].string { fields[name] = elements[index + 1] }
    }
    return fields
}

/// Sends the commands in one pipeline and throws the first error reply, which a pipeline returns as a value.
func send(_ commands: [RedisCommand], on redis: RedisConnection) throws {
    for (command, reply) in zip(commands, try redis.pipeline(commands)) {
        if case .error(let message) = reply { throw ExampleError(description: "\(command.name): \(message)") }
    }
}

func run(dataPath: String) throws -> String {
    // Read the data first: a bad path should fail before a server is started.
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: dataPath)) } catch {
        throw ExampleError(description: "cannot read \(dataPath): \(error.localizedDescription)")
    }
    guard let bikes = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]], !bikes.isEmpty else {
        throw ExampleError(description: "\(dataPath) is not a JSON array of bike objects")
    }
    let keys = bikes.indices.map { String(format: "bikes:%03d", $0 + 1) }

    // The embedded server unless REDIS_URL names one; it stops when `target` goes away.
    let target = try RedisTarget.open(url: nil)
    defer { target.close() }
    let redis = target.connection
    do {
        // A previous run against the same server left its index and documents; DD removes both.
        // `send` rather than `call`, because "Unknown index name" on a first run is no error.
        _ = try redis.send(RedisCommand("FT.DROPINDEX", "idx:bikes_vss", "DD"))

        // One pipeline for all documents: one round trip instead of one per bike.
        let documents = try zip(keys, bikes).map { key, bike in
            let json = String(decoding: try JSONSerialization.data(withJSONObject: bike), as: UTF8.self)
            return RedisCommand("JSON.SET", key, "$", json)
        }
        try send(documents, on: redis)

        // One embed call for every description: the encoder forms its own batches of 32.
        let encoder = try SentenceEncoder(directory: RedbookHome.current.selectedModel)
        let descriptions = bikes.map { $0["description"] as? String ?? "" }
        let vectors = encoder.embed(descriptions)
        // Each Float's description is its shortest exact decimal form, so the stored JSON
        // numbers turn back into the very same FLOAT32 values in the index.
        try send(zip(keys, vectors).map { key, vector in
            let array = "[" + vector.map { "\($0)" }.joined(separator: ",") + "]"
            return RedisCommand("JSON.SET", key, "$.description_embeddings", array)
        }, on: redis)

        // The attribute names after AS are what RETURN and the query refer to; DIM must be the
        // encoder's width or every document fails to index.
        try redis.call(
            "FT.CREATE", "idx:bikes_vss", "ON", "JSON", "PREFIX", "1", "bikes:", "SCHEMA",
            "$.model", "AS", "model", "TEXT", "NOSTEM", "$.brand", "AS", "brand", "TEXT", "NOSTEM",
            "$.price", "AS", "price", "NUMERIC", "$.type", "AS", "type", "TAG",
            "$.description", "AS", "description", "TEXT",
            "$.description_embeddings", "AS", "vector", "VECTOR", "FLAT", "6",
            "TYPE", "FLOAT32", "DIM", String(encoder.dimension), "DISTANCE_METRIC", "COSINE"
        )

        // Existing keys are indexed in the background; searching earlier could miss some.
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let info = fields(try redis.call("FT.INFO", "idx:bikes_vss"))
            if info["indexing"]?.integer == 0, info["percent_indexed"]?.string.flatMap(Double.init) == 1 { break }
            guard ContinuousClock.now < deadline else {
                throw ExampleError(description: "idx:bikes_vss is still indexing after 30 s")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }

        // Questions are embedded like the descriptions, or their distances would mean nothing.
        var rows = [[Cell]]()
        for (question, vector) in zip(questions, encoder.embed(questions)) {
            let firstRow = rows.count
            var search = RedisCommand("FT.SEARCH", "idx:bikes_vss", knnQuery, "PARAMS", "2", "query_vector")
            search.append(RedisCommand.float32Bytes(vector))  // raw bytes: the vector may hold zero bytes
            for argument in ["SORTBY", "vector_score", "RETURN", "3", "vector_score", "brand", "model", "DIALECT", "2"] {
                search.append(argument)
            }
            // RESP2: the total, then each document's key followed by its fields.
            let reply = try redis.call(search).elements ?? []
            for index in stride(from: 1, to: reply.count - 1, by: 2) {
                let document = fields(reply[index + 1])
                let distance = document["vector_score"]?.string.flatMap(Double.init) ?? .nan
                // The question only on its group's first row, as the tutorial prints it.
                rows.append([
                    .text(rows.count == firstRow ? question : ""),
                    .double(((1 - distance) * 100).rounded() / 100),  // cosine distance → similarity
                    .text(reply[index].string ?? ""),
                    .text(document["brand"]?.string ?? ""),
                    .text(document["model"]?.string ?? ""),
                ])
            }
        }
        return MarkdownTable(columns: ["query", "score", "id", "brand", "model"], rows: rows).render()
    } catch {
        // A dead embedded server is reported with its log rather than as a refused connection.
        throw target.explain(error)
    }
}

do {
    print(try run(dataPath: CommandLine.arguments.dropFirst().first ?? "notebooks/data/bikes.json"))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
