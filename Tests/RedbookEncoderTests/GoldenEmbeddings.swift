import Foundation
import Testing

/// One sentence of a golden file: its text, reference ids and reference embedding.
struct GoldenSentence: Decodable {
    var text: String
    var input_ids: [Int32]
    var embedding: [Double]
    var token_embeddings: [[Double]]?
}

/// The parts of the golden JSON files the tests read.
struct GoldenFile: Decodable {
    var descriptions: [GoldenSentence]?
    var queries: [GoldenSentence]?
    var sentences: [GoldenSentence]?

    static func load(_ url: URL) throws -> GoldenFile {
        try JSONDecoder().decode(GoldenFile.self, from: Data(contentsOf: url))
    }

    var all: [GoldenSentence] { (descriptions ?? []) + (queries ?? []) + (sentences ?? []) }
}

/// How close two vectors are, in the two measures the exactness targets use.
struct Closeness: CustomStringConvertible {
    var cosine: Double
    var maxDifference: Double

    init(_ actual: [Float], _ expected: [Double]) {
        var dot = 0.0, left = 0.0, right = 0.0, worst = 0.0
        for (a, e) in zip(actual, expected) {
            dot += Double(a) * e
            left += Double(a) * Double(a)
            right += e * e
            worst = max(worst, abs(Double(a) - e))
        }
        cosine = dot / max((left * right).squareRoot(), 1e-30)
        maxDifference = worst
    }

    var description: String { "cosine \(cosine), max |diff| \(maxDifference)" }

    /// The bar: cosine ≥ 0.99999 and max |difference| ≤ 1e-4.
    var isExact: Bool { cosine >= 0.99999 && maxDifference <= 1e-4 }
}

/// Expects every embedding to match its golden sentence within the exactness bar.
func expectExact(_ embeddings: [[Float]], _ golden: [GoldenSentence], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(embeddings.count == golden.count, sourceLocation: sourceLocation)
    for (embedding, sentence) in zip(embeddings, golden) {
        #expect(embedding.count == sentence.embedding.count, "\(sentence.text.prefix(40))", sourceLocation: sourceLocation)
        let closeness = Closeness(embedding, sentence.embedding)
        #expect(closeness.isExact, "\(sentence.text.prefix(40)): \(closeness)", sourceLocation: sourceLocation)
    }
}
