/// How token vectors become one sentence vector, as in sentence-transformers' Pooling module.
enum PoolingMode: String, Sendable, CaseIterable {
    /// The first token's vector ([CLS]).
    case cls
    /// The element-wise maximum over the tokens.
    case max
    /// The mean over the tokens, [CLS] and [SEP] included.
    case mean
    /// The sum over the tokens divided by the square root of their count.
    case meanSqrtLength = "mean_sqrt_len_tokens"
}
