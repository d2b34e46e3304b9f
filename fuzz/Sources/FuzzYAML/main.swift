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
    let (scanned, alone) = (LoadOutline.text(node, diagnostics, written), LoadOutline.text(other, otherDiagnostics, otherWritten))
    if scanned != alone {
        fatalError("the subset's scanner and libyaml differ:\n\(scanned)\n---\n\(alone)")
    }
    return 0
}

runFuzzer(fuzzYAML)
