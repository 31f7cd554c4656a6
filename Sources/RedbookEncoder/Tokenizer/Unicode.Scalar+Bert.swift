/// The character classes of BERT's text cleaning and pre-tokenization, as the Rust `tokenizers`
/// BertNormalizer and BertPreTokenizer define them.
extension Unicode.Scalar {
    /// Whether cleaning drops this scalar without splitting the word around it: NUL, U+FFFD, and
    /// control (Cc), format (Cf) and private-use (Co) characters other than tab, LF and CR.
    ///
    /// Unassigned code points (Cn) are kept, as the reference does.
    var isRemovedByBertCleaning: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00, 0xFFFD: return true
        case 0x20..<0x7F: return false
        default: break
        }
        switch properties.generalCategory {
        case .control, .format, .privateUse: return true
        default: return false
        }
    }

    /// Whether this scalar separates words: tab, LF, CR and everything with the White_Space property
    /// (which includes U+2028 and U+2029).
    var isBertWhitespace: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20: return true
        case 0x21..<0x80: return false
        default: return properties.isWhitespace
        }
    }

    /// Whether this scalar becomes a word of its own: the ASCII symbol ranges (so `$`, `+`, `^` and
    /// `` ` `` count, although Unicode calls them symbols) and every Unicode punctuation category.
    var isBertPunctuation: Bool {
        switch value {
        case 33...47, 58...64, 91...96, 123...126: return true
        case 0..<128: return false
        default: break
        }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Whether this scalar is a CJK ideograph that gets spaces around it.
    ///
    /// The ranges are the Rust reference's, including its start of Extension E at U+2B920 (the
    /// Python tokenizer starts it at U+2B820), so U+2B820–U+2B91F stay inside words.
    var isBertCJKIdeograph: Bool {
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
             0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }
}
