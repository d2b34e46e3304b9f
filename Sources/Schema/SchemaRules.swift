import Diagnostics

/// The rules of schema validation: one per keyword that can fail, and the problems a
/// schema itself can have.
enum SchemaRules {
    static let all: [RuleInfo] = [
        RuleInfo("schema-type", "A value has the wrong type (a number where the schema wants a string…)."),
        RuleInfo("schema-enum", "A value is not one of the allowed values."),
        RuleInfo("schema-const", "A value differs from the only allowed value."),
        RuleInfo("schema-required", "A mapping lacks a required field."),
        RuleInfo("schema-additional-properties", "A mapping has a field the schema does not allow."),
        RuleInfo("schema-unevaluated-properties", "A mapping has a field no part of the schema allows."),
        RuleInfo("schema-dependent-required", "A field is missing that another field requires."),
        RuleInfo("schema-property-names", "A field name does not have the required form."),
        RuleInfo("schema-min-properties", "A mapping has too few fields."),
        RuleInfo("schema-max-properties", "A mapping has too many fields."),
        RuleInfo("schema-min-items", "A list has too few items."),
        RuleInfo("schema-max-items", "A list has too many items."),
        RuleInfo("schema-items", "A list has an item past those the schema allows."),
        RuleInfo("schema-unevaluated-items", "A list has an item no part of the schema allows."),
        RuleInfo("schema-unique-items", "A list repeats an item."),
        RuleInfo("schema-contains", "A list lacks an item of the required kind."),
        RuleInfo("schema-min-contains", "A list has too few items of the required kind."),
        RuleInfo("schema-max-contains", "A list has too many items of the required kind."),
        RuleInfo("schema-min-length", "A text is too short."),
        RuleInfo("schema-max-length", "A text is too long."),
        RuleInfo("schema-pattern", "A text does not have the required form."),
        RuleInfo("schema-format", "A date, time, duration, email address or URI is malformed."),
        RuleInfo("schema-minimum", "A number is below the minimum."),
        RuleInfo("schema-maximum", "A number is above the maximum."),
        RuleInfo("schema-exclusive-minimum", "A number is not above the limit."),
        RuleInfo("schema-exclusive-maximum", "A number is not below the limit."),
        RuleInfo("schema-multiple-of", "A number is not a multiple of the step."),
        RuleInfo("schema-one-of", "A value fits more than one of the forms of which it must fit exactly one."),
        RuleInfo("schema-not", "A value has a form the schema forbids."),
        RuleInfo("schema-false", "A value is given where the schema allows none."),
        RuleInfo("schema-any-of", "A value fits none of the allowed forms."),
        RuleInfo("schema-invalid", "A schema keyword has a malformed value."),
        RuleInfo("schema-unknown-keyword", "A schema has a keyword oae does not know (probably misspelt)."),
        RuleInfo("schema-ref-unresolved", "A $ref names no loaded schema."),
        RuleInfo("schema-ref-loop", "A schema refers back to itself without moving into the value."),
        RuleInfo("schema-duplicate-id", "Two schemas have the same $id."),
    ] + JSONNodeParser.rules
}
