import CEditline

/// What `redbook doctor` says about the line-editing library.
public enum LineEditorInfo {
    /// The libedit API version the REPL was built against, such as `3.1`.
    public static var version: String { "\(LIBEDIT_MAJOR).\(LIBEDIT_MINOR)" }
}
