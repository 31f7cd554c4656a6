import RedbookRedis
@testable import RedbookSession
import Testing

/// Vector summaries, score rounding and the text test, with values worked out by hand.
@Suite struct CellTextTests {
    @Test func vectorSummaryShowsTwoComponentsAndTheDimension() {
        let bytes = RedisCommand.float32Bytes([0.0123, -0.0456, 0.5, 1])
        #expect(CellText.vectorSummary(bytes) == "[0.0123, -0.0456, … ] (4 dims)")
    }

    @Test func shortVectorsPrintWhole() {
        #expect(CellText.vectorSummary(RedisCommand.float32Bytes([1, -2])) == "[1.0000, -2.0000] (2 dims)")
        #expect(CellText.vectorSummary(RedisCommand.float32Bytes([0.25])) == "[0.2500] (1 dim)")
    }

    @Test func vectorComponentsRoundToFourDecimals() {
        // As float32, 0.00005 is 4.99999987e-05, just below the halfway point.
        let bytes = RedisCommand.float32Bytes([0.00016, -0.00005, 0])
        #expect(CellText.vectorSummary(bytes) == "[0.0002, 0.0000, … ] (3 dims)")
        #expect(CellText.vectorSummary(RedisCommand.float32Bytes([-0.00001, 0])) == "[0.0000, 0.0000] (2 dims)")
    }

    @Test func vectorDetection() {
        let text = Array("abcd".utf8)
        #expect(!CellText.isVector(text, declared: false))
        #expect(CellText.isVector(text, declared: true))
        #expect(!CellText.isVector(Array("abc".utf8), declared: true))
        #expect(!CellText.isVector([], declared: true))
        // Zero bytes are valid UTF-8 but not printable.
        #expect(CellText.isVector([0, 0, 0x80, 0x3F], declared: false))
        #expect(CellText.isVector([0xCD, 0xCC, 0xCC, 0x3D], declared: false))
        #expect(!CellText.isVector(Array("né é".utf8), declared: false))
    }

    @Test func printableText() {
        #expect(CellText.isPrintableText(Array("line\nnext\ttab ’".utf8)))
        #expect(!CellText.isPrintableText([0x61, 0x00]))
        #expect(!CellText.isPrintableText([0xC3]))
        #expect(!CellText.isPrintableText(Array("\u{85}".utf8)))
    }

    @Test func scoresRoundToFourDecimals() {
        #expect(CellText.roundedScore("0.123456") == "0.1235")
        #expect(CellText.roundedScore("0.5000") == "0.5")
        #expect(CellText.roundedScore("1") == "1")
        #expect(CellText.roundedScore("560.397155762") == "560.3972")
        #expect(CellText.roundedScore("3.757476806640625e-4") == "0.0004")
        #expect(CellText.roundedScore("-0.00001") == "0")
        #expect(CellText.roundedScore("1.99999") == "2")
        #expect(CellText.roundedScore("n/a") == "n/a")
        #expect(CellText.roundedScore("inf") == "inf")
    }

    @Test func scoreFields() {
        #expect(CellText.isScoreField("__vector_score"))
        #expect(CellText.isScoreField("Score"))
        #expect(!CellText.isScoreField("scores"))
    }

    @Test func plainCells() {
        #expect(CellText.plain(.bulk(Array("Nord ’".utf8))) == "Nord ’")
        #expect(CellText.plain(.bulk([0xFF, 0x41])) == #""\xffA""#)
        #expect(CellText.plain(.integer(42)) == "42")
        #expect(CellText.plain(.null) == "")
        #expect(CellText.plain(.array([.bulk(Array("a".utf8)), .integer(2)])) == "[a, 2]")
    }
}
