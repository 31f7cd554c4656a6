import CEditline
import Glibc

/// A line editor on the terminal, over libedit: emacs keys, history with Ctrl-R search, Tab
/// completion, a grey hint at the right of the line, and Ctrl-C as a key that cancels the line.
///
/// libedit calls back through C function pointers that carry no context, so one editor is
/// active per process, reached through ``active``.
final class LineEditor {
    /// What one call of ``read(prompt:)`` gave.
    enum Input: Equatable {
        /// A line, without its newline.
        case line(String)
        /// Ctrl-C: the line being typed is dropped.
        case cancelled
        /// Ctrl-D on an empty line, or the end of input.
        case end
    }

    /// The text to insert for Tab, and what to list when several candidates remain.
    struct Completion {
        /// How many characters before the cursor the insertion replaces.
        var replacing: Int
        /// The text that takes their place (the candidate, or the candidates' common prefix).
        var insertion: String
        /// Candidates to list under the line when there is more than one.
        var choices: [String]
    }

    /// What Tab does, given the line up to the cursor.
    var complete: (String) -> Completion? = { _ in nil }
    /// The grey hint shown at the right, given the line up to the cursor.
    var hint: (String) -> String? = { _ in nil }
    /// Whether the hint and prompt may use colour.
    var colour: Bool

    nonisolated(unsafe) static var active: LineEditor?
    nonisolated(unsafe) static let empty = strdup("")!

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private var prompt = ""
    private var cancelled = false
    /// The C strings handed to libedit for the prompts, kept alive until replaced.
    private var promptText: UnsafeMutablePointer<CChar>?
    private var hintText: UnsafeMutablePointer<CChar>?

    /// Opens the editor on the process's terminal, or `nil` when libedit cannot start.
    init?(name: String, historySize: Int, colour: Bool) {
        // libedit decodes prompts and keys by the locale; in the C locale any UTF-8 byte fails.
        if setlocale(LC_CTYPE, "") == nil || String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        // libedit's own streams on the standard descriptors; it flushes them itself.
        guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w"),
              let errors = fdopen(STDERR_FILENO, "w"),
              let editor = el_init(name, input, output, errors) else { return nil }
        guard let history = history_init() else {
            el_end(editor)
            return nil
        }
        self.editor = editor
        self.history = history
        self.colour = colour
        redbook_history_set_size(history, Int32(historySize))
        redbook_history_set_unique(history, 1)
        redbook_el_set_history(editor, history)
        redbook_el_set_editor(editor, "emacs")
        // libedit prints whatever the prompt functions return, so they never return NULL.
        redbook_el_set_prompt(editor, { _ in LineEditor.active?.promptText ?? LineEditor.empty })
        redbook_el_set_right_prompt(editor, { editor in LineEditor.active?.rightPrompt(editor) ?? LineEditor.empty })
        redbook_el_keys_not_signals(editor)
        redbook_el_add_function(editor, "redbook-complete", "Complete the word before the cursor", { editor, _ in
            LineEditor.active?.tab(editor) ?? UInt8(CC_NORM)
        })
        redbook_el_add_function(editor, "redbook-cancel", "Drop the line being typed", { _, _ in
            LineEditor.active?.cancelled = true
            Terminal.write("^C\r\n")
            return UInt8(CC_NEWLINE)
        })
        redbook_el_add_function(editor, "redbook-space", "Insert a space and show the hint", { editor, _ in
            el_insertstr(editor, " ")
            return UInt8(CC_REFRESH)
        })
        redbook_el_bind(editor, "^I", "redbook-complete")
        redbook_el_bind(editor, "^C", "redbook-cancel")
        redbook_el_bind(editor, " ", "redbook-space")
        redbook_el_bind(editor, "^R", "em-inc-search-prev")
        // Ctrl and Alt with the arrows move by words, as most terminals send them.
        for key in ["\\e[1;5D", "\\e[1;3D", "\\e\\e[D"] { redbook_el_bind(editor, key, "ed-prev-word") }
        for key in ["\\e[1;5C", "\\e[1;3C", "\\e\\e[C"] { redbook_el_bind(editor, key, "em-next-word") }
        // The user's ~/.editrc may rebind keys, as for every libedit program.
        el_source(editor, nil)
        LineEditor.active = self
    }

    deinit {
        if LineEditor.active === self { LineEditor.active = nil }
        el_end(editor)
        history_end(history)
        free(promptText)
        free(hintText)
    }

    /// Reads one line with `prompt` in front (it may hold `\u{1}`-delimited escapes).
    func read(prompt: String) -> Input {
        self.prompt = prompt
        free(promptText)
        promptText = strdup(prompt)
        cancelled = false
        var count: Int32 = 0
        redbook_el_prepare_terminal(editor)
        guard let line = el_gets(editor, &count), count > 0 else { return .end }
        if cancelled {
            return .cancelled
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// Adds an entry to the in-memory history (Up and Ctrl-R find it).
    func remember(_ entry: String) {
        redbook_history_enter(history, entry)
    }

    /// The text before the cursor.
    private func lineBeforeCursor(_ editor: OpaquePointer?) -> String {
        guard let editor, let info = el_line(editor) else { return "" }
        let start = info.pointee.buffer!, cursor = info.pointee.cursor!
        let length = cursor - start
        return String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
    }

    private func lineLength(_ editor: OpaquePointer?) -> Int {
        guard let editor, let info = el_line(editor) else { return 0 }
        let start = info.pointee.buffer!, end = info.pointee.lastchar!
        return String(decoding: UnsafeRawBufferPointer(start: start, count: end - start), as: UTF8.self).count
    }

    private func rightPrompt(_ editor: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
        free(hintText)
        hintText = nil
        guard var text = hint(lineBeforeCursor(editor)), !text.isEmpty else { return nil }
        // libedit leaves out a right prompt that does not fit, so a long hint is cut to the room left.
        let room = Int(redbook_terminal_columns(STDOUT_FILENO)) - prompt.count - lineLength(editor) - 3
        guard room >= 8 else { return nil }
        if text.count > room { text = String(text.prefix(room - 3)) + "..." }
        hintText = strdup(colour ? "\u{1}\u{1B}[90m\u{1}\(text)\u{1}\u{1B}[0m\u{1}" : text)
        return hintText
    }

    private func tab(_ editor: OpaquePointer?) -> UInt8 {
        guard let editor, let completion = complete(lineBeforeCursor(editor)) else { return UInt8(CC_REFRESH_BEEP) }
        if completion.replacing > 0 { el_deletestr(editor, Int32(completion.replacing)) }
        el_insertstr(editor, completion.insertion)
        guard completion.choices.count > 1 else { return UInt8(CC_REFRESH) }
        let listing = Self.columns(completion.choices, width: Int(redbook_terminal_columns(STDOUT_FILENO)))
        Terminal.write("\n" + listing + "\n")
        return UInt8(CC_REDISPLAY)
    }

    /// Candidates laid out in columns across the terminal, as shells list them.
    static func columns(_ items: [String], width: Int) -> String {
        let shown = items.prefix(200)
        let cell = (shown.map(\.count).max() ?? 0) + 2
        let perLine = max(1, (width > 0 ? width : 80) / cell)
        var lines = [String]()
        var index = shown.startIndex
        while index < shown.endIndex {
            let row = shown[index..<min(index + perLine, shown.endIndex)]
            lines.append(row.map { $0 + String(repeating: " ", count: cell - $0.count) }.joined().trimmingSuffix())
            index += perLine
        }
        if items.count > shown.count { lines.append("… and \(items.count - shown.count) more") }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingSuffix() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
