import Foundation
import RedbookEncoder
import Testing

/// WordPiece rules, configuration and errors, on small model folders written by each test.
@Suite struct TokenizerRulesTests {
    /// A throwaway model folder holding the given files.
    private final class Folder {
        let url: URL

        init(_ files: [String: String]) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("redbook-tokenizer-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, contents) in files {
                try Data(contents.utf8).write(to: url.appendingPathComponent(name))
            }
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// ids 0–4 are the specials, then the pieces the tests spell with.
    private static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
        "un", "##aff", "##able", "aff", "##a", "a", "b", "##b", "cafe", "café", "中", "文", "中文", ",", "!",
        "Cafe", "ab", "<x>",
    ]
    private static var vocabText: String { vocabulary.joined(separator: "\n") + "\n" }

    private static func id(_ token: String) -> Int32 {
        Int32(vocabulary.firstIndex(of: token) ?? -1)
    }

    private static func tokenizer(config: String? = nil, specials: String? = nil) throws -> BertTokenizer {
        var files = ["vocab.txt": vocabText]
        files["tokenizer_config.json"] = config
        files["special_tokens_map.json"] = specials
        let folder = try Folder(files)
        return try BertTokenizer(directory: folder.url)
    }

    @Test func greedyLongestMatchFirst() throws {
        let tokenizer = try Self.tokenizer()
        #expect(tokenizer.vocabularySize == Self.vocabulary.count)
        #expect(tokenizer.tokens("unaffable") == ["un", "##aff", "##able"])
        #expect(tokenizer.tokens("affa") == ["aff", "##a"])
        // "ab" is a whole token, so it wins over "a" + "##b".
        #expect(tokenizer.tokens("ab abb") == ["ab", "ab", "##b"])
        // "##aff" exists but "aff" must start a word with a non-## piece; "x" has no piece at all.
        #expect(tokenizer.tokens("unx aff") == ["[UNK]", "aff"])
        #expect(tokenizer.encode("unaffable!", maxLength: 512)
            == [2, Self.id("un"), Self.id("##aff"), Self.id("##able"), Self.id("!"), 3])
    }

    @Test func defaultsLowerCaseStripAccentsAndSplitIdeographs() throws {
        let tokenizer = try Self.tokenizer()
        #expect(tokenizer.tokens("CAFÉ Café") == ["cafe", "cafe"])
        #expect(tokenizer.tokens("中文") == ["中", "文"])
    }

    @Test func categoriesFollowUnicode8LikeTheReference() throws {
        let tokenizer = try Self.tokenizer()
        // Old punctuation splits; punctuation assigned in Unicode 14 (U+2E53) is part of the word.
        #expect(tokenizer.tokens("a\u{2014}b") == ["a", "[UNK]", "b"])
        #expect(tokenizer.tokens("a\u{2E53}b") == ["[UNK]"])
        // An old format character vanishes; one from Unicode 12 (U+13430) stays and spoils the word.
        #expect(tokenizer.tokens("a\u{2066}b") == ["ab"])
        #expect(tokenizer.tokens("a\u{13430}b") == ["[UNK]"])
        // An old nonspacing mark is stripped; one from Unicode 10 (U+1DF6) is kept.
        #expect(tokenizer.tokens("a\u{0301}b") == ["ab"])
        #expect(tokenizer.tokens("a\u{1DF6}b") == ["[UNK]"])
        // Characters whose category changed since Unicode 8.0 keep their old one.
        #expect(tokenizer.tokens("a\u{166D}b") == ["a", "[UNK]", "b"])
        #expect(tokenizer.tokens("a\u{1885}") == ["[UNK]"])
    }

    @Test func configurationTurnsRulesOff() throws {
        let cased = try Self.tokenizer(config: #"{"do_lower_case": false}"#)
        // Accent stripping follows lower-casing unless strip_accents says otherwise.
        #expect(cased.tokens("Cafe café") == ["Cafe", "café"])
        let keepAccents = try Self.tokenizer(config: #"{"do_lower_case": true, "strip_accents": false}"#)
        #expect(keepAccents.tokens("CAFÉ") == ["café"])
        let stripOnly = try Self.tokenizer(config: #"{"do_lower_case": false, "strip_accents": true}"#)
        #expect(stripOnly.tokens("Café") == ["Cafe"])
        let wholeIdeographs = try Self.tokenizer(config: #"{"tokenize_chinese_chars": false}"#)
        #expect(wholeIdeographs.tokens("中文") == ["中文"])
    }

    @Test func specialTokenNamesComeFromTheFolder() throws {
        // Object-form names, as newer tokenizer files write them, and an extra special token.
        let specials = #"{"unk_token": {"content": "[UNK]", "lstrip": false}, "additional_special_tokens": ["<x>"]}"#
        let tokenizer = try Self.tokenizer(specials: specials)
        // Matching is case-sensitive: "<X>" is three words, none in the vocabulary.
        #expect(tokenizer.tokens("a<x>b <X>") == ["a", "<x>", "b", "[UNK]", "[UNK]", "[UNK]"])
        #expect(tokenizer.unknownTokenID == 1)
        // A folder whose names are not in vocab.txt is refused, naming vocab.txt.
        #expect {
            _ = try Self.tokenizer(specials: #"{"cls_token": "<s>"}"#)
        } throws: { error in
            guard case .invalidFile(let path, let reason)? = error as? EncoderError else { return false }
            return path.hasSuffix("vocab.txt") && reason.contains("<s>")
        }
    }

    @Test func vocabularyFileDetails() throws {
        // CRLF lines, no final newline, and a repeated token whose later line wins.
        let text = "[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nbike\r\nbike\r\nride"
        let folder = try Folder(["vocab.txt": text])
        let tokenizer = try BertTokenizer(directory: folder.url)
        #expect(tokenizer.vocabularySize == 7)
        #expect(tokenizer.encode("bike ride", maxLength: 10) == [2, 5, 6, 3])
        #expect(tokenizer.tokens("ride") == ["ride"])
    }

    @Test func unusualInputNeverCrashes() throws {
        let tokenizer = try Self.tokenizer()
        #expect(tokenizer.encode("", maxLength: 1) == [2, 3])
        #expect(tokenizer.tokens("\u{0}\u{7}\u{FFFD}\u{200B}") == [])
        #expect(tokenizer.tokens("[SEP") == ["[UNK]", "[UNK]"])
        let long = String(repeating: "ab", count: 100_000)
        #expect(tokenizer.encode(long, maxLength: 8) == [2, 1, 3])
        #expect(tokenizer.encode(String(repeating: "a,", count: 50_000), maxLength: 4) == [2, Self.id("a"), Self.id(","), 3])
    }

    // MARK: Errors

    @Test func missingVocabularyIsAMissingFile() throws {
        let folder = try Folder(["tokenizer_config.json": "{}"])
        let expected = folder.url.appendingPathComponent("vocab.txt").path
        #expect(throws: EncoderError.missingFile(path: expected)) {
            _ = try BertTokenizer(directory: folder.url)
        }
    }

    @Test(arguments: [
        ("tokenizer_config.json", "{not json"),
        ("tokenizer_config.json", #"{"do_lower_case": "yes"}"#),
        ("tokenizer_config.json", "[1, 2]"),
        ("special_tokens_map.json", #"{"cls_token": 7}"#),
        ("vocab.txt", ""),
    ])
    func malformedFilesAreInvalidFilesNamingTheFile(name: String, contents: String) throws {
        var files = ["vocab.txt": Self.vocabText]
        files[name] = contents
        let folder = try Folder(files)
        #expect {
            _ = try BertTokenizer(directory: folder.url)
        } throws: { error in
            guard case .invalidFile(let path, let reason)? = error as? EncoderError else { return false }
            return path == folder.url.appendingPathComponent(name).path && !reason.isEmpty
        }
    }
}
