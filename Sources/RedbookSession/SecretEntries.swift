/// Which entries may hold a password, so they never reach the REPL's history file or a
/// progress line.
///
/// The test is on words, not on parsed commands, so it also catches `redis("AUTH", …)` in a
/// Swift step and a command written in any case: an entry is secret when one of its words is
/// AUTH, AUTH2 (HELLO … AUTH, MIGRATE … AUTH2), SETUSER (ACL SETUSER … >password), or
/// REQUIREPASS, MASTERAUTH or MASTERUSER (CONFIG SET). Erring towards not saving is the point.
public enum SecretEntries {
    /// The words that mark an entry as secret, in capitals.
    public static let words: Set<String> = ["AUTH", "AUTH2", "SETUSER", "REQUIREPASS", "MASTERAUTH", "MASTERUSER"]

    /// Whether `entry` may hold a secret.
    public static func mayHoldSecret(_ entry: String) -> Bool {
        var word = ""
        for character in entry.uppercased() + " " {
            if character.isLetter || character.isNumber || character == "_" {
                word.append(character)
            } else {
                if words.contains(word) { return true }
                word = ""
            }
        }
        return false
    }
}
