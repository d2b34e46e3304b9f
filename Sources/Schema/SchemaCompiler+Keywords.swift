import Diagnostics
import Loading

extension SchemaCompiler {
    /// Compiles one keyword of a schema mapping into `k`.
    mutating func compileKeyword(_ pair: Node.Pair, at location: SchemaSet.Location, into k: inout Keywords) {
        let keyword = pair.key.keyText
        let value = pair.value
        k.spans[keyword] = pair.key.span
        switch keyword {
        case "$ref", "$dynamicRef":
            guard let text = value.string else { return invalid(pair, "a URI reference") }
            let target = resolveReference(text, from: location, at: value.span)
            if keyword == "$ref" { k.ref = target } else { k.dynamicRef = target }
        case "type":
            k.types = types(pair)
        case "enum":
            guard let values = value.sequence else { return invalid(pair, "a list of values") }
            k.enumValues = values
            if values.count > 4 { k.enumSet = Set(values.map(HashableInstance.init)) }
        case "const":
            k.const = value
        case "properties":
            k.hasObjectKeywords = true
            for (name, index) in subMap(pair, location) where k.properties[name] == nil {
                k.properties[name] = index
                k.propertyOrder.append(name)
            }
        case "patternProperties":
            k.hasObjectKeywords = true
            for member in value.pairs ?? [] {
                if let p = pattern(member.key.keyText, at: member.key.span) {
                    k.patternProperties.append((p, sub(location, keyword, member.key.keyText, node: member.value)))
                }
            }
            if value.pairs == nil { invalid(pair, "a mapping of patterns to schemas") }
        case "additionalProperties":
            k.hasObjectKeywords = true
            k.additionalProperties = sub(location, keyword, node: value)
        case "unevaluatedProperties":
            k.hasObjectKeywords = true
            k.unevaluatedProperties = sub(location, keyword, node: value)
        case "propertyNames":
            k.hasObjectKeywords = true
            k.propertyNames = sub(location, keyword, node: value)
        case "required":
            k.hasObjectKeywords = true
            k.required = strings(pair)
        case "dependentRequired":
            k.hasObjectKeywords = true
            guard let members = value.pairs else { return invalid(pair, "a mapping of field names to lists of field names") }
            k.dependentRequired = members.map { member in
                (member.key.keyText, strings(member).map(\.0))
            }
        case "dependentSchemas":
            k.hasObjectKeywords = true
            k.dependentSchemas = subMap(pair, location)
        case "minProperties":
            k.hasObjectKeywords = true
            k.minProperties = count(pair)
        case "maxProperties":
            k.hasObjectKeywords = true
            k.maxProperties = count(pair)
        case "prefixItems":
            k.hasArrayKeywords = true
            k.prefixItems = subList(pair, location, nonEmpty: true)
        case "items":
            k.hasArrayKeywords = true
            k.items = sub(location, keyword, node: value)
        case "unevaluatedItems":
            k.hasArrayKeywords = true
            k.unevaluatedItems = sub(location, keyword, node: value)
        case "contains":
            k.hasArrayKeywords = true
            k.contains = sub(location, keyword, node: value)
        case "minContains":
            k.minContains = count(pair)
        case "maxContains":
            k.maxContains = count(pair)
        case "minItems":
            k.hasArrayKeywords = true
            k.minItems = count(pair)
        case "maxItems":
            k.hasArrayKeywords = true
            k.maxItems = count(pair)
        case "uniqueItems":
            k.hasArrayKeywords = true
            guard let flag = value.bool else { return invalid(pair, "true or false") }
            k.uniqueItems = flag
        case "minLength":
            k.hasStringKeywords = true
            k.minLength = count(pair)
        case "maxLength":
            k.hasStringKeywords = true
            k.maxLength = count(pair)
        case "pattern":
            k.hasStringKeywords = true
            guard let text = value.string else { return invalid(pair, "a regular expression") }
            k.pattern = pattern(text, at: value.span)
        case "format":
            k.hasStringKeywords = true
            guard let text = value.string else { return invalid(pair, "a format name") }
            k.format = Format(rawValue: text)
        case "minimum":
            k.hasNumberKeywords = true
            k.minimum = number(pair)
        case "maximum":
            k.hasNumberKeywords = true
            k.maximum = number(pair)
        case "exclusiveMinimum":
            k.hasNumberKeywords = true
            k.exclusiveMinimum = number(pair)
        case "exclusiveMaximum":
            k.hasNumberKeywords = true
            k.exclusiveMaximum = number(pair)
        case "multipleOf":
            k.hasNumberKeywords = true
            k.multipleOf = number(pair, positive: true)
        case "allOf":
            k.allOf = subList(pair, location, nonEmpty: true)
        case "anyOf":
            k.anyOf = subList(pair, location, nonEmpty: true)
        case "oneOf":
            k.oneOf = subList(pair, location, nonEmpty: true)
        case "not":
            k.not = sub(location, keyword, node: value)
        case "if":
            k.ifSchema = sub(location, keyword, node: value)
        case "then":
            k.thenSchema = sub(location, keyword, node: value)
        case "else":
            k.elseSchema = sub(location, keyword, node: value)
        case "$defs", "definitions":
            // Compiled now so that their problems are reported even when unused.
            _ = subMap(pair, location)
        case "title":
            k.title = value.string
        case "description":
            k.description = value.string
        case _ where keyword.hasPrefix("x-"):
            if let problem = Extensions.parse(pair, into: &k.annotations) { diagnostics.append(problem) }
        case _ where SchemaKeywords.known.contains(keyword):
            break
        default:
            let candidates = SchemaKeywords.known.filter { !$0.hasPrefix("x-") }.sorted()
            if let suggestion = Suggestions.didYouMean(keyword, in: candidates) {
                diagnostics.append(.warning("schema-unknown-keyword", "unknown keyword \"\(keyword)\"", at: pair.key.span,
                                            help: suggestion))
            }
        }
    }

    /// `type: string` or `type: [string, "null"]`.
    mutating func types(_ pair: Node.Pair) -> TypeSet? {
        let names: [Node]
        if let list = pair.value.sequence { names = list } else { names = [pair.value] }
        var set: TypeSet = []
        for name in names {
            guard let text = name.string, let t = TypeSet(name: text) else {
                let help = name.string.flatMap { Suggestions.didYouMean($0, in: TypeSet.named.map(\.0)) }
                    ?? "the types are \(TypeSet.named.map(\.0).joined(separator: ", "))"
                diagnostics.append(.error("schema-invalid", "unknown type \(ValueText.describe(name))", at: name.span, help: help))
                continue
            }
            set.insert(t)
        }
        return set.isEmpty && !names.isEmpty ? nil : set
    }

    /// Resolves a `$ref` against the base URI in force at `location` and compiles its target.
    mutating func resolveReference(_ text: String, from location: SchemaSet.Location, at span: SourceSpan) -> Int? {
        let base = set.base(at: location)
        // The same reference from the same base is resolved once (the kinds' schemas name
        // the common definitions hundreds of times; parsing and merging each URI again was
        // a sixth of the compile).
        let key = base.text + "\u{0}" + text
        if let target = resolvedReferences[key] { return compile(target) }
        let uri = URIReference(text).resolved(against: base)
        if let target = set.resolve(uri) {
            resolvedReferences[key] = target
            return compile(target)
        }
        var help: String?
        if let fragment = uri.fragment, fragment.hasPrefix("/"),
           let root = set.resolve(uri.withoutFragment),
           let tokens = JSONPointer.tokens(PercentDecoding.decode(fragment) ?? fragment), let last = tokens.last {
            let parent = root.appending(Array(tokens.dropLast()))
            if let names = set.node(at: parent)?.pairs?.map(\.key.keyText) {
                help = Suggestions.didYouMean(last, in: names)
            }
        } else if set.resolve(uri.withoutFragment) == nil {
            help = "no loaded schema has the address \(uri.withoutFragment.text)"
        }
        diagnostics.append(.error("schema-ref-unresolved", "cannot resolve $ref \(ValueText.quoted(text))", at: span, help: help))
        return nil
    }
}
