import Diagnostics
import FuzzSupport
import Loading

/// libFuzzer's entry point: loads the input as a YAML file and checks that every position
/// the loader reports lies inside the text (line within the file, column within its line),
/// and that the subset's scanner (`SubsetScanner`, for the texts it reads) and libyaml
/// alone give the same nodes, positions, messages and written forms.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (node, diagnostics, written) = YAMLLoader().loadKeepingForms(bytes: bytes, file: "fuzz.yaml")
    PositionCheck(bytes: bytes).verify(node: node, diagnostics: diagnostics)
    var libyaml = YAMLLoader()
    libyaml.scansSubset = false
    let (other, otherDiagnostics, otherWritten) = libyaml.loadKeepingForms(bytes: bytes, file: "fuzz.yaml")
    let (scanned, alone) = (describe(node, diagnostics, written), describe(other, otherDiagnostics, otherWritten))
    if scanned != alone {
        fatalError("the subset's scanner and libyaml differ:\n\(scanned)\n---\n\(alone)")
    }
    return 0
}

/// Everything a load gives, spans included, as one text to compare.
func describe(_ node: Node?, _ problems: [Diagnostic], _ written: WrittenForms) -> String {
    var out = ""
    func dump(_ node: Node, _ depth: Int) {
        out += String(repeating: " ", count: depth) + "\(node.span.start)-\(node.span.end) "
        switch node.value {
        case let .sequence(items):
            out += "[\n"
            for item in items { dump(item, depth + 1) }
        case let .mapping(pairs):
            out += "{\n"
            for pair in pairs { dump(pair.key, depth + 1); dump(pair.value, depth + 2) }
        default:
            out += "\(node.value)\n"
        }
    }
    if let node { dump(node, 0) } else { out += "nil\n" }
    for problem in problems {
        out += "\(problem.severity) \(problem.rule) \(problem.span.start)-\(problem.span.end) \(problem.message) | \(problem.help ?? "")"
        out += problem.related.map { " | \($0.span.start) \($0.message)" }.joined() + "\n"
    }
    out += written.map { "\($0.key) \($0.value)" }.sorted().joined(separator: "\n")
    return out
}

runFuzzer(fuzzYAML)
