import Diagnostics
import FuzzSupport
import Loading

/// libFuzzer's entry point: loads the input as a YAML file and checks that every position
/// the loader reports lies inside the text (line within the file, column within its line),
/// and that the loader gives what libyaml alone gives (the block-subset reader,
/// `BlockYAML`, answers for most texts): the same nodes, node for node and span for span,
/// and the same diagnostics.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (node, diagnostics) = YAMLLoader().load(bytes: bytes, file: "fuzz.yaml")
    PositionCheck(bytes: bytes).verify(node: node, diagnostics: diagnostics)
    let (reference, referenceDiagnostics) = YAMLLoader(readsBlockSubset: false).load(bytes: bytes, file: "fuzz.yaml")
    let sameNode: Bool
    switch (node, reference) {
    case (nil, nil): sameNode = true
    case let (a?, b?): sameNode = a.isIdentical(to: b)
    default: sameNode = false
    }
    if !sameNode || diagnostics != referenceDiagnostics {
        fatalError("the block-subset reader and libyaml disagree on this input")
    }
    return 0
}

runFuzzer(fuzzYAML)
