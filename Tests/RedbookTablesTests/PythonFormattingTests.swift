import Foundation
@testable import RedbookTables
import Testing

/// Python's own `repr`, `format(x, "g")` and `round(x, 2)` for about two thousand doubles
/// (ties, subnormals, huge and random bit patterns), recorded by the fixture script.
@Suite struct PythonFormattingTests {
    struct Sample {
        let value: Double
        let repr: String
        let general: String
        let rounded: String
    }

    static func samples() throws -> [Sample] {
        try TableFixtures.jsonArray("floats.json").compactMap { entry in
            guard let bits = (entry["bits"] as? String).flatMap({ UInt64($0, radix: 16) }),
                  let repr = entry["repr"] as? String, let general = entry["g"] as? String,
                  let rounded = entry["round2"] as? String else { return nil }
            return Sample(value: Double(bitPattern: bits), repr: repr, general: general, rounded: rounded)
        }
    }

    @Test func matchesPythonRepr() throws {
        let samples = try Self.samples()
        #expect(samples.count > 2000)
        let wrong = samples.filter { PythonFloat.repr($0.value) != $0.repr }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { "\($0.repr) -> \(PythonFloat.repr($0.value))" })")
    }

    @Test func matchesPythonGeneralFormat() throws {
        let wrong = try Self.samples().filter { PythonFloat.general($0.value) != $0.general }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { "\($0.repr): \($0.general) vs \(PythonFloat.general($0.value))" })")
    }

    @Test func matchesPythonRound() throws {
        let wrong = try Self.samples().filter { PythonFloat.repr(PythonFloat.round($0.value, places: 2)) != $0.rounded }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { "\($0.repr): \($0.rounded) vs \(PythonFloat.round($0.value, places: 2))" })")
    }

    @Test func specialValues() {
        #expect(PythonFloat.general(.nan) == "nan")
        #expect(PythonFloat.general(-.infinity) == "-inf")
        #expect(PythonFloat.general(-0.0) == "-0")
        #expect(PythonFloat.repr(-0.0) == "-0.0")
        #expect(PythonFloat.repr(.infinity) == "inf")
        #expect(PythonFloat.round(.nan, places: 2).isNaN)
    }
}
