import Loading

/// The mark `oae new municipality` puts at the start of each text it makes up for the
/// writer to replace, so that `oae check` finds those left in an office that serves the
/// public (rule `placeholder-text`).
public enum Placeholder {
    public static let marker = "[to complete]"

    /// Whether a text still holds a scaffold's placeholder (by bytes: the rule reads every
    /// string of the tree).
    public static func isIn(_ text: String) -> Bool { text.utf8Contains(marker) }
}
