import Diagnostics
import FuzzSupport
import Loading

/// libFuzzer's entry point: loads the input as a Markdown file with front matter and
/// checks that every position reported lies inside the text, and that its front matter
/// and diagnostics are those of a loader that reads every YAML text with libyaml.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (doc, diagnostics) = MarkdownLoader().load(bytes: bytes, file: "fuzz.md")
    let check = PositionCheck(bytes: bytes)
    check.verify(node: doc?.frontMatter, diagnostics: diagnostics)
    for heading in doc?.headings ?? [] { check.verify(heading.span, "heading") }
    for link in doc?.links ?? [] { check.verify(link.span, "link") }
    // The front matter read by the block-subset reader is libyaml's, span for span.
    let (reference, referenceDiagnostics) = MarkdownLoader(yaml: YAMLLoader(readsBlockSubset: false)).load(bytes: bytes, file: "fuzz.md")
    let sameFrontMatter: Bool
    switch (doc?.frontMatter, reference?.frontMatter) {
    case (nil, nil): sameFrontMatter = true
    case let (a?, b?): sameFrontMatter = a.isIdentical(to: b)
    default: sameFrontMatter = false
    }
    if !sameFrontMatter || diagnostics != referenceDiagnostics {
        fatalError("the block-subset reader and libyaml disagree on this front matter")
    }
    return 0
}

runFuzzer(fuzzMarkdown)
