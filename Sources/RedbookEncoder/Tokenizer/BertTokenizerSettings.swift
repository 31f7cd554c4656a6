import Foundation

/// What a model folder's tokenizer_config.json and special_tokens_map.json say about tokenization.
///
/// Both files are optional. Missing keys keep BERT's defaults: lower-casing on, accent stripping
/// following lower-casing, CJK ideographs split, and the usual bracketed special tokens.
struct BertTokenizerSettings: Sendable, Equatable {
    var lowercase = true
    /// nil means "do what `lowercase` does", as the reference tokenizer's `strip_accents: null` does.
    var stripAccents: Bool?
    var splitCJKIdeographs = true
    var classToken = "[CLS]"
    var separatorToken = "[SEP]"
    var paddingToken = "[PAD]"
    var unknownToken = "[UNK]"
    var maskToken: String? = "[MASK]"
    var additionalSpecialTokens: [String] = []

    /// Whether accents are stripped once the `null` default is resolved.
    var resolvedStripAccents: Bool { stripAccents ?? lowercase }

    /// Every special token name: these are matched whole in input text, before normalization.
    var specialTokens: [String] {
        [classToken, separatorToken, paddingToken, unknownToken] + (maskToken.map { [$0] } ?? []) + additionalSpecialTokens
    }

    init() {}

    /// Reads the settings of the model folder at `directory`.
    ///
    /// - Throws: ``EncoderError/invalidFile(path:reason:)`` naming the file when one is present but is
    ///   not valid JSON or has a key of the wrong type.
    init(directory: URL) throws(EncoderError) {
        let configURL = directory.appendingPathComponent("tokenizer_config.json")
        if FileManager.default.fileExists(atPath: configURL.path) {
            apply(try JSONDiagnostics.load(RawTokenizerFile.self, from: configURL))
        }
        // special_tokens_map.json is what the Python tokenizer loads last, so its names win.
        let mapURL = directory.appendingPathComponent("special_tokens_map.json")
        if FileManager.default.fileExists(atPath: mapURL.path) {
            apply(try JSONDiagnostics.load(RawTokenizerFile.self, from: mapURL))
        }
    }

    private mutating func apply(_ raw: RawTokenizerFile) {
        if let value = raw.do_lower_case { lowercase = value }
        if let value = raw.strip_accents { stripAccents = value }
        if let value = raw.tokenize_chinese_chars { splitCJKIdeographs = value }
        if let token = raw.cls_token { classToken = token.content }
        if let token = raw.sep_token { separatorToken = token.content }
        if let token = raw.pad_token { paddingToken = token.content }
        if let token = raw.unk_token { unknownToken = token.content }
        if let token = raw.mask_token { maskToken = token.content }
        if let tokens = raw.additional_special_tokens { additionalSpecialTokens = tokens.map(\.content) }
    }
}

/// The keys of tokenizer_config.json and special_tokens_map.json this tokenizer reads; others are ignored.
private struct RawTokenizerFile: Decodable {
    var do_lower_case: Bool?
    var strip_accents: Bool?
    var tokenize_chinese_chars: Bool?
    var cls_token: RawSpecialToken?
    var sep_token: RawSpecialToken?
    var pad_token: RawSpecialToken?
    var unk_token: RawSpecialToken?
    var mask_token: RawSpecialToken?
    var additional_special_tokens: [RawSpecialToken]?
}

/// A special token written either as a plain string or as an object with a `content` string.
private struct RawSpecialToken: Decodable {
    var content: String

    private enum CodingKeys: String, CodingKey {
        case content
    }

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            content = text
        } else {
            content = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .content)
        }
    }
}
