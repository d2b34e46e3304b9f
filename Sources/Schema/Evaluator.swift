import Diagnostics
import Loading

/// What the keywords of a schema evaluated in a value, for `unevaluatedProperties` and
/// `unevaluatedItems`: the members named, and the items looked at.
struct Evaluated {
    var properties: Set<String> = []
    var allItems = false
    var itemPrefix = 0
    var itemIndexes: Set<Int> = []

    mutating func merge(_ other: Evaluated) {
        properties.formUnion(other.properties)
        allItems = allItems || other.allItems
        itemPrefix = max(itemPrefix, other.itemPrefix)
        itemIndexes.formUnion(other.itemIndexes)
    }
}

/// Applies a compiled schema to a value. The evaluator walks the value once per schema
/// that applies to it; it keeps the path of the value, the failures found and the
/// annotated values met on the way. In checking mode (inside `not`, `if`, `contains`
/// and while trying branches) it records no failure and stops at the first one.
struct Evaluator {
    /// The most schemas applied in a row to the same value; only a schema loop reaches it
    /// (`LoopCheck` reports those when compiling).
    static let maxInPlace = 64
    /// The deepest nesting of schema applications, so that no input exhausts the stack.
    static let maxDepth = 512
    /// The longest list `uniqueItems` checks by comparing its items pairwise, not by
    /// hashing them (`evaluateUnique`).
    static let uniqueByComparing = 12

    let graph: SchemaGraph
    var path: [PathStep] = []
    /// The entries of `annotated.paths` for the first steps of `path` that a recorded value
    /// needed; kept as deep as `path` at most (`pushPath`, `popPath`).
    var pathIDs: [Int32] = []
    var failures: [Failure] = []
    /// The annotated values met so far (the hits), in the order met.
    var annotated: AnnotatedValues
    /// The combinations of two annotations met so far (`AnnotatedValues.merge`).
    var merges: [(a: UInt16, b: UInt16, merged: UInt16)] = []
    var collecting = true
    var depth = 0
    /// How many schemas apply in a row to the value at `inPlacePath` path length.
    var inPlaceRun = 0
    var inPlacePathCount = -1
    /// Hits below this index belong to an enclosing evaluation that a dropped branch must
    /// not change.
    var hitsFloor = 0
    /// The written forms of the document's scalars (`WrittenForms`), for messages.
    var written: WrittenForms
    /// For each `propertyNames` schema met, the names it found valid with nothing to
    /// record, each with the deepest nesting it was evaluated from
    /// (`evaluatePropertyName`).
    var validNames: [(schema: Int, names: TextTable<Int>)] = []

    init(graph: SchemaGraph, written: WrittenForms = [:]) {
        self.graph = graph
        self.written = written
        annotated = AnnotatedValues(shared: graph.annotationTable)
    }

    /// Records a failure of `keyword` (when collecting).
    mutating func fail(_ kind: Failure.Kind, _ keyword: String, _ instance: Node, _ k: CompiledNode) {
        guard collecting else { return }
        failures.append(Failure(kind: kind, keyword: keyword, instance: instance, path: path,
                                schemaSpan: k.spans[keyword] ?? k.span))
    }

    /// Applies schema `index` to `instance`; returns whether it is valid. `evaluated`,
    /// when given, receives what was evaluated (only when valid).
    mutating func evaluate(_ index: Int, _ instance: Node, _ evaluated: inout Evaluated?) -> Bool {
        // The schema borrowed from the graph, which keeps it alive for the evaluation.
        graph.unretained[index]._withUnsafeGuaranteedRef { evaluate(index, $0, instance, &evaluated) }
    }

    /// `evaluate(_:_:_:)` with schema `index`, `node`.
    private mutating func evaluate(_ index: Int, _ node: CompiledNode, _ instance: Node, _ evaluated: inout Evaluated?) -> Bool {
        // Read through the shared node: copying `Keywords` would cost a retain per field.
        if let b = node.boolean {
            if !b { fail(.falseSchema, "false", instance, node) }
            return b
        }
        let saved = (inPlaceRun, inPlacePathCount)
        if path.count == inPlacePathCount {
            inPlaceRun += 1
        } else {
            inPlaceRun = 1
            inPlacePathCount = path.count
        }
        guard depth < Evaluator.maxDepth, inPlaceRun <= Evaluator.maxInPlace else {
            (inPlaceRun, inPlacePathCount) = saved
            fail(.loop, "ref-loop", instance, node)
            return false
        }
        depth += 1
        defer {
            depth -= 1
            (inPlaceRun, inPlacePathCount) = saved
        }
        var local: Evaluated? = (evaluated != nil || node.needsEvaluated) ? Evaluated() : nil
        let valid = evaluateKeywords(node, instance, &local)
        if valid {
            if let id = graph.annotationIDs[index] {
                record(instance, id)
            }
        } else if collecting, let id = graph.keyOnlyIDs[index], case .sequence = instance.value {
            // A schema that applies for certain (collecting: not a branch being tried, nor
            // `not`, `if` or `contains`) still keys a list that fails within: its repeated
            // keys are told in the same run as a wrong enum in one of its items (the trial
            // of session 31: fixing the one error showed the other). Only the key: a text
            // (`x-i18n`) the schema refuses is not also "missing a language", nor a value it
            // refuses a reference. A branch tried and refused keeps none (`check`,
            // `reportClosest`).
            record(instance, id)
        }
        if valid, evaluated != nil, let local { evaluated?.merge(local) }
        return valid
    }

    /// Enters member or item `step` of the current value.
    mutating func pushPath(_ step: PathStep) {
        path.append(step)
    }

    /// Leaves the current value for the one that holds it.
    mutating func popPath() {
        path.removeLast()
        if pathIDs.count > path.count { pathIDs.removeLast() }
    }

    /// The entry of `annotated.paths` for the current path, its missing steps added. A
    /// value's own array of its path made an allocation per hit (issue 13).
    private mutating func currentPathID() -> Int32 {
        while pathIDs.count < path.count {
            pathIDs.append(annotated.paths.add(path[pathIDs.count], parent: pathIDs.last ?? PathTable.root))
        }
        return pathIDs.last ?? PathTable.root
    }

    /// Records that a schema annotates `instance` at the current path with annotations
    /// `annotations` of `graph.annotationTable` (its own, or the part a failed list keeps),
    /// merged with the previous hit when a second schema annotates the same value (a
    /// property and the definition it refers to).
    private mutating func record(_ instance: Node, _ annotations: UInt16) {
        let id = currentPathID()
        let last = annotated.records.count - 1
        if last >= hitsFloor, !annotated.records[last].isKey, annotated.records[last].node.span == instance.span,
           annotated.paths.equal(annotated.records[last].path, id) {
            annotated.records[last].annotations = annotated.merge(annotated.records[last].annotations, annotations, memo: &merges)
        } else {
            annotated.records.append(AnnotatedValues.Record(node: instance, path: id, annotations: annotations, isKey: false))
        }
    }

    /// Applies every keyword of `k`.
    private mutating func evaluateKeywords(_ k: CompiledNode, _ instance: Node, _ local: inout Evaluated?) -> Bool {
        var valid = true
        if let ref = k.ref {
            valid = evaluate(ref, instance, &local) && valid
            if !valid && !collecting { return false }
        }
        if let ref = k.dynamicRef {
            valid = evaluate(ref, instance, &local) && valid
            if !valid && !collecting { return false }
        }
        if let types = k.types, !types.matches(instance) {
            let written = collecting ? self.written[instance.span] : nil
            fail(.type(types, hint: collecting ? quotingHint(types, instance, written ?? instance.keyText, k) : nil, written: written),
                 "type", instance, k)
            // Other keywords would only repeat the problem in other words.
            return false
        }
        if let types = k.types, types.contains(.integer), !types.contains(.number), case let .double(d) = instance.value,
           d == d.rounded(), !written.isEmpty, let grouped = thousandsMeant(k, instance) {
            // Once per value: a property and the definition it refers to may both say `type`.
            if !failures.contains(where: { if case .thousandsWritten = $0.kind { return $0.instance.span == instance.span } else { return false } }) {
                fail(.thousandsWritten(written: written[instance.span] ?? "", grouped: grouped), "type", instance, k)
            }
            return false
        }
        if let values = k.enumValues, !isMember(instance, values, k.enumSet) {
            fail(.enumValue(values), "enum", instance, k)
            valid = false
            if !collecting { return false }
        }
        if let value = k.const, !InstanceEquality.equal(instance, value) {
            fail(.const(value), "const", instance, k)
            valid = false
            if !collecting { return false }
        }
        switch instance.value {
        case let .mapping(pairs) where k.hasObjectKeywords:
            valid = evaluateObject(k, instance, pairs, &local) && valid
        case let .sequence(items) where k.hasArrayKeywords:
            valid = evaluateArray(k, instance, items, &local) && valid
        case let .string(s) where k.hasStringKeywords:
            valid = evaluateString(k, instance, s) && valid
        case .int, .double:
            if k.hasNumberKeywords { valid = evaluateNumber(k, instance) && valid }
        default:
            break
        }
        if !valid && !collecting { return false }
        valid = evaluateApplicators(k, instance, &local) && valid
        if !valid && !collecting { return false }
        if k.needsEvaluated {
            valid = evaluateUnevaluated(k, instance, &local) && valid
        }
        return valid
    }

    /// When a number or a boolean stands where a string is wanted, and quoting it would
    /// not give the form the schema wants (`duration: 90`), what to write instead.
    /// `text`: the value as it was written (`08750`, not the 8750 YAML read).
    private func quotingHint(_ types: TypeSet, _ instance: Node, _ text: String, _ k: CompiledNode) -> String? {
        // A share out of 1 written as a percent (`fte: 50%`): "write 50" would be the next
        // error (at most 1; the trial's review), so the share itself.
        if types.contains(.number), k.maximum == 1, case let .string(written) = instance.value,
           written.trimmingCharacters(in: .whitespaces).hasSuffix("%"),
           let percent = Double(written.trimmingCharacters(in: .whitespaces).dropLast().trimmingCharacters(in: .whitespaces)
               .replacingOccurrences(of: ",", with: ".")), percent > 0, percent <= 100 {
            return "a share is written out of 1, as a number: \(ValueText.number(percent)) % is \(ValueText.number(percent / 100))"
        }
        // The two slips of structure (session 44's trial got no help for either): a list of
        // `- key: value` items where a mapping is wanted, and a mapping where a list is.
        if !instance.span.file.lowercased().hasSuffix(".json") {
            if types.contains(.object), !types.contains(.array), let items = instance.sequence, !items.isEmpty,
               items.allSatisfy({ $0.pairs?.count == 1 }) {
                let first = items[0].pairs![0].key.keyText
                return "remove the '- ' before each key: a mapping is written as 'key: value' lines ('\(first): …'), not as a list of them"
            }
            if types.contains(.array), !types.contains(.object), let pairs = instance.pairs, let first = pairs.first {
                return pairs.count == 1 && pairs[0].value.sequence == nil && pairs[0].value.pairs == nil
                    ? "start the item with '- ': '- \(first.key.keyText): …'"
                    : "start the item with '- ' before its first field ('- \(first.key.keyText): …') and line up its other fields with that one"
            }
        }
        // One value where a list is wanted (`agreements: adhesion-molins`, session 38's
        // trial): the list of it, in YAML's flow form.
        if types.contains(.array), !types.contains(.string), !instance.span.file.lowercased().hasSuffix(".json") {
            switch instance.value {
            case .string, .int, .double, .bool: return "write a list, even of one item: [\(text)]"
            default: break
            }
        }
        guard types.contains(.string) else { return nil }
        switch instance.value {
        case .int, .double, .bool: break
        case .null where !instance.span.file.lowercased().hasSuffix(".json"):
            // An empty field of a closed list (`type:` of an agreement) is told what it
            // takes, not only where to write it (session 37's trial).
            guard let values = k.enumValues, (1...12).contains(values.count) else { return nil }
            let listed = values.map(ValueText.literal)
            return "the value is empty; write " + (listed.count == 1 ? listed[0] : "one of " + listed.joined(separator: ", "))
                + " after the colon"
        default: return nil
        }
        if let format = k.format, !format.accepts(text) { return "write \(format.expectation)" }
        if let pattern = k.pattern, !pattern.matches(text) {
            let explanation = [k.title, k.description].compactMap { $0 }.joined(separator: ": ")
            return explanation.isEmpty ? "write text matching the pattern \(pattern.source)" : explanation
        }
        return nil
    }

    private func isMember(_ instance: Node, _ values: [Node], _ set: Set<HashableInstance>?) -> Bool {
        if let set { return set.contains(HashableInstance(node: instance)) }
        return values.contains { InstanceEquality.equal($0, instance) }
    }

    /// Applies `index` to a member or an item of the current value.
    mutating func evaluateChild(_ index: Int, _ child: Node, _ step: PathStep) -> Bool {
        pushPath(step)
        defer { popPath() }
        var none: Evaluated? = nil
        return evaluate(index, child, &none)
    }

    /// Applies `index` without recording failures, keeping the annotated values only
    /// when it is valid.
    mutating func check(_ index: Int, _ instance: Node, _ evaluated: inout Evaluated?) -> Bool {
        let saved = (collecting, failures.count, annotated.records.count, hitsFloor)
        collecting = false
        hitsFloor = annotated.records.count
        let valid = evaluate(index, instance, &evaluated)
        collecting = saved.0
        hitsFloor = saved.3
        if failures.count > saved.1 { failures.removeSubrange(saved.1...) }
        if !valid, annotated.records.count > saved.2 { annotated.records.removeSubrange(saved.2...) }
        return valid
    }
}
