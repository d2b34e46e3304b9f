import Diagnostics
import FuzzSupport
import Foundation
import Loading
import Schema

/// The validators of every kind's schema in model/schema (OAE_FUZZ_SCHEMAS, else the
/// example tree's folder next to fuzz/), compiled once.
enum Schemas {
    static let validators: [SchemaValidator] = {
    let folder = ProcessInfo.processInfo.environment["OAE_FUZZ_SCHEMAS"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("model/schema").path
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".schema.yaml") }.sorted()
    precondition(!files.isEmpty, "no schemas in \(folder); set OAE_FUZZ_SCHEMAS")
    return files.compactMap { name in
        let loaded = SchemaFiles.loadWithSiblings(folder + "/" + name, displayName: name)
        return SchemaCompiler.compile(loaded.set, entry: loaded.entry).0
    }
    }()
}

/// libFuzzer's entry point: the first byte picks a schema, the rest is a YAML (or, for an
/// odd first byte, JSON) document validated against it; every position must lie inside
/// the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchema(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let node: Node?
    if selector % 2 == 1 {
        let (text, _) = TextChecks.decode(bytes, file: "fuzz.json")
        guard let text else { return 0 }
        node = JSONNodeParser().parse(text, file: "fuzz.json").0
    } else {
        node = YAMLLoader().load(bytes: bytes, file: "fuzz.yaml").0
    }
    guard let node else { return 0 }
    let validator = Schemas.validators[(selector / 2) % Schemas.validators.count]
    let result = validator.validate(node)
    let check = PositionCheck(bytes: bytes)
    for d in result.diagnostics where d.span.file.hasPrefix("fuzz.") { check.verify(d.span, d.rule) }
    return 0
}

runFuzzer(fuzzSchema)
