import Foundation
import RedbookTestSupport
import Testing

/// `redbook embed` end to end, on the default model from the cache.
@Suite struct EmbedCommandTests {
    private func vectors(_ output: String) throws -> [[Double]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Double])
        }
    }

    private func norm(_ vector: [Double]) -> Double {
        vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    private func cosine(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } / (norm(a) * norm(b))
    }

    @Test func oneTextGivesOneNormalizedVector() throws {
        let result = try RedbookBinary.run(["embed", "Bike for small kids"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try vectors(result.standardOutput)
        #expect(lines.count == 1)
        #expect(lines[0].count == 384)
        #expect(abs(norm(lines[0]) - 1) < 1e-5)
    }

    @Test func textsAndStdinLinesKeepTheirOrder() throws {
        let texts = ["A light road bike for racing", "A sturdy bike for small children", "Hydraulic disc brakes"]
        let fromArguments = try RedbookBinary.run(["embed"] + texts)
        let fromStdin = try RedbookBinary.run(["embed"], stdin: Data(texts.joined(separator: "\n").utf8))
        #expect(fromArguments.status == 0 && fromStdin.status == 0)
        let a = try vectors(fromArguments.standardOutput)
        let b = try vectors(fromStdin.standardOutput)
        #expect(a.count == 3 && b.count == 3)
        for index in 0..<3 {
            #expect(cosine(a[index], b[index]) > 0.99999)
        }
        // Each line is its own text: the kids' bike is closer to itself than to the road bike.
        let alone = try vectors(try RedbookBinary.run(["embed", texts[1]]).standardOutput)[0]
        #expect(cosine(alone, a[1]) > 0.99999)
        #expect(cosine(alone, a[0]) < 0.99)
    }

    @Test func tokensAreWrappedInCLSAndSEP() throws {
        let result = try RedbookBinary.run(["embed", "--tokens", "Bike for small kids"])
        #expect(result.status == 0)
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [Int])
        #expect(ids.first == 101)
        #expect(ids.last == 102)
        #expect(ids.count == 6)  // bike, for, small, kids: four whole words in the vocabulary
    }

    @Test func missingModelFolderIsNamed() throws {
        let folder = "/nonexistent/redbook-model-\(UUID().uuidString)"
        let result = try RedbookBinary.run(["embed", "--model", folder, "text"])
        #expect(result.status == 1)
        #expect(result.standardError.contains(folder))
        #expect(result.standardOutput.isEmpty)
    }
}
