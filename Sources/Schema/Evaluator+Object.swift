import Foundation
import Loading

extension Evaluator {
    /// `properties`, `patternProperties`, `additionalProperties`, `required`,
    /// `dependentRequired`, `propertyNames`, `minProperties`, `maxProperties`.
    mutating func evaluateObject(_ k: CompiledNode, _ instance: Node, _ pairs: [Node.Pair], _ local: inout Evaluated?) -> Bool {
        var valid = true
        if let n = k.minProperties, pairs.count < n {
            fail(.minProperties(n, found: pairs.map { $0.key.keyText }, description: k.description), "minProperties", instance, k)
            valid = false
        }
        if let n = k.maxProperties, pairs.count > n {
            fail(.maxProperties(n, found: pairs.map { $0.key.keyText }, description: k.description), "maxProperties", instance, k)
            valid = false
        }
        if !valid && !collecting { return false }
        let needsKeys = !k.required.isEmpty || !k.dependentRequired.isEmpty || !k.dependentSchemas.isEmpty
        // A small mapping's keys are searched; a set is made only for a large one.
        let keySet: Set<String>? = needsKeys && pairs.count > 16 ? Set(pairs.map { $0.key.keyText }) : nil
        let keys = KeyLookup(pairs: pairs, set: keySet)
        for (name, span) in k.required where !keys.contains(name) {
            guard collecting else { return false }
            let (form, what) = fieldFormAround(name, k)
            failures.append(Failure(kind: .required(name, form: form, what: what), keyword: "required", instance: instance,
                                    path: path, schemaSpan: span))
            valid = false
        }
        for (trigger, names) in k.dependentRequired where keys.contains(trigger) {
            for name in names where !keys.contains(name) {
                // At the field that asks for the other, not at the mapping's first line
                // (session 29's trial: `first_valid_until` without `extended_on` was told
                // at 1:1).
                let at = pairs.first { $0.key.isKey(trigger) }?.key ?? instance
                let (form, what) = collecting ? fieldFormAround(name, k) : (nil, nil)
                fail(.dependentRequired(name, trigger: trigger, form: form, what: what), "dependentRequired", at, k)
                valid = false
                if !collecting { return false }
            }
        }
        // By index through the buffer: binding each pair, or reading `pairs[i]` from the
        // array, copied (retained and released) its nodes.
        return pairs.withUnsafeBufferPointer { pairs -> Bool in
            var valid = valid
            var cursor = 0
            for i in 0..<pairs.count {
                let key = pairs[i].key.keyText
                if let names = k.propertyNames {
                    valid = evaluatePropertyName(names, pairs[i].key) && valid
                }
                var matched = false
                if let p = k.property(key, cursor: &cursor) {
                    matched = true
                    valid = evaluateChild(p, pairs[i].value, .key(key)) && valid
                }
                for (pattern, p) in k.patternProperties where pattern.matches(key) {
                    matched = true
                    valid = evaluateChild(p, pairs[i].value, .key(key)) && valid
                }
                if !matched, let additional = k.additionalProperties {
                    matched = true
                    valid = evaluateExtra(additional, pairs[i], keyword: "additionalProperties", k) && valid
                }
                if matched { local?.properties.insert(key) }
                if !valid && !collecting { return false }
            }
            return valid
        }
    }

    /// `fieldForm` of `k`, else of the schemas `k` is a part of (a `then` that requires
    /// `date` declares no property: the object schema whose `if`/`then` it is does;
    /// session 35's trial got "add 'date:'" alone), up to four levels (`allOf` →
    /// `if`/`then`), through `SchemaGraph.parts`. `k` is found by identity only when its
    /// own schema has no words for the field.
    func fieldFormAround(_ name: String, _ k: CompiledNode) -> (form: String?, what: String?) {
        var found = fieldForm(name, in: k)
        guard found.form == nil, found.what == nil, let index = graph.nodes.firstIndex(where: { $0 === k }) else { return found }
        var level = [index]
        for _ in 0..<4 where !level.isEmpty {
            let parents = level.flatMap { graph.parts[$0] ?? [] }
            for p in parents {
                found = fieldForm(name, in: graph.nodes[p])
                if found.form != nil || found.what != nil { return found }
            }
            level = parents
        }
        return found
    }

    /// What the schema of the field `name` of `k` asks for, for a help: its format or
    /// types ("a date (YYYY-MM-DD)", "a number"), and its description (`shortDescription`:
    /// a long one by its first sentence or clause; else its title), following `$ref` (a few
    /// steps) to the first that says: the field's own words first ("last day on which the
    /// agreement is in force"), its definition's ("a stable identifier in lower case…") only
    /// when the field has no description. Nils when it says nothing.
    func fieldForm(_ name: String, in k: CompiledNode) -> (form: String?, what: String?) {
        var cursor = 0
        guard var index = k.property(name, cursor: &cursor) else { return (nil, nil) }
        var form: String?, what: String?
        for _ in 0..<8 {
            let node = graph.nodes[index]
            if form == nil {
                // A text to a writer, not "a string"; the values of an enum when they are few.
                if let values = node.enumValues, !values.isEmpty, values.count <= 8 {
                    form = "one of " + values.map(ValueText.literal).joined(separator: ", ")
                } else {
                    form = node.format?.expectation ?? node.types.map { $0.phrase.replacingOccurrences(of: "a string", with: "a text") }
                }
            }
            // The field's own words first: a long description by its first sentence or
            // clause, not the generic one of the definition it refers to ("a calendar date
            // in ISO 8601 format" said nothing of `extended_on`).
            if what == nil { what = node.description.flatMap(Evaluator.shortDescription) ?? node.title }
            if what == nil, node.description != nil { what = "" }
            guard form == nil || what == nil, let next = node.ref else { break }
            index = next
        }
        return (form, what.flatMap { $0.isEmpty ? nil : Evaluator.asClause($0) })
    }

    /// A description short enough for a help line (120 characters): itself, else its first
    /// sentence, else the part of that sentence before a bracket or a semicolon; nil when
    /// none is short enough. A sentence ends at a full stop before a space and a capital
    /// ("art. 49" goes on).
    static func shortDescription(_ text: String) -> String? {
        let limit = 120
        if text.count <= limit { return text }
        var sentence = text[...]
        var i = text.startIndex
        while let dot = text[i...].firstIndex(of: ".") {
            let after = text[text.index(after: dot)...]
            if after.first == " ", after.dropFirst().first?.isUppercase == true {
                sentence = text[...dot]
                break
            }
            i = text.index(after: dot)
        }
        if sentence.count <= limit { return String(sentence) }
        if let cut = sentence.firstIndex(where: { $0 == "(" || $0 == ";" }) {
            let clause = sentence[..<cut].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ","))
            if clause.count >= 20, clause.count <= limit { return clause }
        }
        return nil
    }

    /// A sentence as a clause after a colon: its first letter in lower case unless its
    /// first word is written in capitals ("Last day…" → "last day…", "A stable id…" → "a
    /// stable id…", "INE code" stays), without its full stop.
    static func asClause(_ sentence: String) -> String {
        var text = sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
        let firstWord = text.prefix { $0.isLetter }
        if let first = firstWord.first, first.isUppercase, firstWord.count == 1 || firstWord.dropFirst().contains(where: \.isLowercase) {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }

    /// A member that no `properties` names: a field `false` forbids is reported at its
    /// key, with a did-you-mean from the declared fields.
    mutating func evaluateExtra(_ index: Int, _ pair: Node.Pair, keyword: String, _ k: CompiledNode) -> Bool {
        if graph.nodes[index].keywords.boolean == false {
            let key = pair.key.keyText
            pushPath(.key(key))
            fail(.unexpectedField(key, declared: k.propertyOrder), keyword, pair.key, k)
            popPath()
            return false
        }
        return evaluateChild(index, pair.value, .key(pair.key.keyText))
    }

    /// `propertyNames`: the key as a string value; failures name the field.
    /// A name found valid before against the same schema, from no deeper than here, with
    /// nothing recorded, is valid again without a walk (`validNames`): every translatable
    /// text checks its language codes against one pattern (2.3% of `oae check` at 200
    /// municipalities; issue 13).
    mutating func evaluatePropertyName(_ index: Int, _ key: Node) -> Bool {
        let text = key.keyText
        let slot = validNames.firstIndex { $0.schema == index }
        if let slot, let from = validNames[slot].names[text], depth <= from { return true }
        let name = Node(.string(text), span: key.span)
        let before = failures.count, hitsBefore = annotated.records.count
        pushPath(.key(text))
        var none: Evaluated? = nil
        let valid = evaluate(index, name, &none)
        popPath()
        if valid, failures.count == before, annotated.records.count == hitsBefore {
            if let slot {
                validNames[slot].names[text] = max(depth, validNames[slot].names[text] ?? depth)
            } else {
                var names = TextTable<Int>()
                names[text] = depth
                validNames.append((index, names))
            }
        }
        for i in before..<failures.count {
            failures[i].prefix = "field name \(ValueText.quoted(key.keyText)): "
            failures[i].keyword = "propertyNames"
        }
        for i in hitsBefore..<annotated.records.count { annotated.records[i].isKey = true }
        return valid
    }

    /// `unevaluatedProperties` and `unevaluatedItems`, after every other keyword.
    mutating func evaluateUnevaluated(_ k: CompiledNode, _ instance: Node, _ local: inout Evaluated?) -> Bool {
        var valid = true
        switch instance.value {
        case let .mapping(pairs):
            guard let index = k.unevaluatedProperties else { return true }
            let seen = local?.properties ?? []
            for pair in pairs where !seen.contains(pair.key.keyText) {
                valid = evaluateExtra(index, pair, keyword: "unevaluatedProperties", k) && valid
                if valid { local?.properties.insert(pair.key.keyText) }
                if !valid && !collecting { return false }
            }
        case let .sequence(items):
            guard let index = k.unevaluatedItems, let seen = local, !seen.allItems else { return true }
            for (i, item) in items.enumerated() where i >= seen.itemPrefix && !seen.itemIndexes.contains(i) {
                if graph.nodes[index].keywords.boolean == false {
                    pushPath(.index(i))
                    fail(.unexpectedItem(allowed: seen.itemPrefix), "unevaluatedItems", item, k)
                    popPath()
                    valid = false
                } else {
                    valid = evaluateChild(index, item, .index(i)) && valid
                }
                if !valid && !collecting { return false }
            }
            if valid { local?.allItems = true }
        default:
            break
        }
        return valid
    }
}

/// Whether a mapping has a key (by `keyText`), searched in its pairs or in a set of them.
private struct KeyLookup {
    let pairs: [Node.Pair]
    let set: Set<String>?

    func contains(_ name: String) -> Bool {
        if let set { return set.contains(name) }
        for i in pairs.indices where pairs[i].key.isKey(name) { return true }
        return false
    }
}
