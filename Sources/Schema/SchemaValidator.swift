import Diagnostics
import Loading

/// A value that a schema with `x-` keywords applied to successfully: for example the
/// `owner_role` of a service with its `x-ref: role`. The reference checks use these; a
/// validation keeps them compactly (`AnnotatedValues`).
public struct AnnotatedValue: Sendable {
    /// The path of the value from the document's root.
    public var path: [PathStep]
    /// The value, or the key of a member when `isKey` (for `propertyNames`).
    public var node: Node
    /// Whether `node` is a mapping key (the schema is a `propertyNames`), not a value.
    public var isKey = false
    /// The `x-` keywords of every schema that applied to the value, combined.
    public var annotations: XAnnotations

    /// A value and its annotations.
    public init(path: [PathStep], node: Node, isKey: Bool = false, annotations: XAnnotations) {
        self.path = path
        self.node = node
        self.isKey = isKey
        self.annotations = annotations
    }
}

/// The outcome of validating one document.
public struct SchemaValidation: Sendable {
    /// One diagnostic per problem, at the offending value, in report order.
    public var diagnostics: [Diagnostic]
    /// The annotated values met on the branches that fit, one per path, in document order.
    public var annotated: AnnotatedValues

    /// Whether the document has no problem.
    public var isValid: Bool { diagnostics.isEmpty }

    /// The values a schema marks `x-ref`, with the kind they refer to.
    public var references: [(node: Node, path: [PathStep], kind: String)] {
        annotated.indices.compactMap { i in annotated.ref(at: i).map { (annotated.node(at: i), annotated.path(at: i), $0) } }
    }
}

/// A compiled schema, ready to validate many documents. Build it with `SchemaCompiler`.
public struct SchemaValidator: Sendable {
    /// Every rule this module reports, for the rule catalogue and `docs/rules.md`.
    public static let rules: [RuleInfo] = SchemaRules.all

    let graph: SchemaGraph
    let root: Int
    /// The schema's file (or URI) as it was named to the compiler.
    public let file: String
    /// The answers of `annotations(at:)` so far.
    let memo = AnnotationMemo()

    init(graph: SchemaGraph, root: Int, file: String) {
        self.graph = graph
        self.root = root
        self.file = file
    }

    /// Validates a document. Never throws; problems are diagnostics. `written`: the
    /// written forms of its scalars (`WrittenForms`), so that a message quotes what the
    /// writer typed.
    public func validate(_ instance: Node, written: WrittenForms = [:]) -> SchemaValidation {
        var evaluator = Evaluator(graph: graph, written: written)
        var none: Evaluated? = nil
        _ = evaluator.evaluate(root, instance, &none)
        var seen = Set<Diagnostic>()
        var diagnostics: [Diagnostic] = []
        for failure in SchemaValidator.misspeltRequiredLeftOut(evaluator.failures) {
            let d = failure.diagnostic
            if seen.insert(d).inserted { diagnostics.append(d) }
        }
        // The hits taken out of the evaluator, so that `mergeInPlace` owns the only copy.
        var hits = AnnotatedValues()
        swap(&hits, &evaluator.annotated)
        SchemaValidator.mergeInPlace(&hits)
        hits.shrink()
        return SchemaValidation(diagnostics: diagnostics.sortedForReport(), annotated: hits)
    }

    /// The failures without a missing required field of a mapping that has an unexpected
    /// field close to its name (`amout` for `amount`): one slip, one error, the unexpected
    /// field's, whose help asks "did you mean 'amount'?" (session 35's trial got both).
    static func misspeltRequiredLeftOut(_ failures: [Failure]) -> [Failure] {
        // Each unexpected key with the declared fields its did-you-mean names.
        var meant: [[PathStep]: Set<String>] = [:]
        for f in failures {
            if case let .unexpectedField(key, declared) = f.kind, !f.path.isEmpty {
                meant[Array(f.path.dropLast()), default: []].formUnion(Suggestions.closest(to: key, in: declared))
            }
        }
        guard !meant.isEmpty else { return failures }
        return failures.filter { f in
            guard case let .required(name, _, _) = f.kind, let names = meant[f.path] else { return true }
            return !names.contains(name)
        }
    }

    /// Only whether a document is valid, without building messages (the fastest check).
    public func isValid(_ instance: Node) -> Bool {
        var evaluator = Evaluator(graph: graph)
        evaluator.collecting = false
        var none: Evaluated? = nil
        return evaluator.evaluate(root, instance, &none)
    }

    /// One annotated value per path, the annotations of every schema combined, in the
    /// order of the document.
    static func merge(_ hits: [AnnotatedValue]) -> [AnnotatedValue] {
        var hits = AnnotatedValues(hits)
        mergeInPlace(&hits)
        return Array(hits)
    }

    /// `merge`, done in the array itself: the hits are put in order by swapping them
    /// (a swap moves a value; it neither retains nor releases), and each hit that is
    /// combined with the one before it is dropped. Building a second array instead copied
    /// every hit and then freed every hit of the first array (issue 13). The result keeps
    /// the evaluator's array, whose capacity may exceed its count.
    static func mergeInPlace(_ hits: inout AnnotatedValues) {
        // When the evaluator met the values in document order, one hit per path, the hits
        // are the answer as they are.
        if isMerged(hits) { return }
        let paths = hits.paths
        // Most lists are nearly in order (a mapping's hit comes after its members'): the
        // indexes are sorted, not the hits. Equal hits keep their order, as a stable sort
        // of the hits did.
        let order = hits.records.withUnsafeBufferPointer { records in
            records.indices.sorted { a, b in
                if documentOrder(records[a], records[b], paths) { return true }
                if documentOrder(records[b], records[a], paths) { return false }
                return a < b
            }
        }
        // The hits combined into one, at its index, with the annotations of all.
        var merged: [(index: Int, annotations: XAnnotations)] = []
        let (shared, extra) = (hits.shared, hits.extra)
        func annotations(_ id: UInt16) -> XAnnotations { Int(id) < shared.count ? shared[Int(id)] : extra[Int(id) - shared.count] }
        let kept = hits.records.withUnsafeMutableBufferPointer { records -> Int in
            permute(records, by: order)
            // Neighbours for one path (both values or both keys) are combined into the
            // first: `kept` hits stand before index `kept`, the rest after it.
            var kept = 0
            for i in records.indices {
                let last = kept - 1
                if last >= 0, records[last].isKey == records[i].isKey, paths.equal(records[last].path, records[i].path) {
                    let first = merged.last?.index == last ? merged.removeLast().annotations : annotations(records[last].annotations)
                    merged.append((last, first.merged(with: annotations(records[i].annotations))))
                } else {
                    if kept != i { records.swapAt(kept, i) }
                    kept += 1
                }
            }
            return kept
        }
        for (i, annotations) in merged { hits.records[i].annotations = hits.intern(annotations) }
        hits.records.removeSubrange(kept...)
    }

    /// Puts `values[order[j]]` at index `j` for every `j`, cycle by cycle, by swaps.
    /// `order` is a permutation of the indices of `values`.
    static func permute<T>(_ values: UnsafeMutableBufferPointer<T>, by order: [Int]) {
        precondition(order.count == values.count)
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            // Along the cycle through `start`: index `j` takes the value at `order[j]`.
            var j = start
            placed[j] = true
            while order[j] != start {
                values.swapAt(j, order[j])
                j = order[j]
                placed[j] = true
            }
        }
    }

    /// Whether `merge` would give `hits` back unchanged: each hit strictly after the one
    /// before it in `documentOrder`, and no two neighbours with the same path (and both
    /// values or both keys), which `merge` would combine.
    static func isMerged(_ hits: AnnotatedValues) -> Bool {
        hits.records.withUnsafeBufferPointer { records in
            for i in records.indices.dropFirst() {
                guard documentOrder(records[i - 1], records[i], hits.paths) else { return false }
                if records[i - 1].isKey == records[i].isKey, hits.paths.equal(records[i - 1].path, records[i].path) { return false }
            }
            return true
        }
    }

    /// By position, then path length, then key before value, then path: equal paths end
    /// up next to each other (aliased YAML can give two paths the same position).
    static func documentOrder(_ a: AnnotatedValue, _ b: AnnotatedValue) -> Bool {
        if a.node.span.start != b.node.span.start { return a.node.span.start < b.node.span.start }
        if a.path.count != b.path.count { return a.path.count < b.path.count }
        if a.isKey != b.isKey { return a.isKey }
        for (x, y) in zip(a.path, b.path) where x != y {
            switch (x, y) {
            case let (.key(p), .key(q)): return p < q
            case let (.index(p), .index(q)): return p < q
            case (.key, .index): return false
            case (.index, .key): return true
            }
        }
        return false
    }

    /// `documentOrder` of two records of `paths`' document: their paths are made only for
    /// two values at one position.
    static func documentOrder(_ a: AnnotatedValues.Record, _ b: AnnotatedValues.Record, _ paths: PathTable) -> Bool {
        if a.node.span.start != b.node.span.start { return a.node.span.start < b.node.span.start }
        return documentOrder(AnnotatedValue(path: paths.steps(a.path), node: a.node, isKey: a.isKey, annotations: XAnnotations()),
                             AnnotatedValue(path: paths.steps(b.path), node: b.node, isKey: b.isKey, annotations: XAnnotations()))
    }
}
