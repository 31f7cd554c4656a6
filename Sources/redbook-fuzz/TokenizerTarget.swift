import Foundation
import RedbookEncoder

extension FuzzTarget {
    /// The WordPiece tokenizer on any text, with a small vocabulary of its own and four settings.
    ///
    /// The first byte picks the settings and the length limit. Encoded ids start with `[CLS]`,
    /// end with `[SEP]`, stay in the vocabulary and within the limit, and a shorter limit keeps
    /// a prefix of the longer encoding.
    static let tokenizer = FuzzTarget(name: "tokenizer", summary: "BertTokenizer.encode and tokens on any text") { bytes in
        var input = FuzzInput(bytes)
        let settings = input.byte()
        let tokenizer = tokenizers[Int(settings & 3)]
        let limit = Int(settings >> 2)
        let text = String(decoding: input.rest(), as: UTF8.self)

        let pieces = tokenizer.tokens(text)
        invariant(!pieces.contains(""), "a token id outside the vocabulary")
        let whole = tokenizer.encode(text, maxLength: .max)
        invariant(whole.count == pieces.count + 2, "encode and tokens disagree on the number of pieces")
        invariant(whole.allSatisfy { (0..<Int32(tokenizer.vocabularySize)).contains($0) }, "an id outside the vocabulary")
        let cut = tokenizer.encode(text, maxLength: limit)
        invariant(cut.count <= max(limit, 2) && cut.count >= 2, "\(cut.count) ids for a limit of \(limit)")
        invariant(cut.first == tokenizer.clsTokenID && cut.last == tokenizer.sepTokenID, "ids do not start with [CLS] and end with [SEP]")
        invariant(Array(cut.dropLast()) == Array(whole.prefix(cut.count - 1)), "a shorter limit does not keep a prefix")
    }

    /// Tokenizers over one vocabulary: BERT's defaults, cased, lower-cased with accents and CJK
    /// kept, and cased with accents stripped and an extra special token.
    private static let tokenizers: [BertTokenizer] = {
        let settings = [
            nil,
            #"{"do_lower_case": false}"#,
            #"{"do_lower_case": true, "strip_accents": false, "tokenize_chinese_chars": false}"#,
            #"{"do_lower_case": false, "strip_accents": true, "additional_special_tokens": ["<ent>", {"content": "[SEP]x"}]}"#,
        ]
        return settings.enumerated().map { index, config in
            let folder = ScratchFolder.folder("tokenizer-\(index)", files: [
                ("vocab.txt", Array(vocabulary.joined(separator: "\n").utf8)),
                ("tokenizer_config.json", config.map { Array($0.utf8) }),
            ])
            do {
                return try BertTokenizer(directory: folder)
            } catch {
                fatalError("the fuzz vocabulary does not load: \(error)")
            }
        }
    }()

    /// Special tokens, single characters of several scripts with their `##` forms, and a few
    /// words that split into pieces.
    private static let vocabulary: [String] = {
        let specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "<ent>", "[SEP]x"]
        let characters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"()[]{}<>-_/\\@#$%^&*+=~`|")
            + Array("éèêàçñüößøåæ") + Array("中文字日本語한국어") + Array("αβγδабвгд") + ["👍", "\u{301}"]
        let words = ["the", "bike", "bikes", "##s", "##ing", "un", "##able", "##ly", "café", "naïve", "straße", "e-bike", "##ike"]
        return specials + characters.map(String.init) + characters.map { "##\($0)" } + words
    }()
}
