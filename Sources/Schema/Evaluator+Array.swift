import Loading

extension Evaluator {
    /// `prefixItems`, `items`, `contains`, `minItems`, `maxItems`, `uniqueItems`.
    mutating func evaluateArray(_ k: CompiledNode, _ instance: Node, _ items: [Node], _ local: inout Evaluated?) -> Bool {
        var valid = true
        if let n = k.minItems, items.count < n {
            fail(.minItems(n, found: items.count), "minItems", instance, k)
            valid = false
        }
        if let n = k.maxItems, items.count > n {
            fail(.maxItems(n, found: items.count), "maxItems", instance, k)
            valid = false
        }
        if !valid && !collecting { return false }
        for (i, index) in k.prefixItems.enumerated() where i < items.count {
            valid = evaluateChild(index, items[i], .index(i)) && valid
            if !valid && !collecting { return false }
        }
        if var e = local {
            e.itemPrefix = max(e.itemPrefix, min(k.prefixItems.count, items.count))
            local = e
        }
        if let index = k.items, items.count > k.prefixItems.count {
            let forbidden = graph.nodes[index].keywords.boolean == false
            for i in k.prefixItems.count..<items.count {
                if forbidden {
                    pushPath(.index(i))
                    fail(.unexpectedItem(allowed: k.prefixItems.count), "items", items[i], k)
                    popPath()
                    valid = false
                } else {
                    valid = evaluateChild(index, items[i], .index(i)) && valid
                }
                if !valid && !collecting { return false }
            }
            if valid { local?.allItems = true }
        }
        if let index = k.contains {
            valid = evaluateContains(index, k, instance, items, &local) && valid
            if !valid && !collecting { return false }
        }
        if k.uniqueItems {
            valid = evaluateUnique(k, items) && valid
        }
        return valid
    }

    private mutating func evaluateContains(_ index: Int, _ k: CompiledNode, _ instance: Node, _ items: [Node],
                                           _ local: inout Evaluated?) -> Bool {
        var found = 0
        for (i, item) in items.enumerated() {
            pushPath(.index(i))
            var none: Evaluated? = nil
            if check(index, item, &none) {
                found += 1
                local?.itemIndexes.insert(i)
            }
            popPath()
        }
        let least = k.minContains ?? 1
        if found < least || (k.maxContains.map { found > $0 } ?? false) {
            let keyword = found < least && k.minContains == nil ? "contains" : (found < least ? "minContains" : "maxContains")
            fail(.contains(min: least, max: k.maxContains, found: found), keyword, instance, k)
            return false
        }
        return true
    }

    /// Reports each item equal to an earlier one, at the later item. Uses hashing, so a
    /// long list costs linear time.
    ///
    /// A short list (up to `uniqueByComparing` items, as most are) is compared item with
    /// item; a longer one hashed: hashing every item of every list was 0.5% of `oae check`
    /// at 200 municipalities (issue 13). Either way a duplicate is told at each later copy,
    /// with the place of the first.
    private mutating func evaluateUnique(_ k: CompiledNode, _ items: [Node]) -> Bool {
        if items.count <= Evaluator.uniqueByComparing {
            var valid = true
            for i in items.indices {
                guard let earlier = items[..<i].firstIndex(where: { InstanceEquality.equal($0, items[i]) }) else { continue }
                valid = false
                guard collecting else { return false }
                pushPath(.index(i))
                fail(.duplicateItem(first: items[earlier].span), "uniqueItems", items[i], k)
                popPath()
            }
            return valid
        }
        var first: [HashableInstance: Int] = [:]
        var valid = true
        for (i, item) in items.enumerated() {
            let key = HashableInstance(node: item)
            if let earlier = first[key] {
                valid = false
                guard collecting else { return false }
                pushPath(.index(i))
                fail(.duplicateItem(first: items[earlier].span), "uniqueItems", item, k)
                popPath()
            } else {
                first[key] = i
            }
        }
        return valid
    }
}
