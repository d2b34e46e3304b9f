import Loading
import Synchronization

extension SchemaValidator {
    /// The `x-` annotations of the field at `path`, found by walking the schema (not a
    /// document): `properties`, `patternProperties` and `additionalProperties` for a
    /// `.key`, `prefixItems` and `items` for an `.index`, through `$ref`, `allOf`,
    /// `anyOf`, `oneOf`, `then` and `else`. Every schema that may apply contributes.
    /// Returns nil when the schema has no place for that path.
    /// Memoized per validator (`AnnotationMemo`): the rules ask it of the same few paths
    /// for every override of every municipality, and a walk cost some 21,000 instructions
    /// (2.5% of `oae check` at 200 municipalities; issue 13).
    public func annotations(at path: [PathStep]) -> XAnnotations? {
        if let known = memo.annotations(at: path) { return known }
        let found = walkAnnotations(at: path)
        memo.record(found, at: path)
        return found
    }

    /// `annotations(at:)` without the memo: the walk over the schema.
    func walkAnnotations(at path: [PathStep]) -> XAnnotations? {
        var current = expand([root])
        for step in path {
            var next: [Int] = []
            for index in current {
                next += children(of: graph.nodes[index].keywords, step)
            }
            if next.isEmpty { return nil }
            current = expand(next)
        }
        return current.reduce(XAnnotations()) { result, index in
            let k = graph.nodes[index].keywords
            var own = k.annotations
            if let names = k.propertyNames { own.keyRef = graph.nodes[names].keywords.annotations.ref }
            return result.merged(with: own)
        }
    }

    /// `annotations(at:)` with a path of strings: a string of digits is a list index,
    /// anything else a mapping key (`["steps", "0", "time_limit"]`).
    public func annotations(at path: [String]) -> XAnnotations? {
        annotations(at: path.map { step -> PathStep in
            if let index = JSONPointer.arrayIndex(step) { return .index(index) }
            return .key(step)
        })
    }

    /// The description of the field at `path`, from the first schema that has one (for
    /// editor help and documentation).
    public func description(at path: [PathStep]) -> String? {
        var current = expand([root])
        for step in path {
            current = expand(current.flatMap { children(of: graph.nodes[$0].keywords, step) })
        }
        return current.lazy.compactMap { graph.nodes[$0].keywords.description }.first
    }

    /// The schemas that apply to a member or an item.
    private func children(of k: Keywords, _ step: PathStep) -> [Int] {
        switch step {
        case let .key(name):
            var out: [Int] = []
            if let p = k.properties[name] { out.append(p) }
            out += k.patternProperties.filter { $0.0.matches(name) }.map(\.1)
            if out.isEmpty, let extra = k.additionalProperties { out.append(extra) }
            if out.isEmpty, let extra = k.unevaluatedProperties { out.append(extra) }
            return out.filter { graph.nodes[$0].keywords.boolean != false }
        case let .index(i):
            var out: [Int] = []
            if i < k.prefixItems.count { out.append(k.prefixItems[i]) } else if let items = k.items { out.append(items) }
            if let contains = k.contains { out.append(contains) }
            return out.filter { graph.nodes[$0].keywords.boolean != false }
        }
    }

    /// Adds the schemas that apply in place (`$ref`, `allOf`…), each once, in a fixed order.
    private func expand(_ start: [Int]) -> [Int] {
        var out: [Int] = []
        var seen = Set<Int>()
        var queue = start[...]
        while let index = queue.popFirst() {
            guard seen.insert(index).inserted else { continue }
            out.append(index)
            let k = graph.nodes[index].keywords
            var next: [Int] = []
            if let ref = k.ref { next.append(ref) }
            if let ref = k.dynamicRef { next.append(ref) }
            next += k.allOf + k.anyOf + k.oneOf
            if let then = k.thenSchema { next.append(then) }
            if let otherwise = k.elseSchema { next.append(otherwise) }
            next += k.dependentSchemas.map(\.1)
            queue.append(contentsOf: next)
        }
        return out
    }
}

/// The annotations a validator found at each path asked for (`annotations(at:)`), shared
/// by the copies of the validator and by every thread: the schema does not change, so an
/// answer stays right. Nil answers (no place for the path) are kept as such.
final class AnnotationMemo: Sendable {
    private let table = Mutex<[[PathStep]: XAnnotations?]>([:])

    /// The answer recorded for `path`: `.some(nil)` when the schema has no place for it,
    /// nil when it was not asked before.
    func annotations(at path: [PathStep]) -> XAnnotations?? {
        table.withLock { $0[path] }
    }

    func record(_ found: XAnnotations?, at path: [PathStep]) {
        table.withLock { $0[path] = .some(found) }
    }
}
