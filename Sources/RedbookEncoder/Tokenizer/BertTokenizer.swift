public import Foundation

/// The WordPiece tokenizer of BERT-family sentence-transformers models.
///
/// It gives the same ids as the tokenizer sentence-transformers uses (the Rust `tokenizers`
/// BertNormalizer, BertPreTokenizer, WordPiece and the `[CLS] … [SEP]` template): text is cleaned,
/// CJK ideographs are split out, accents stripped and letters lower-cased as the model folder says,
/// words split at whitespace and punctuation, and each word cut into the longest vocabulary pieces
/// from the left. Special tokens such as `[SEP]` written in the text are kept whole.
///
/// A value is immutable after loading and safe to share between threads.
public struct BertTokenizer: Sendable {
    let vocabulary: WordPieceVocabulary
    let splitter: BertWordSplitter
    let specialTokens: SpecialTokenMatcher

    /// The id of `[CLS]`, which starts every encoded sequence.
    public let clsTokenID: Int32
    /// The id of `[SEP]`, which ends every encoded sequence.
    public let sepTokenID: Int32
    /// The id of `[PAD]`, for filling batches to one length.
    public let padTokenID: Int32
    /// The id of `[UNK]`, given to words the vocabulary cannot spell.
    public let unknownTokenID: Int32

    /// The number of ids in the vocabulary (the line count of vocab.txt).
    public var vocabularySize: Int { vocabulary.count }

    /// Loads the tokenizer of a sentence-transformers model folder.
    ///
    /// Reads `vocab.txt` (required), `tokenizer_config.json` (optional: `do_lower_case`,
    /// `strip_accents`, `tokenize_chinese_chars` and the special token names; the defaults are
    /// lower-casing on, accent stripping following lower-casing, CJK splitting on) and
    /// `special_tokens_map.json` (optional).
    ///
    /// - Parameter directory: The model folder.
    /// - Throws: ``EncoderError/missingFile(path:)`` when vocab.txt is missing;
    ///   ``EncoderError/invalidFile(path:reason:)`` naming the file when vocab.txt is empty or lacks
    ///   `[CLS]`, `[SEP]`, `[PAD]` or `[UNK]`, or when a JSON file is malformed.
    public init(directory: URL) throws(EncoderError) {
        let settings = try BertTokenizerSettings(directory: directory)
        let vocabURL = directory.appendingPathComponent("vocab.txt")
        let data: Data
        do {
            data = try Data(contentsOf: vocabURL)
        } catch {
            if !FileManager.default.fileExists(atPath: vocabURL.path) { throw .missingFile(path: vocabURL.path) }
            throw .invalidFile(path: vocabURL.path, reason: "cannot read: \(error.localizedDescription)")
        }
        try self.init(vocabulary: WordPieceVocabulary(vocabText: data, path: vocabURL.path), settings: settings, vocabPath: vocabURL.path)
    }

    /// Builds a tokenizer from a loaded vocabulary and settings.
    ///
    /// - Throws: ``EncoderError/invalidFile(path:reason:)`` naming `vocabPath` when a required
    ///   special token is not in the vocabulary.
    init(vocabulary: WordPieceVocabulary, settings: BertTokenizerSettings, vocabPath: String) throws(EncoderError) {
        func requiredID(_ name: String, role: String) throws(EncoderError) -> Int32 {
            guard let id = vocabulary.id(of: name) else {
                throw .invalidFile(
                    path: vocabPath,
                    reason: "the \(role) token '\(name)' is not in the vocabulary (check special_tokens_map.json)"
                )
            }
            return id
        }
        self.vocabulary = vocabulary
        clsTokenID = try requiredID(settings.classToken, role: "classifier")
        sepTokenID = try requiredID(settings.separatorToken, role: "separator")
        padTokenID = try requiredID(settings.paddingToken, role: "padding")
        unknownTokenID = try requiredID(settings.unknownToken, role: "unknown")
        splitter = BertWordSplitter(
            lowercase: settings.lowercase,
            stripAccents: settings.resolvedStripAccents,
            splitCJKIdeographs: settings.splitCJKIdeographs
        )
        // A special name missing from the vocabulary (an optional [MASK], say) is simply not matched.
        specialTokens = SpecialTokenMatcher(settings.specialTokens.compactMap { name in
            vocabulary.id(of: name).map { (name: name, id: $0) }
        })
    }
}
