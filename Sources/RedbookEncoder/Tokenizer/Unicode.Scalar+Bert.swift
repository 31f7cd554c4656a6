/// The character classes of BERT's text cleaning and pre-tokenization, as the Rust `tokenizers`
/// BertNormalizer and BertPreTokenizer define them.
///
/// The reference takes general categories from tables of Unicode 8.0, while Swift knows a newer
/// Unicode. So a character assigned after 8.0 counts as neither punctuation, nonspacing mark nor
/// format character here, and the few characters whose category changed since are listed.
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
        case .control, .format, .privateUse: return isInBertCategoryTables
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
            return isInBertCategoryTables
        default:
            return value == 0x166D || value == 0x111C9  // punctuation in Unicode 8.0, symbol and mark now
        }
    }

    /// Whether accent stripping drops this scalar (after NFD): a nonspacing mark (Mn).
    var isBertNonspacingMark: Bool {
        // The first nonspacing mark is U+0300; this keeps the common case to one comparison.
        guard value >= 0x300 else { return false }
        if properties.generalCategory == .nonspacingMark {
            switch value {
            case 0x1885, 0x1886, 0xA9BD, 0x111C9: return false  // letters, marks or punctuation in Unicode 8.0
            default: return isInBertCategoryTables
            }
        }
        return value == 0x1734 || value == 0x1171E  // nonspacing in Unicode 8.0, spacing now
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

    /// Whether the reference's Unicode 8.0 tables know this scalar's category.
    private var isInBertCategoryTables: Bool {
        guard let age = properties.age else { return false }
        return age.major < 8 || (age.major == 8 && age.minor == 0)
    }
}
