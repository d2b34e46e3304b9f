import Loading

/// The number a node holds (an integer or a decimal), or nil.
///
/// The handbook reads numbers through this function instead of `node?.number`: in
/// release builds, Swift 6.3's optimiser crashes (a CopyPropagation ownership error)
/// on `Node.number` reached through optional chaining once it is inlined across
/// modules.
@inline(never)
func numeric(_ node: Node?) -> Double? {
    guard let node else { return nil }
    if case let .int(i) = node.value { return Double(i) }
    if case let .double(d) = node.value { return d }
    return nil
}
