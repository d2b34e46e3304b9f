import Diagnostics
import FuzzSupport
import Loading

/// libFuzzer's entry point: loads the input as a Markdown file with front matter and
/// checks that every position reported lies inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let (doc, diagnostics) = MarkdownLoader().load(bytes: bytes, file: "fuzz.md")
    let check = PositionCheck(bytes: bytes)
    check.verify(node: doc?.frontMatter, diagnostics: diagnostics)
    for heading in doc?.headings ?? [] { check.verify(heading.span, "heading") }
    for link in doc?.links ?? [] { check.verify(link.span, "link") }
    return 0
}

runFuzzer(fuzzMarkdown)
