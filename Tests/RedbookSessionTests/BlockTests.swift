@testable import RedbookSession
import Testing

/// Which blocks wake the encoder's helper threads before they run.
@Suite struct BlockTests {
    @Test(arguments: [
        (Block.Language.swift, #"let q = encode("a bike")"#, true),
        (.swift, #"embed(bikes, field: "description")"#, true),
        (.swift, #"search("idx", "a bike", k: 3)"#, true),
        (.swift, "bikes.count", false),
        (.redis, #"FT.SEARCH idx "*=>[KNN 3 @v $v]" PARAMS 2 v \(encode("a bike")) DIALECT 2"#, true),
        (.redis, #"FT.SEARCH idx "@brand:{Velorim}""#, false),
        (.redis, "PING", false),
        (.redis, #"SET note \(total)"#, false),
    ])
    func aBlockMayEncodeWhenItNamesAStepThatDoes(language: Block.Language, source: String, expected: Bool) {
        #expect(Block(language: language, source: source).mayEncode == expected)
    }
}
