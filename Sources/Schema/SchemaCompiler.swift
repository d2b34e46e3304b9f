import Diagnostics
import Loading

/// Compiles schemas of a `SchemaSet` once into a graph that validates many documents
/// fast: keyword values are parsed and checked, patterns compiled, and every `$ref`
/// resolved to the schema it names. Problems in a schema are diagnostics in that schema's
/// file; a schema with problems still compiles, leaving out what it cannot understand.
public struct SchemaCompiler {
    let set: SchemaSet
    var slots: [CompiledNode?] = []
    var indexByLocation: [SchemaSet.Location: Int] = [:]
    /// The target of each reference resolved, by base URI and reference text.
    var resolvedReferences: [String: SchemaSet.Location] = [:]
    var diagnostics: [Diagnostic] = []

    init(set: SchemaSet) {
        self.set = set
    }

    /// Compiles the schemas named by `entries` (files or URIs of documents of `set`)
    /// into validators that share one graph, so that common definitions compile once.
    public static func compile(_ set: SchemaSet, entries: [String]) -> (validators: [String: SchemaValidator], diagnostics: [Diagnostic]) {
        var compiler = SchemaCompiler(set: set)
        var roots: [(String, Int)] = []
        for entry in entries {
            guard let document = set.document(named: entry) else {
                compiler.diagnostics.append(.error("schema-ref-unresolved", "no schema \"\(entry)\" is loaded", at: .wholeFile(entry)))
                continue
            }
            roots.append((entry, compiler.compile(SchemaSet.Location(document: document, pointer: ""))))
        }
        let graph = SchemaGraph(nodes: compiler.slots.map { $0 ?? CompiledNode(Keywords(span: .wholeFile(""))) })
        compiler.diagnostics += LoopCheck.find(in: graph)
        var validators: [String: SchemaValidator] = [:]
        for (entry, root) in roots {
            validators[entry] = SchemaValidator(graph: graph, root: root, file: entry)
        }
        return (validators, compiler.diagnostics)
    }

    /// Compiles one schema document (by file or URI).
    public static func compile(_ set: SchemaSet, entry: String) -> (SchemaValidator?, [Diagnostic]) {
        let (validators, diagnostics) = compile(set, entries: [entry])
        return (validators[entry], diagnostics)
    }

    /// The index of the compiled schema at `location`, compiling it on first use. `known`:
    /// the schema's node when the caller holds it (a subschema of the one it compiles),
    /// else it is found from the location's pointer (a `$ref`'s target, a root): parsing
    /// and following the pointer of every subschema was a fifth of the schemas' compile.
    mutating func compile(_ location: SchemaSet.Location, known: Node? = nil) -> Int {
        if let index = indexByLocation[location] { return index }
        let index = slots.count
        slots.append(nil)
        indexByLocation[location] = index
        guard let node = known ?? set.node(at: location) else {
            var k = Keywords(span: .wholeFile(set.file(of: location)))
            k.boolean = true
            slots[index] = CompiledNode(k)
            return index
        }
        var k = Keywords(span: node.span)
        switch node.value {
        case let .bool(b):
            k.boolean = b
        case let .mapping(pairs):
            for pair in pairs {
                compileKeyword(pair, at: location, into: &k)
            }
        default:
            diagnostics.append(.error("schema-invalid", "a schema must be a mapping, true or false; found \(ValueText.describe(node))",
                                      at: node.span))
            k.boolean = true
        }
        slots[index] = CompiledNode(k)
        return index
    }

    /// Compiles `node`, the subschema below `location` at `tokens`.
    mutating func sub(_ location: SchemaSet.Location, _ tokens: String..., node: Node) -> Int {
        compile(location.appending(tokens), known: node)
    }

    /// Compiles a list of subschemas (`allOf`, `prefixItems`…).
    mutating func subList(_ pair: Node.Pair, _ location: SchemaSet.Location, nonEmpty: Bool) -> [Int] {
        let keyword = pair.key.keyText
        guard let items = pair.value.sequence, !(nonEmpty && items.isEmpty) else {
            invalid(pair, nonEmpty ? "a non-empty list of schemas" : "a list of schemas")
            return []
        }
        return items.indices.map { sub(location, keyword, String($0), node: items[$0]) }
    }

    /// Compiles a mapping of names to subschemas (`properties`, `dependentSchemas`…).
    mutating func subMap(_ pair: Node.Pair, _ location: SchemaSet.Location) -> [(String, Int)] {
        let keyword = pair.key.keyText
        guard let members = pair.value.pairs else {
            invalid(pair, "a mapping of names to schemas")
            return []
        }
        return members.map { ($0.key.keyText, sub(location, keyword, $0.key.keyText, node: $0.value)) }
    }

    mutating func invalid(_ pair: Node.Pair, _ expected: String) {
        diagnostics.append(.error("schema-invalid",
                                  "\"\(pair.key.keyText)\" must be \(expected); found \(ValueText.describe(pair.value))",
                                  at: pair.value.span))
    }

    /// A non-negative integer keyword value (`minLength`, `maxItems`…).
    mutating func count(_ pair: Node.Pair) -> Int? {
        guard let n = pair.value.int, n >= 0 else {
            invalid(pair, "a non-negative integer")
            return nil
        }
        return n
    }

    /// A number keyword value (`minimum`, `multipleOf`…).
    mutating func number(_ pair: Node.Pair, positive: Bool = false) -> Double? {
        guard let n = pair.value.number, !(positive && n <= 0) else {
            invalid(pair, positive ? "a number greater than 0" : "a number")
            return nil
        }
        return n
    }

    /// A list of distinct strings (`required`, `dependentRequired` members).
    mutating func strings(_ pair: Node.Pair) -> [(String, SourceSpan)] {
        guard let items = pair.value.sequence else {
            invalid(pair, "a list of field names")
            return []
        }
        var out: [(String, SourceSpan)] = []
        for item in items {
            guard let s = item.string else {
                diagnostics.append(.error("schema-invalid", "a field name must be a string; found \(ValueText.describe(item))", at: item.span))
                continue
            }
            out.append((s, item.span))
        }
        return out
    }

    mutating func pattern(_ text: String, at span: SourceSpan) -> Pattern? {
        do {
            return try Pattern(text)
        } catch {
            diagnostics.append(.error("schema-invalid", "invalid regular expression \(ValueText.quoted(text))", at: span,
                                      help: "patterns are ECMA-262 regular expressions, as in JavaScript"))
            return nil
        }
    }
}
