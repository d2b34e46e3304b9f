import Loading

/// The annotated values of one document (`SchemaValidation.annotated`), kept small: each
/// value is its node, the index of its path in a table of the document's paths, and the
/// index of its annotations among the schema's distinct ones (`SchemaGraph.annotationTable`)
/// and the combinations the document met. A value with its own path array and annotations
/// took some 250 bytes and an allocation; this takes 56 bytes plus a path step (28 bytes).
/// At 947 municipalities the values of every document were 87 MB of `oae check`'s 340 MB
/// peak (issue 13, session 50).
///
/// A collection of `AnnotatedValue`s, in document order, one per path; reading one whole
/// makes its path. The rules read the parts they need by index: `ref(at:)`,
/// `isTranslatable(at:)`, `key(at:)`, `node(at:)`, `isKey(at:)`, and `path(at:)` for a
/// message.
public struct AnnotatedValues: RandomAccessCollection, Sendable {
    /// One value: 56 bytes.
    struct Record: Sendable {
        var node: Node
        /// The value's path in `paths` (`PathTable.root` for the document itself).
        var path: Int32
        /// The value's annotations: an index of `shared`, or past its end, of `extra`.
        var annotations: UInt16
        var isKey: Bool
    }

    var records: [Record]
    var paths: PathTable
    /// The schema's distinct annotations (`SchemaGraph.annotationTable`), shared by the
    /// documents it validates.
    let shared: [XAnnotations]
    /// The annotations of this document's values that `shared` does not hold: those of
    /// two schemas combined (a property's and its definition's).
    var extra: [XAnnotations] = []

    init(shared: [XAnnotations] = []) {
        records = []
        paths = PathTable()
        self.shared = shared
    }

    /// The values given, in the order given (their paths and annotations put in tables).
    public init(_ values: [AnnotatedValue]) {
        self.init(shared: [])
        for value in values {
            var id = PathTable.root
            for step in value.path { id = paths.add(step, parent: id) }
            records.append(Record(node: value.node, path: id, annotations: intern(value.annotations), isKey: value.isKey))
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    /// The value at `i`, with its path made.
    public subscript(i: Int) -> AnnotatedValue {
        AnnotatedValue(path: path(at: i), node: records[i].node, isKey: records[i].isKey, annotations: annotations(at: i))
    }

    /// The value (or the key, when `isKey(at:)`) at `i`.
    public func node(at i: Int) -> Node { records[i].node }

    /// The combined `x-` annotations of value `i`.
    public func annotations(at i: Int) -> XAnnotations { annotations(Int(records[i].annotations)) }

    /// The `x-ref` of value `i`: one field read, not the whole annotations copied (the
    /// rules ask each value; issue 13).
    public func ref(at i: Int) -> String? {
        let id = Int(records[i].annotations)
        return id < shared.count ? shared[id].ref : extra[id - shared.count].ref
    }

    /// Whether value `i` is a translatable text (`x-i18n`), read as `ref(at:)`.
    public func isTranslatable(at i: Int) -> Bool {
        let id = Int(records[i].annotations)
        return id < shared.count ? shared[id].i18n : extra[id - shared.count].i18n
    }

    /// The `x-key` of value `i`: the field that identifies the items of the list.
    public func key(at i: Int) -> String? {
        let id = Int(records[i].annotations)
        return id < shared.count ? shared[id].key : extra[id - shared.count].key
    }

    /// The annotations of index `id` (`Record.annotations`).
    func annotations(_ id: Int) -> XAnnotations { id < shared.count ? shared[id] : extra[id - shared.count] }

    /// Every distinct annotation the values may name: `shared`, then `extra`.
    var table: [XAnnotations] { shared + extra }

    /// Whether value `i` is a mapping key (annotated by a `propertyNames` schema).
    public func isKey(at i: Int) -> Bool { records[i].isKey }

    /// The path of value `i` from the document's root.
    public func path(at i: Int) -> [PathStep] { paths.steps(records[i].path) }

    /// The index of `annotations`, added to `extra` when new.
    mutating func intern(_ annotations: XAnnotations) -> UInt16 {
        if let i = shared.firstIndex(of: annotations) { return UInt16(i) }
        if let i = extra.firstIndex(of: annotations) { return UInt16(shared.count + i) }
        precondition(shared.count + extra.count < Int(UInt16.max), "more distinct annotations than a document can hold")
        extra.append(annotations)
        return UInt16(shared.count + extra.count - 1)
    }

    /// The index of annotations `a` combined with `b` (`XAnnotations.merged`). `memo`: the
    /// combinations found so far, searched first.
    mutating func merge(_ a: UInt16, _ b: UInt16, memo: inout [(a: UInt16, b: UInt16, merged: UInt16)]) -> UInt16 {
        if a == b { return a }
        if let known = memo.first(where: { $0.a == a && $0.b == b }) { return known.merged }
        let merged = intern(annotations(Int(a)).merged(with: annotations(Int(b))))
        memo.append((a, b, merged))
        return merged
    }

    /// The values with arrays of their exact sizes: an array grown by doubling kept a
    /// third more than its values on average, and the values of every document are kept
    /// until the check is done.
    mutating func shrink() {
        if records.capacity - records.count > records.count / 8 {
            var exact: [Record] = []
            exact.reserveCapacity(records.count)
            exact.append(contentsOf: records)
            records = exact
        }
        paths.shrink()
    }
}

/// The paths of a document's annotated values as a tree: each entry is one step and the
/// entry of the path it extends. A path is its last entry's index; the document itself is
/// `root`. Entries are only added: a path that is left and entered again may have a second
/// entry, which `equal` tells is the same path.
struct PathTable: Sendable {
    /// The empty path (the document's root).
    static let root: Int32 = -1

    private(set) var steps: [PathStep] = []
    private(set) var parents: [Int32] = []

    /// The entry for `parent` extended by `step`.
    mutating func add(_ step: PathStep, parent: Int32) -> Int32 {
        precondition(steps.count < Int(Int32.max), "more path steps than a document can hold")
        steps.append(step)
        parents.append(parent)
        return Int32(steps.count - 1)
    }

    /// The table with arrays of their exact sizes (`AnnotatedValues.shrink`).
    mutating func shrink() {
        guard steps.capacity - steps.count > steps.count / 8 else { return }
        var exactSteps: [PathStep] = [], exactParents: [Int32] = []
        exactSteps.reserveCapacity(steps.count)
        exactSteps.append(contentsOf: steps)
        exactParents.reserveCapacity(parents.count)
        exactParents.append(contentsOf: parents)
        (steps, parents) = (exactSteps, exactParents)
    }

    /// How many steps path `id` has.
    func depth(_ id: Int32) -> Int {
        var n = 0, at = id
        while at != PathTable.root {
            n += 1
            at = parents[Int(at)]
        }
        return n
    }

    /// Path `id`'s steps from the root.
    func steps(_ id: Int32) -> [PathStep] {
        var out: [PathStep] = []
        out.reserveCapacity(depth(id))
        var at = id
        while at != PathTable.root {
            out.append(steps[Int(at)])
            at = parents[Int(at)]
        }
        out.reverse()
        return out
    }

    /// Whether paths `a` and `b` have the same steps: compared from their last steps, where
    /// two paths of a document mostly differ.
    func equal(_ a: Int32, _ b: Int32) -> Bool {
        var a = a, b = b
        while a != b {
            guard a != PathTable.root, b != PathTable.root, steps[Int(a)] == steps[Int(b)] else { return false }
            a = parents[Int(a)]
            b = parents[Int(b)]
        }
        return true
    }

    /// Whether path `id` has the steps of `path`.
    func equal(_ id: Int32, _ path: [PathStep]) -> Bool {
        var at = id
        for step in path.reversed() {
            guard at != PathTable.root, steps[Int(at)] == step else { return false }
            at = parents[Int(at)]
        }
        return at == PathTable.root
    }
}
