import Loading

extension Evaluator {
    /// `minLength`, `maxLength` (in Unicode code points), `pattern`, `format`.
    mutating func evaluateString(_ k: CompiledNode, _ instance: Node, _ s: String) -> Bool {
        var valid = true
        if k.minLength != nil || k.maxLength != nil {
            let length = Evaluator.length(s, min: k.minLength, max: k.maxLength)
            if let n = k.minLength, length < n {
                fail(.minLength(n, found: length), "minLength", instance, k)
                valid = false
            }
            if let n = k.maxLength, length > n {
                fail(.maxLength(n, found: length), "maxLength", instance, k)
                valid = false
            }
            if !valid && !collecting { return false }
        }
        if let pattern = k.pattern, !pattern.matches(s) {
            fail(.pattern(pattern.source, title: k.title, description: k.description), "pattern", instance, k)
            valid = false
            if !collecting { return false }
        }
        if let format = k.format, !format.accepts(s) {
            fail(.format(format), "format", instance, k)
            valid = false
        }
        return valid
    }

    /// The length of `s` in code points, or a stand-in that compares the same way with
    /// the bounds: a code point takes 1 to 4 UTF-8 bytes, so the byte count often decides
    /// without counting (long texts with `minLength: 1` are common).
    static func length(_ s: String, min: Int?, max: Int?) -> Int {
        let bytes = s.utf8.count
        let atLeast = (bytes + 3) / 4
        let minDecided = min.map { atLeast >= $0 } ?? true
        let maxDecided = max.map { bytes <= $0 } ?? true
        if minDecided && maxDecided { return atLeast }
        return s.unicodeScalars.count
    }

    /// The number an integer field's value was meant to be when it was written with a dot
    /// between groups of three digits (`population: 58.000`: 58,000 as Catalan and Spanish
    /// write it, which YAML reads as 58, a whole number; session 36). Only for `integer`:
    /// in a `number` field `8.000` may well be 8 (a score, a percent, hours: a spreadsheet's
    /// three decimals), so the rules that know a value's unit decide there (a count's report
    /// value and targets: `report-value-whole`, `target-value-whole`). Nil when it was not
    /// written so, when the schema's own bounds or values refuse the grouped reading
    /// (`due_within_days` up to 365), or when the schema has a step. By what was written: a
    /// JSON document and the JSON Schema Test Suite have no written forms (`WrittenForms`).
    func thousandsMeant(_ k: CompiledNode, _ instance: Node) -> Double? {
        guard k.multipleOf == nil, k.enumValues == nil, k.const == nil,
              let text = written[instance.span], WrittenNumber.groupsThousands(text),
              let grouped = Double(String(text.filter { $0 != "." })) else { return nil }
        if let m = k.minimum, grouped < m { return nil }
        if let m = k.exclusiveMinimum, grouped <= m { return nil }
        if let m = k.maximum, grouped > m { return nil }
        if let m = k.exclusiveMaximum, grouped >= m { return nil }
        return grouped
    }

    /// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`.
    mutating func evaluateNumber(_ k: CompiledNode, _ instance: Node) -> Bool {
        guard let x = instance.number else { return true }
        var valid = true
        if let m = k.minimum, x < m {
            fail(.minimum(m, exclusive: false), "minimum", instance, k)
            valid = false
        }
        if let m = k.exclusiveMinimum, x <= m {
            fail(.minimum(m, exclusive: true), "exclusiveMinimum", instance, k)
            valid = false
        }
        if let m = k.maximum, x > m {
            fail(.maximum(m, exclusive: false), "maximum", instance, k)
            valid = false
        }
        if let m = k.exclusiveMaximum, x >= m {
            fail(.maximum(m, exclusive: true), "exclusiveMaximum", instance, k)
            valid = false
        }
        if let step = k.multipleOf {
            let ok: Bool
            if case let .int(i) = instance.value {
                ok = DecimalMultiple.isMultiple(i, of: step)
            } else {
                ok = DecimalMultiple.isMultiple(x, of: step)
            }
            if !ok {
                fail(.multipleOf(step, written: written.isEmpty ? nil : written[instance.span]), "multipleOf", instance, k)
                valid = false
            } else if !written.isEmpty, let text = written[instance.span], FailureText.groupsThousands(text),
                      DecimalMultiple.decimals(written: text) > DecimalMultiple.decimals(of: step) {
                // By what was written, not by the value alone, and only for a dot between
                // groups of three digits (`1.800`): the JSON Schema Test Suite has no written
                // forms, a JSON document none (`WrittenForms`), and `0.50` for a step of 0.1
                // is the value 0.5 as any validator reads it.
                fail(.multipleOfWritten(step, written: text), "multipleOf", instance, k)
                valid = false
            }
        }
        return valid
    }
}
