import Foundation
import RedbookEncoder
import RedbookTestSupport
import Testing

/// The tokenizer against the Python stack's reference ids, and against facts read from the default
/// model's vocab.txt.
@Suite struct TokenizerTests {
    // MARK: Reference ids from ../shared

    private struct CaseFile: Decodable {
        struct Case: Decodable {
            var id: String
            var description: String
            var text: String
            var input_ids: [Int32]
            var input_ids_max_256: [Int32]
            /// Only where the legacy Python tokenizer disagrees (Greek final sigma).
            var legacy_python_input_ids: [Int32]?
        }
        var cases: [Case]
    }

    @Test(.enabled(if: SharedFixtures.isAvailable && MiniLM.hasVocabulary))
    func everyMiniLMReferenceCase() throws {
        let file = try JSONDecoder().decode(CaseFile.self, from: SharedFixtures.data("golden/minilm-tokenizer-cases.json"))
        #expect(file.cases.count == 67)
        let tokenizer = try BertTokenizer(directory: MiniLM.folder)
        for testCase in file.cases {
            let accepted = [testCase.input_ids] + (testCase.legacy_python_input_ids.map { [$0] } ?? [])
            let full = tokenizer.encode(testCase.text, maxLength: .max)
            #expect(accepted.contains(full), "\(testCase.id) \(testCase.description): \(tokenizer.tokens(testCase.text))")
            let acceptedTruncated = [testCase.input_ids_max_256] + accepted.filter { $0.count <= 256 }
            let truncated = tokenizer.encode(testCase.text, maxLength: 256)
            #expect(acceptedTruncated.contains(truncated), "\(testCase.id) \(testCase.description), truncated at 256")
        }
    }

    @Test(.enabled(if: SharedFixtures.isAvailable), arguments: ["tiny-bert", "tiny-distilbert"])
    func tinyModelReferenceIDs(model: String) throws {
        struct Golden: Decodable {
            struct Sentence: Decodable {
                var text: String
                var input_ids: [Int32]
            }
            var max_seq_length: Int
            var vocab_size: Int
            var sentences: [Sentence]
        }
        let folder = SharedFixtures.url("golden/\(model)")
        let golden = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: folder.appendingPathComponent("golden.json")))
        let tokenizer = try BertTokenizer(directory: folder)
        #expect(tokenizer.vocabularySize == golden.vocab_size)
        #expect([tokenizer.padTokenID, tokenizer.unknownTokenID, tokenizer.clsTokenID, tokenizer.sepTokenID] == [0, 1, 2, 3])
        #expect(golden.sentences.count == 20)
        for sentence in golden.sentences {
            #expect(tokenizer.encode(sentence.text, maxLength: golden.max_seq_length) == sentence.input_ids, "\(sentence.text)")
        }
    }

    // MARK: Facts from the default model's vocab.txt

    /// The default model's vocabulary, read line by line here, independently of the tokenizer.
    private struct Vocabulary {
        let lines: [String]

        init() throws {
            let text = try String(contentsOf: MiniLM.folder.appendingPathComponent("vocab.txt"), encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            self.lines = lines
        }

        func id(_ token: String) throws -> Int32 {
            Int32(try #require(lines.firstIndex(of: token), "\(token) is not in vocab.txt"))
        }
    }

    @Test(.enabled(if: MiniLM.hasVocabulary))
    func specialTokenIDsAreTheirLineNumbers() throws {
        let vocabulary = try Vocabulary()
        let tokenizer = try BertTokenizer(directory: MiniLM.folder)
        #expect(tokenizer.vocabularySize == vocabulary.lines.count)
        #expect(tokenizer.clsTokenID == (try vocabulary.id("[CLS]")))
        #expect(tokenizer.sepTokenID == (try vocabulary.id("[SEP]")))
        #expect(tokenizer.padTokenID == (try vocabulary.id("[PAD]")))
        #expect(tokenizer.unknownTokenID == (try vocabulary.id("[UNK]")))
    }

    @Test(.enabled(if: MiniLM.hasVocabulary))
    func wordsInTheVocabularyMapToTheirLine() throws {
        let vocabulary = try Vocabulary()
        let tokenizer = try BertTokenizer(directory: MiniLM.folder)
        let (cls, sep) = (tokenizer.clsTokenID, tokenizer.sepTokenID)
        for word in ["bike", "mountain", "the", "kids", "lightweight"] {
            #expect(tokenizer.encode(word, maxLength: 256) == [cls, try vocabulary.id(word), sep])
            #expect(tokenizer.tokens(word) == [word])
        }
        let expected = [cls, try vocabulary.id("mountain"), try vocabulary.id("bike"), try vocabulary.id(","), sep]
        #expect(tokenizer.encode("  Mountain\tBIKE,\n", maxLength: 256) == expected)
        #expect(tokenizer.encode("mountain bike ,", maxLength: 256) == expected)
    }

    @Test(.enabled(if: MiniLM.hasVocabulary))
    func normalizationRules() throws {
        let tokenizer = try BertTokenizer(directory: MiniLM.folder)
        // Accents go, control characters vanish without splitting, odd spaces split.
        #expect(tokenizer.tokens("Café RÉSUMÉ") == tokenizer.tokens("cafe resume"))
        #expect(tokenizer.tokens("bi\u{0}ke bi\u{AD}ke bi\u{200B}ke bi\u{FFFD}ke") == ["bike", "bike", "bike", "bike"])
        #expect(tokenizer.tokens("bike\u{2028}bike\u{A0}bike\u{3000}bike") == ["bike", "bike", "bike", "bike"])
        // CJK ideographs are words of their own; each of these is a line of vocab.txt.
        let vocabulary = try Vocabulary()
        #expect(vocabulary.lines.contains("中") && vocabulary.lines.contains("文"))
        #expect(tokenizer.tokens("bike中文bike") == ["bike", "中", "文", "bike"])
        // A compatibility ideograph is split out first, then decomposes to its unified twin.
        #expect(tokenizer.tokens("bike\u{F900}bike") == tokenizer.tokens("bike \u{8C48} bike"))
        #expect(tokenizer.tokens("bike\u{F900}bike").count == 3)
        // A combining accent after an ASCII letter is dropped and the word stays whole.
        #expect(tokenizer.tokens("bike\u{301}s") == tokenizer.tokens("bikes"))
        // Punctuation, including Unicode punctuation, is split off.
        #expect(tokenizer.tokens("bike—“bike”") == ["bike", "—", "“", "bike", "”"])
    }

    @Test(.enabled(if: MiniLM.hasVocabulary))
    func longWordsBecomeUnknown() throws {
        let vocabulary = try Vocabulary()
        let tokenizer = try BertTokenizer(directory: MiniLM.folder)
        let (cls, sep, unknown) = (tokenizer.clsTokenID, tokenizer.sepTokenID, tokenizer.unknownTokenID)
        // 100 characters are still split: "xx" then 49 times "##xx", both lines of vocab.txt.
        let hundred = String(repeating: "x", count: 100)
        let pair = try vocabulary.id("xx"), continuation = try vocabulary.id("##xx")
        #expect(tokenizer.encode(hundred, maxLength: .max) == [cls, pair] + Array(repeating: continuation, count: 49) + [sep])
        #expect(tokenizer.encode(hundred + "x", maxLength: .max) == [cls, unknown, sep])
        #expect(tokenizer.encode("bike \(hundred)x bike", maxLength: .max) == [cls, try vocabulary.id("bike"), unknown, try vocabulary.id("bike"), sep])
        // A character no piece spells makes its whole word unknown.
        #expect(tokenizer.tokens("bike\u{1F6B2}") == ["[UNK]"])
    }

    @Test(.enabled(if: MiniLM.hasVocabulary))
    func truncationKeepsTheFirstPiecesAndEndsWithSEP() throws {
        let vocabulary = try Vocabulary()
        let tokenizer = try BertTokenizer(directory: MiniLM.folder)
        let (cls, sep, bike) = (tokenizer.clsTokenID, tokenizer.sepTokenID, try vocabulary.id("bike"))
        let text = Array(repeating: "bike", count: 300).joined(separator: " ")
        #expect(tokenizer.encode(text, maxLength: .max).count == 302)
        #expect(tokenizer.encode(text, maxLength: 256) == [cls] + Array(repeating: bike, count: 254) + [sep])
        #expect(tokenizer.encode(text, maxLength: 302) == tokenizer.encode(text, maxLength: .max))
        #expect(tokenizer.encode(text, maxLength: 3) == [cls, bike, sep])
        #expect(tokenizer.encode(text, maxLength: 2) == [cls, sep])
        #expect(tokenizer.encode(text, maxLength: 0) == [cls, sep])
        // A word can be cut between its pieces, as sentence-transformers does.
        let hundred = String(repeating: "x", count: 100)
        #expect(tokenizer.encode(hundred, maxLength: 5) == [cls, try vocabulary.id("xx")] + Array(repeating: try vocabulary.id("##xx"), count: 2) + [sep])
    }

    @Test(.enabled(if: MiniLM.hasVocabulary))
    func specialTokensWrittenInTextStayWhole() throws {
        let vocabulary = try Vocabulary()
        let tokenizer = try BertTokenizer(directory: MiniLM.folder)
        let (cls, sep) = (tokenizer.clsTokenID, tokenizer.sepTokenID)
        let bike = try vocabulary.id("bike")
        #expect(tokenizer.encode("bike[SEP]bike [MASK]", maxLength: 256) == [cls, bike, sep, bike, try vocabulary.id("[MASK]"), sep])
        #expect(tokenizer.tokens("[CLS][PAD][UNK]") == ["[CLS]", "[PAD]", "[UNK]"])
        // Only the exact, upper-case spelling is special.
        #expect(tokenizer.tokens("[sep]").first == "[")
        #expect(!tokenizer.tokens("[Sep]").contains("[SEP]"))
    }
}

extension MiniLM {
    /// Whether the default model's vocabulary is installed (scripts/bootstrap).
    static var hasVocabulary: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("vocab.txt").path)
    }
}
