import Diagnostics
import Loading
import Model

/// One value a municipality changed: where, the model's value, and the local one.
public struct FieldOverride: Sendable {
    public var kind: Kind
    /// The id of the document overridden.
    public var target: String
    /// The path inside the document, with list items named by their key.
    public var path: [PathComponent]
    /// The path with list indices, for schema look-ups.
    public var schemaPath: [PathComponent]
    public var modelValue: Node?
    public var localValue: Node
    /// The mapping that holds the value after merging (for sibling fields such as
    /// an indicator target's `direction`).
    public var parent: Node?
    /// True when the override removes a keyed item (`$remove: true`).
    public var removes = false
    /// True for an item of a keyed list written with its key alone (`{id: s1}`): it names
    /// the model's item and changes no field of it (`override-redundant` says so).
    public var changesNothing = false
    /// True for an item `{id: x, $remove: true}` whose id no item of the model's list has:
    /// it removes nothing (`removes` and `changesNothing` are true too, `modelValue` is nil,
    /// and `parent` is the model's list, whose ids the rule offers).
    public var removesNothing = false

    /// `commitments[first-appointment].target`
    public var fieldName: String { path.fieldName }
}

/// Merges a municipality's override into a model document by the rules in
/// `model/schema/README.md`: mappings merge; lists keyed by `x-key` merge item by item
/// (`$remove: true` removes one); other lists and scalars replace. Merged values keep the
/// span of the file they came from, which is their provenance.
public struct Merger {
    let annotations: SchemaAnnotations
    let kind: Kind
    let target: String
    /// The fields the municipality changes.
    public private(set) var overrides: [FieldOverride] = []
    /// The fields it sets to the model's own value (`same(_:_:)`): they change
    /// nothing, so no output lists them as its changes; `override-redundant` says so.
    public private(set) var redundant: [FieldOverride] = []

    public init(annotations: SchemaAnnotations, kind: Kind, target: String) {
        self.annotations = annotations
        self.kind = kind
        self.target = target
    }

    public mutating func merge(_ model: Node, _ local: Node) -> Node {
        merge(model, local, path: [], schemaPath: [], parent: nil)
    }

    private mutating func merge(_ model: Node?, _ local: Node, path: [PathComponent],
                                schemaPath: [PathComponent], parent: Node?) -> Node {
        switch (model?.value, local.value) {
        case let (.mapping(modelPairs)?, .mapping(localPairs)):
            var pairs = modelPairs
            // A key written twice (`yaml-duplicate-key`) is read once, the first, as every
            // other reader of the tree reads it (the review: the second was merged over the
            // first, and compared with it as "the model's value").
            var seen = Set<String>()
            for lp in localPairs {
                let key = lp.key.keyText
                guard seen.insert(key).inserted else { continue }
                let step = PathComponent.key(key)
                if let i = pairs.firstIndex(where: { $0.key.keyText == key }) {
                    pairs[i].value = merge(pairs[i].value, lp.value, path: path + [step], schemaPath: schemaPath + [step],
                                           parent: model)
                } else {
                    pairs.append(lp)
                    record(nil, lp.value, path + [step], schemaPath + [step], parent: model)
                }
            }
            return Node(.mapping(pairs), span: model!.span)
        case let (.sequence(modelItems)?, .sequence(localItems))
            where annotations.annotations(kind, at: schemaPath).key != nil:
            let key = annotations.annotations(kind, at: schemaPath).key ?? "id"
            var items = modelItems
            for item in localItems {
                guard let id = item[key]?.keyText else { continue }
                let named = path + [.key("[\(id)]")]
                if let i = items.firstIndex(where: { $0[key]?.keyText == id }) {
                    if item["$remove"]?.bool == true {
                        var o = FieldOverride(kind: kind, target: target, path: named, schemaPath: schemaPath + [.index(i)],
                                              modelValue: items[i], localValue: item, parent: model)
                        o.removes = true
                        overrides.append(o)
                        items.remove(at: i)
                    } else {
                        // The key names the item; it is not a change.
                        let changes = Node(.mapping((item.pairs ?? []).filter { $0.key.keyText != key }), span: item.span)
                        if changes.pairs?.isEmpty == true {
                            var o = FieldOverride(kind: kind, target: target, path: named, schemaPath: schemaPath + [.index(i)],
                                                  modelValue: items[i], localValue: item, parent: model)
                            o.changesNothing = true
                            redundant.append(o)
                            continue
                        }
                        items[i] = merge(items[i], changes, path: named, schemaPath: schemaPath + [.index(i)], parent: model)
                    }
                } else if item["$remove"]?.bool != true {
                    items.append(item)
                    record(nil, item, named, schemaPath + [.index(items.count - 1)], parent: model)
                } else if !modelItems.contains(where: { $0[key]?.keyText == id }) {
                    // A removal of an item the model does not have: a slip in the id (session
                    // 38's trial removed `s7` of six steps, and nothing said so). Not the same
                    // removal written twice (the review: "the model has no 's2'").
                    var o = FieldOverride(kind: kind, target: target, path: named, schemaPath: schemaPath,
                                          modelValue: nil, localValue: item, parent: model)
                    (o.removes, o.changesNothing, o.removesNothing) = (true, true, true)
                    redundant.append(o)
                }
            }
            return Node(.sequence(items), span: model!.span)
        default:
            record(model, local, path, schemaPath, parent: parent)
            return local
        }
    }

    private mutating func record(_ model: Node?, _ local: Node, _ path: [PathComponent], _ schemaPath: [PathComponent],
                                 parent: Node?) {
        let o = FieldOverride(kind: kind, target: target, path: path, schemaPath: schemaPath,
                              modelValue: model, localValue: local, parent: parent)
        if let model, Merger.same(local, model) { redundant.append(o) } else { overrides.append(o) }
    }

    /// Whether an override's value is the model's own: equal as values
    /// (`Node.sameValue(as:)`), or two ISO 8601 durations of the same length written in
    /// units of one kind, exact in both (`PT90M` and `PT1H30M`, `P7D` and `P1W`; not `P1D`
    /// and `PT24H`, nor months or years, whose lengths vary).
    public static func same(_ local: Node, _ model: Node) -> Bool {
        if local.sameValue(as: model) { return true }
        guard let a = local.string.flatMap(ISODuration.init), let b = model.string.flatMap(ISODuration.init) else { return false }
        let time: Set<String> = ["hour", "minute", "second"], days: Set<String> = ["week", "day"]
        let units = (Set(a.parts.map(\.unit)), Set(b.parts.map(\.unit)))
        let sameKind = (units.0.isSubset(of: time) && units.1.isSubset(of: time)) || (units.0.isSubset(of: days) && units.1.isSubset(of: days))
        return sameKind && a.seconds == b.seconds
    }
}
