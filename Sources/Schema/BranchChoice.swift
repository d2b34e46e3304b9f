import Diagnostics
import Loading

/// Which failures to report when no branch of `oneOf` / `anyOf` fits: listing every
/// branch's failures buries the one that matters, so oae reports the branch that came
/// closest, or one merged sentence when the branches differ only in type or in a
/// distinguishing constant (`type: free` / `type: fee`).
enum BranchChoice {
    struct Context {
        var instance: Node
        var path: [PathStep]
        var keyword: String
        var schemaSpan: SourceSpan
        /// Each branch's form in words (its title or types), nil where it has neither.
        var forms: [String?] = []
    }

    static func closest(_ results: [[Failure]], _ context: Context) -> [Failure] {
        guard !results.isEmpty else { return [] }
        let depth = context.path.count
        if let merged = mergedType(results, context, depth: depth) { return [merged] }
        if let merged = mergedConstant(results, context, depth: depth) { return [merged] }
        var best = 0
        var bestScore = score(results[0], depth: depth)
        for (i, failures) in results.enumerated().dropFirst() {
            let s = score(failures, depth: depth)
            if s < bestScore {
                best = i
                bestScore = s
            }
        }
        guard results.count > 1 else { return results[best] }
        // The forms named when each branch has words of its own, all different (a writer's
        // "fits none of the 2 allowed forms ... (the 2nd)" named nothing: session 35's trial).
        let forms = context.forms.compactMap { $0 }
        let note: String
        if forms.count == results.count, Set(forms).count == forms.count {
            let listed = forms.count == 2 ? "\(forms[0]) or \(forms[1])" : forms.dropLast().joined(separator: ", ") + " or " + forms.last!
            note = "the value may be written as \(listed), and fits \(forms.count == 2 ? "neither" : "none of them"): these problems are those of the closest, \(forms[best])"
        } else {
            note = "the value fits none of the \(results.count) allowed forms; these problems are for the closest one (the \(ValueText.ordinal(best + 1)))"
        }
        return results[best].map { failure in
            var f = failure
            f.notes.append(note)
            return f
        }
    }

    /// Lower is closer: a branch of the wrong type is far, a branch whose distinguishing
    /// constant does not match is next, then the fewer failures the closer.
    static func score(_ failures: [Failure], depth: Int) -> (Int, Int, Int) {
        let wrongType = failures.contains { isRootType($0, depth: depth) } ? 1 : 0
        let wrongConstant = failures.contains { isChildConstant($0, depth: depth) } ? 1 : 0
        return (wrongType, wrongConstant, failures.count)
    }

    static func isRootType(_ f: Failure, depth: Int) -> Bool {
        if case .type = f.kind { return f.path.count == depth }
        return false
    }

    static func isChildConstant(_ f: Failure, depth: Int) -> Bool {
        switch f.kind {
        case .const, .enumValue: return f.path.count == depth + 1
        default: return false
        }
    }

    /// Every branch wants another type: `expected a string or a mapping; found integer 5`.
    static func mergedType(_ results: [[Failure]], _ context: Context, depth: Int) -> Failure? {
        var union: TypeSet = []
        var written: String?
        for failures in results {
            guard let f = failures.first(where: { isRootType($0, depth: depth) }), case let .type(t, _, w) = f.kind else { return nil }
            union.formUnion(t)
            written = written ?? w
        }
        return Failure(kind: .type(union, written: written), keyword: "type", instance: context.instance, path: context.path,
                       schemaSpan: context.schemaSpan)
    }

    /// Every branch fails on the same field's constant: `expected one of free, fee`.
    static func mergedConstant(_ results: [[Failure]], _ context: Context, depth: Int) -> Failure? {
        var values: [Node] = []
        var field: Failure?
        for failures in results {
            guard let f = failures.first(where: { isChildConstant($0, depth: depth) }) else { return nil }
            if let field, field.path != f.path { return nil }
            field = field ?? f
            switch f.kind {
            case let .const(v): values.append(v)
            case let .enumValue(vs): values += vs
            default: return nil
            }
        }
        guard let field else { return nil }
        var unique: [Node] = []
        for v in values where !unique.contains(where: { InstanceEquality.equal($0, v) }) { unique.append(v) }
        return Failure(kind: .enumValue(unique), keyword: "enum", instance: field.instance, path: field.path,
                       schemaSpan: context.schemaSpan)
    }
}
