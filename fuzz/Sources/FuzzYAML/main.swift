import Diagnostics
import FuzzSupport
import Loading

/// libFuzzer's entry point: loads the input as a YAML file and checks that every position
/// the loader reports lies inside the text (line within the file, column within its line).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (node, diagnostics) = YAMLLoader().load(bytes: bytes, file: "fuzz.yaml")
    PositionCheck(bytes: bytes).verify(node: node, diagnostics: diagnostics)
    return 0
}

runFuzzer(fuzzYAML)
