import Loading

extension Evaluator {
    /// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`.
    mutating func evaluateApplicators(_ k: CompiledNode, _ instance: Node, _ local: inout Evaluated?) -> Bool {
        var valid = true
        for index in k.allOf {
            valid = evaluate(index, instance, &local) && valid
            if !valid && !collecting { return false }
        }
        if !k.anyOf.isEmpty {
            valid = evaluateAnyOf(k, instance, &local) && valid
            if !valid && !collecting { return false }
        }
        if !k.oneOf.isEmpty {
            valid = evaluateOneOf(k, instance, &local) && valid
            if !valid && !collecting { return false }
        }
        if let index = k.not {
            let hitsBefore = annotated.records.count
            var none: Evaluated? = nil
            if check(index, instance, &none) {
                fail(.not, "not", instance, k)
                valid = false
            }
            if annotated.records.count > hitsBefore { annotated.records.removeSubrange(hitsBefore...) }
            if !valid && !collecting { return false }
        }
        if let condition = k.ifSchema {
            var conditionEvaluated: Evaluated? = local != nil ? Evaluated() : nil
            if check(condition, instance, &conditionEvaluated) {
                if let e = conditionEvaluated { local?.merge(e) }
                if let then = k.thenSchema { valid = evaluate(then, instance, &local) && valid }
            } else if let otherwise = k.elseSchema {
                valid = evaluate(otherwise, instance, &local) && valid
            }
            if !valid && !collecting { return false }
        }
        if !k.dependentSchemas.isEmpty, let pairs = instance.pairs {
            for (trigger, index) in k.dependentSchemas where pairs.contains(where: { $0.key.keyText == trigger }) {
                valid = evaluate(index, instance, &local) && valid
                if !valid && !collecting { return false }
            }
        }
        return valid
    }

    /// Valid when one branch is; every valid branch's annotations count.
    private mutating func evaluateAnyOf(_ k: CompiledNode, _ instance: Node, _ local: inout Evaluated?) -> Bool {
        var anyValid = false
        for index in k.anyOf where !excludedByType(index, instance) {
            var e: Evaluated? = local != nil ? Evaluated() : nil
            if check(index, instance, &e) {
                anyValid = true
                if let e { local?.merge(e) }
                // Without unevaluated* to feed, the first valid branch is enough.
                if local == nil { break }
            }
        }
        if !anyValid && collecting { reportClosest(k.anyOf, instance, keyword: "anyOf", k) }
        return anyValid
    }

    /// Valid when exactly one branch is.
    /// Branches of another type are not tried (`excludedByType`), and the valid ones are
    /// listed only when there are two (issue 13: every translatable text tried its string
    /// branch, and made an array for its one valid branch).
    private mutating func evaluateOneOf(_ k: CompiledNode, _ instance: Node, _ local: inout Evaluated?) -> Bool {
        var firstValid = 0
        var moreValid: [Int] = []
        var kept: Evaluated?
        for (i, index) in k.oneOf.enumerated() where !excludedByType(index, instance) {
            let hitsBefore = annotated.records.count
            var e: Evaluated? = local != nil ? Evaluated() : nil
            if check(index, instance, &e) {
                if firstValid == 0 {
                    firstValid = i + 1
                    kept = e
                } else {
                    moreValid.append(i + 1)
                    annotated.records.removeSubrange(hitsBefore...)
                }
            }
        }
        if firstValid == 0 {
            if collecting { reportClosest(k.oneOf, instance, keyword: "oneOf", k) }
            return false
        }
        if moreValid.isEmpty {
            if let kept { local?.merge(kept) }
            return true
        }
        fail(.oneOfMany([firstValid] + moreValid), "oneOf", instance, k)
        return false
    }

    /// Whether schema `index` says `type` and `instance` has none of its types: the branch
    /// fails whatever its other keywords say (`evaluateKeywords` stops at `type`), and
    /// trying it records nothing that stays.
    func excludedByType(_ index: Int, _ instance: Node) -> Bool {
        guard let types = graph.nodes[index].keywords.types else { return false }
        return !types.matches(instance)
    }

    /// Evaluates every branch again, collecting failures, and keeps the failures of the
    /// branch that came closest (see `BranchChoice`).
    private mutating func reportClosest(_ branches: [Int], _ instance: Node, keyword: String, _ k: CompiledNode) {
        var results: [[Failure]] = []
        for index in branches {
            let failuresBefore = failures.count, hitsBefore = annotated.records.count, floor = hitsFloor
            hitsFloor = annotated.records.count
            var none: Evaluated? = nil
            _ = evaluate(index, instance, &none)
            hitsFloor = floor
            results.append(Array(failures[failuresBefore...]))
            failures.removeSubrange(failuresBefore...)
            if annotated.records.count > hitsBefore { annotated.records.removeSubrange(hitsBefore...) }
        }
        // Each branch's form in words, for the note on the closest: its title, else its
        // types ("a string", "a mapping").
        let forms = branches.map { i -> String? in graph.nodes[i].title ?? graph.nodes[i].types.map(\.phrase) }
        let context = BranchChoice.Context(instance: instance, path: path, keyword: keyword,
                                           schemaSpan: k.spans[keyword] ?? k.span, forms: forms)
        let chosen = BranchChoice.closest(results, context)
        if chosen.isEmpty {
            fail(.noBranch, keyword, instance, k)
        } else {
            failures += chosen
        }
    }
}
