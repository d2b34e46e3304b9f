/// Numbers as writers type them in YAML, where the dot is always the decimal point:
/// Catalan and Spanish write a dot between thousands (`1.800` €, `1.250.000`), which YAML
/// reads as 1.8, or as a text when there are two dots. The schema's messages
/// (`schema-multiple-of`, `schema-type`) and the rules that read a report's counts use
/// these, so a writer gets one wording wherever the slip is made.
public enum WrittenNumber {
    /// The help for a number written with dots between thousands (`groupsThousands`): YAML
    /// reads the first dot as the decimal point (a second makes the value a text).
    /// `meaning`: what YAML read, nil for a text. Nil when `written` does not group thousands.
    public static func thousandsHelp(_ written: String, meaning: String?) -> String? {
        guard groupsThousands(written) else { return nil }
        let number = String(written.filter { $0 != "." })
        guard let meaning else {
            return "if the dot separates thousands, write \(number): YAML reads the dot as a decimal point"
        }
        return "YAML reads the dot as a decimal point, not as a thousands separator: write \(number) (or \(meaning), if that was meant)"
    }

    /// Whether `text` is digits grouped by dots in threes after a first group of one to
    /// three digits not starting with 0 (`1.800`, `45.000`, `1.250.000`).
    public static func groupsThousands(_ text: String) -> Bool {
        let groups = Array(text.utf8).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count), first.first != UInt8(ascii: "0") else { return false }
        return groups.allSatisfy { $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } } && groups.dropFirst().allSatisfy { $0.count == 3 }
    }
}
