import Diagnostics
import Loading

/// oae's own schema keywords, which other JSON Schema validators ignore:
///
/// - `x-ref: KIND`: the value is the id of an existing document of that kind (or an id
///   the model defines, such as an `area`);
/// - `x-adaptable: true`: a municipality may override this field in its adaptation;
/// - `x-bound: max | min | direction`: an override may only lower (`max`) or only raise
///   (`min`) the value; `direction` takes the bound from the sibling `direction` field;
/// - `x-i18n: true`: a translatable text, a plain string or a mapping of language codes;
/// - `x-key: FIELD`: the items of this list are identified by that field, so that lists
///   merge item by item.
public struct XAnnotations: Hashable, Sendable {
    /// How an override may move a bound.
    public enum Bound: String, Hashable, Sendable, CaseIterable {
        /// The value may only be lowered (a time limit).
        case max
        /// The value may only be raised (a minimum).
        case min
        /// The bound follows the sibling `direction` field (`at-least` / `at-most`).
        case direction
    }

    /// `x-ref`: the kind whose ids the value holds.
    public var ref: String?
    /// `x-adaptable`: a municipality may override the field.
    public var adaptable: Bool
    /// `x-bound`: how an override may move the value.
    public var bound: Bound?
    /// `x-i18n`: a translatable text.
    public var i18n: Bool
    /// `x-key`: the field that identifies the items of a list.
    public var key: String?
    /// The `x-ref` of the field's `propertyNames`: the keys of this mapping are ids of
    /// that kind. Only `SchemaValidator.annotations(at:)` fills it.
    public var keyRef: String?

    /// Annotations with the given values (none set by default).
    public init(ref: String? = nil, adaptable: Bool = false, bound: Bound? = nil, i18n: Bool = false, key: String? = nil,
                keyRef: String? = nil) {
        self.ref = ref
        self.adaptable = adaptable
        self.bound = bound
        self.i18n = i18n
        self.key = key
        self.keyRef = keyRef
    }

    /// True when no keyword is set.
    public var isEmpty: Bool { ref == nil && !adaptable && bound == nil && !i18n && key == nil && keyRef == nil }

    /// Combines the annotations of two schemas that apply to the same value; the first
    /// one's `ref`, `bound` and `key` win.
    public func merged(with other: XAnnotations) -> XAnnotations {
        XAnnotations(ref: ref ?? other.ref, adaptable: adaptable || other.adaptable,
                     bound: bound ?? other.bound, i18n: i18n || other.i18n, key: key ?? other.key,
                     keyRef: keyRef ?? other.keyRef)
    }
}

/// Parsing of the `x-` keywords.
enum Extensions {
    static let keywords = ["x-ref", "x-adaptable", "x-bound", "x-i18n", "x-key"]

    /// Reads one `x-` keyword into `annotations`; returns a diagnostic when its value has
    /// the wrong shape or the keyword is unknown.
    static func parse(_ pair: Node.Pair, into annotations: inout XAnnotations) -> Diagnostic? {
        let keyword = pair.key.keyText
        let value = pair.value
        switch keyword {
        case "x-ref":
            guard let kind = value.string, !kind.isEmpty else {
                return invalid(keyword, "a kind name such as role", value)
            }
            annotations.ref = kind
        case "x-adaptable":
            guard let flag = value.bool else { return invalid(keyword, "true or false", value) }
            annotations.adaptable = flag
        case "x-bound":
            guard let text = value.string, let bound = XAnnotations.Bound(rawValue: text) else {
                return invalid(keyword, "one of max, min, direction", value)
            }
            annotations.bound = bound
        case "x-i18n":
            guard let flag = value.bool else { return invalid(keyword, "true or false", value) }
            annotations.i18n = flag
        case "x-key":
            guard let field = value.string, !field.isEmpty else { return invalid(keyword, "a field name such as id", value) }
            annotations.key = field
        default:
            var help = "oae's keywords are \(keywords.joined(separator: ", "))"
            if let suggestion = Suggestions.didYouMean(keyword, in: keywords) { help = suggestion }
            return .warning("schema-unknown-keyword", "unknown keyword \"\(keyword)\"", at: pair.key.span, help: help)
        }
        return nil
    }

    static func invalid(_ keyword: String, _ expected: String, _ value: Node) -> Diagnostic {
        .error("schema-invalid", "\"\(keyword)\" must be \(expected); found \(ValueText.describe(value))", at: value.span)
    }
}
