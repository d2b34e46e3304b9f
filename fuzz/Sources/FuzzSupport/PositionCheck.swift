import CFuzzer
import Diagnostics
#if canImport(Glibc)
import Glibc
#endif
import Loading

/// The oracle the fuzz targets share besides "no crash": every position reported for
/// the input lies inside it as an editor shows it. A start is on an existing line, at
/// most one column past the line's end; an end is on an existing line, not before the
/// start. A violation stops the fuzzer with the input that caused it.
public struct PositionCheck {
    /// The input's lines, or nil when it is not UTF-8 (only line numbers are checked).
    let lines: [Substring]
    let isText: Bool

    public init(bytes: [UInt8]) {
        let (text, _) = TextChecks.decode(bytes, file: "fuzz")
        isText = text != nil
        lines = SourceText(text ?? String(decoding: bytes, as: UTF8.self)).lines
    }

    public func verify(node: Node?, diagnostics: [Diagnostic]) {
        for d in diagnostics {
            verify(d.span, d.rule)
            for r in d.related where r.span.file == d.span.file { verify(r.span, "\(d.rule) (related)") }
        }
        var pending = node.map { [$0] } ?? []
        while let n = pending.popLast() {
            verify(n.span, "node")
            switch n.value {
            case let .sequence(items): pending += items
            case let .mapping(pairs):
                for p in pairs { pending += [p.key, p.value] }
            default: break
            }
        }
    }

    public func verify(_ span: SourceSpan, _ what: String) {
        let start = span.start, end = span.end
        guard start.line >= 1, start.line <= lines.count, start.column >= 1 else {
            fatalError("\(what): start \(start.line):\(start.column) outside the \(lines.count) lines of the input")
        }
        guard end.line >= start.line, end.line <= lines.count else {
            fatalError("\(what): end \(end.line):\(end.column) outside the input (start \(start.line):\(start.column), \(lines.count) lines)")
        }
        guard isText else { return }
        let length = lines[start.line - 1].unicodeScalars.count
        guard start.column <= length + 1 else {
            fatalError("\(what): start column \(start.column) past the end of line \(start.line) (\(length) characters)")
        }
    }
}

/// Runs libFuzzer's loop over a fuzz target, with the process's command line, and exits
/// with its status. (SwiftPM gives every executable a `main`, so the targets call the
/// driver themselves instead of using libFuzzer's own `main`.)
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}
