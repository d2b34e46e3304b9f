import CYaml
import Diagnostics
import Foundation

/// Loads one YAML document into a `Node` tree over libyaml's event parser, keeping the
/// position of every node; a text in the subset of YAML the tree's files are written in
/// is read by `SubsetScanner` into the same events. Problems come back as diagnostics,
/// never as a crash or a hang: the loader has fixed budgets for nesting and for alias
/// expansion.
public struct YAMLLoader: Sendable {
    public struct Limits: Sendable {
        public var maxDepth: Int
        public var maxAliasExpansion: Int

        public init(maxDepth: Int = 128, maxAliasExpansion: Int = 100_000) {
            self.maxDepth = maxDepth
            self.maxAliasExpansion = maxAliasExpansion
        }
    }

    public static let rules = TextChecks.rules + [
        RuleInfo("yaml-syntax", "The YAML is not well formed."),
        RuleInfo("yaml-tab-indentation", "A line is indented with a tab."),
        RuleInfo("yaml-duplicate-key", "A mapping has the same key twice."),
        RuleInfo("yaml-multiple-documents", "A file holds more than one YAML document."),
        RuleInfo("yaml-alias-budget", "Aliases expand past the budget oae allows."),
        RuleInfo("yaml-unknown-alias", "An alias names an anchor that is not defined before it."),
        RuleInfo("yaml-too-deep", "Nesting goes deeper than oae allows."),
        RuleInfo("yaml-number-range", "A number is infinite, not a number, or beyond ±(2^53 − 1)."),
        RuleInfo("yaml-complex-key", "A mapping key is a list or a mapping."),
        RuleInfo("yaml-unsupported-tag", "A node carries a tag oae does not support."),
        RuleInfo("yaml-control-character", "A YAML file holds a control character YAML does not allow."),
    ]

    public var limits: Limits
    /// Whether a text written in the subset of YAML `SubsetScanner` reads is parsed by it
    /// rather than by libyaml (the two give the same events); false to send every text
    /// through libyaml, as the tests and the fuzz target do to compare the two.
    public var scansSubset = true
    /// Whether libyaml's scanner is handed the text as its reader would leave it
    /// (`LibyamlInput.preload`); false in tests, to compare with libyaml's own reader.
    var preloadsInput = LibyamlInput.preloadable

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Loads a whole YAML file from its bytes.
    public func load(bytes: [UInt8], file: String) -> (Node?, [Diagnostic]) {
        let (node, problems, _) = loadKeepingForms(bytes: bytes, file: file)
        return (node, problems)
    }

    /// `load(bytes:file:)`, with the written forms of the scalars YAML typed as numbers
    /// or booleans whose text is not their value's own (`WrittenForms`).
    ///
    /// A file that one pass over its bytes finds plain (`ByteScan.isPlain`: valid UTF-8,
    /// no byte-order mark, no CR, nothing for the tab and control checks) is parsed from its
    /// bytes as they are; its text is made only if a message needs it. Any other file goes
    /// the way of text (`TextChecks.decode`), which tells what is wrong. Making the text of
    /// every file validated and copied it again (1.7% of `oae check` at 200
    /// municipalities; issue 13).
    public func loadKeepingForms(bytes: [UInt8], file: String) -> (Node?, [Diagnostic], WrittenForms) {
        if bytes.count > TextChecks.maxFileBytes {
            return (nil, [TextChecks.tooLarge(file: file, size: bytes.count)], [:])
        }
        let plain = bytes.withUnsafeBufferPointer { buffer -> (Node?, [Diagnostic], WrittenForms)? in
            let scan = ByteScan(buffer, validating: true)
            guard scan.isPlain else { return nil }
            return loadWithLibyaml(buffer, text: FileText(bytes: bytes), file: file, lineOffset: 0,
                                   lines: scan.lines, characters: scan.characters)
        }
        if let plain { return plain }
        let (text, problems) = TextChecks.decode(bytes, file: file)
        guard let text else { return (nil, problems, [:]) }
        return loadKeepingForms(text: text, file: file, lineOffset: 0)
    }

    /// Loads YAML text. `lineOffset` moves every position down, for front matter that
    /// starts below the first line of its file.
    public func load(text: String, file: String, lineOffset: Int) -> (Node?, [Diagnostic]) {
        let (node, problems, _) = loadKeepingForms(text: text, file: file, lineOffset: lineOffset)
        return (node, problems)
    }

    /// `load(text:file:lineOffset:)`, with the written forms (`WrittenForms`).
    public func loadKeepingForms(text: String, file: String, lineOffset: Int) -> (Node?, [Diagnostic], WrittenForms) {
        var text = text
        text.makeContiguousUTF8()
        // One pass over the bytes: the line starts, and whether the two slower checks
        // below can find anything (most files have neither tabs nor control characters).
        let scan = text.utf8.withContiguousStorageIfAvailable { ByteScan($0) } ?? ByteScan(Array(text.utf8))
        if scan.mayHaveTabIndentation {
            let tabs = tabIndentation(text, file: file, lineOffset: lineOffset)
            if !tabs.isEmpty { return (nil, tabs, [:]) }
        }
        if scan.mayHaveControlCharacters {
            let controls = TextChecks.yamlControlCharacters(text, file: file, lineOffset: lineOffset)
            if !controls.isEmpty { return (nil, controls, [:]) }
        }
        return loadWithLibyaml(text: text, file: file, lineOffset: lineOffset, lines: scan.lines, characters: scan.characters)
    }

    /// Loads YAML text with libyaml's event parser.
    /// `characters` is the text's number of Unicode scalars.
    func loadWithLibyaml(text: String, file: String, lineOffset: Int, lines: LineStarts, characters: Int) -> (Node?, [Diagnostic], WrittenForms) {
        let fileText = FileText(text: text)
        if let loaded = text.utf8.withContiguousStorageIfAvailable({
            loadWithLibyaml($0, text: fileText, file: file, lineOffset: lineOffset, lines: lines, characters: characters)
        }) {
            return loaded
        }
        return Array(text.utf8).withUnsafeBufferPointer {
            loadWithLibyaml($0, text: fileText, file: file, lineOffset: lineOffset, lines: lines, characters: characters)
        }
    }

    /// Loads `buffer`, valid UTF-8 of `characters` Unicode scalars whose text `text` gives
    /// (for messages), with libyaml's event parser.
    func loadWithLibyaml(_ buffer: UnsafeBufferPointer<UInt8>, text: FileText, file: String, lineOffset: Int, lines: LineStarts,
                         characters: Int) -> (Node?, [Diagnostic], WrittenForms) {
        var builder = Builder(file: file, lineOffset: lineOffset, limits: limits, text: text, lines: lines,
                              preloadsInput: preloadsInput, scansSubset: scansSubset)
        if buffer.isEmpty {
            [UInt8(0x0A)].withUnsafeBufferPointer { builder.parse($0, characters: 1) }
        } else {
            builder.parse(buffer, characters: characters)
        }
        let root = builder.root ?? (builder.diagnostics.contains { $0.severity == .error }
            ? nil : Node(.null, span: SourceSpan(file: file, line: 1 + lineOffset, column: 1)))
        return (root, builder.diagnostics, builder.written)
    }

    /// Reports every line whose indentation contains a tab.
    func tabIndentation(_ text: String, file: String, lineOffset: Int) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var line = 1
        var atLineStart = true
        var column = 1
        for b in text.utf8 {
            if b == 0x0A {
                line += 1; column = 1; atLineStart = true
                continue
            }
            if atLineStart {
                if b == 0x09 {
                    out.append(.error("yaml-tab-indentation", "tab character in indentation",
                                      at: SourceSpan(file: file, line: line + lineOffset, column: column),
                                      help: "YAML indents with spaces only: replace the tab with spaces"))
                    atLineStart = false
                } else if b != 0x20 {
                    atLineStart = false
                }
            }
            if b & 0xC0 != 0x80 { column += 1 }
        }
        return out
    }
}

/// libyaml's input, handed to its scanner decoded.
///
/// libyaml's reader (`yaml_parser_update_buffer`, libyaml 0.2.5 `src/reader.c`) decodes its
/// input a character at a time into a working buffer of UTF-8, refusing invalid UTF-8 and
/// the characters YAML 1.1 does not allow (§5.1: C0 controls but tab, LF and CR; DEL; C1
/// controls but NEL; surrogates; U+FFFE and U+FFFF); at the end of the input it appends a
/// NUL. It costs some 47 instructions a byte, 4.3% of `oae check` at 947 municipalities
/// (perf, session 32; without it the check takes 5.7% less CPU, the median of 10
/// interleaved rounds). The loader has refused both kinds of byte already (`TextChecks`:
/// a `String` is valid UTF-8; `ByteScan` and `yamlControlCharacters`: the controls), so
/// for UTF-8 input the reader's work is a copy: `preload` does the copy and sets the
/// reader's state (buffer, count of unread characters, end-of-input flag) as the reader
/// leaves it once it has read the whole input; the reader then returns at its first line
/// on every later call (input at its end, raw buffer empty). Of that state the scanner
/// reads only the buffer and the count (in `CACHE`, which calls the reader when the count
/// is short, and the reader returns at once); the count is the reader's own all the same.
///
/// This reads fields the header calls the reader's own, so it is done only for the
/// version whose reader was read (`preloadable`); any other libyaml reads its input
/// itself. `LibyamlInputTests` loads the same texts both ways and compares every node,
/// position and message.
enum LibyamlInput {
    /// The linked libyaml's version.
    static let version = String(cString: yaml_get_version_string())
    /// True when the linked libyaml is 0.2.5.
    static let preloadable = version == "0.2.5"

    /// Zero bytes past the text, the NUL first. The scanner's look-ahead (up to five
    /// bytes past its place: `IS_BLANKZ_AT(buffer, 3)` after `---` reads a U+2028 there)
    /// stops at the NUL: a review found no read past it with the NUL alone (libyaml built
    /// with AddressSanitizer, 1.2 million inputs); the rest is a margin.
    static let padding = 16

    /// Replaces the parser's working buffer (allocated by `yaml_parser_initialize`, freed
    /// by `yaml_parser_delete`, both with the C allocator) with a copy of `bytes`, valid
    /// UTF-8 of `characters` Unicode scalars without the characters YAML refuses,
    /// followed by a NUL. False when memory runs out.
    static func preload(_ parser: inout yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>, characters: Int) -> Bool {
        guard let copy = malloc(bytes.count + padding)?.assumingMemoryBound(to: UInt8.self) else { return false }
        if let base = bytes.baseAddress { copy.initialize(from: base, count: bytes.count) }
        (copy + bytes.count).initialize(repeating: 0, count: padding)
        free(parser.buffer.start)
        parser.buffer.start = copy
        parser.buffer.pointer = copy
        parser.buffer.last = copy + bytes.count + 1
        parser.buffer.end = copy + bytes.count + padding
        parser.unread = characters + 1
        parser.offset = bytes.count
        parser.eof = 1
        return true
    }
}

/// Builds nodes from YAML events (libyaml's, or `SubsetScanner`'s) with an explicit stack
/// (no recursion, so no stack overflow on deep input).
private struct Builder {
    /// A collection being built. Its items (a sequence) or pairs (a mapping) are on the
    /// builder's `items` or `pairs` stack from index `first`.
    struct Frame {
        var isMapping: Bool
        var start: SourcePosition
        /// Written in brackets (`[…]`, `{…}`), not as a block.
        var flow = false
        var anchor: String?
        var first: Int
        var pendingKey: Node?
        /// The first place of each key, once the mapping has more than `linearKeys` pairs
        /// (below that the pairs are searched).
        var seen: [String: SourceSpan]?
        var count = 1
        /// The key that opened the mapping came again: its items lost their '- '.
        var itemsWithoutDash = false

        static let linearKeys = 16

        /// Where `key` was first written in this mapping, whose pairs so far are `pairs`,
        /// or nil; records it otherwise.
        mutating func firstPlace(of key: String, at span: SourceSpan, pairs: UnsafeBufferPointer<Node.Pair>) -> SourceSpan? {
            if seen == nil {
                if pairs.count < Frame.linearKeys {
                    for i in 0..<pairs.count where Frame.isScalar(pairs[i].key) && pairs[i].key.isKey(key) { return pairs[i].key.span }
                    return nil
                }
                var table: [String: SourceSpan] = [:]
                for i in 0..<pairs.count where Frame.isScalar(pairs[i].key) && table[pairs[i].key.keyText] == nil {
                    table[pairs[i].key.keyText] = pairs[i].key.span
                }
                seen = table
            }
            if let first = seen![key] { return first }
            seen![key] = span
            return nil
        }

        static func isScalar(_ node: Node) -> Bool {
            switch node.value {
            case .sequence, .mapping: return false
            default: return true
            }
        }
    }

    let file: String
    let source: SourceFile
    let lineOffset: Int
    let limits: YAMLLoader.Limits
    /// The file's text, made when a message first reads it.
    let fileText: FileText
    var text: String { fileText.text }
    var lines: LineStarts
    var stack: [Frame] = []
    /// The items of the open sequences and the pairs of the open mappings, innermost last.
    let items = NodeStack<Node>()
    let pairs = NodeStack<Node.Pair>()
    var anchors: [String: (node: Node, count: Int)] = [:]
    var expanded = 0
    var documents = 0
    var root: Node?
    var diagnostics: [Diagnostic] = []
    var written: WrittenForms = [:]
    /// The last event when it was a quoted scalar, for the messages of a quote left open.
    var lastQuoted: QuotedScalar?
    /// The file's lines, split when a message first needs one (`textLine`).
    let textLines = TextLines()
    /// Whether `parse` hands libyaml its input decoded (`LibyamlInput.preload`).
    let preloadsInput: Bool
    /// Whether `parse` tries `SubsetScanner` before libyaml.
    let scansSubset: Bool

    final class TextLines {
        var lines: [Substring]?
    }

    init(file: String, lineOffset: Int, limits: YAMLLoader.Limits, text: FileText, lines: LineStarts, preloadsInput: Bool,
         scansSubset: Bool) {
        self.file = file
        self.preloadsInput = preloadsInput
        self.scansSubset = scansSubset
        self.source = SourceFile(file)
        self.lineOffset = lineOffset
        self.limits = limits
        self.fileText = text
        self.lines = lines
    }

    /// The position of a libyaml mark as an editor shows it. libyaml counts CR, NEL,
    /// U+2028 and U+2029 as line breaks; its character index does not depend on that,
    /// so the line and column come from the index and the file's LF line breaks.
    mutating func position(_ mark: yaml_mark_t) -> SourcePosition {
        position(ofScalar: Int(mark.index))
    }

    /// The position of the Unicode scalar at `index` as an editor shows it.
    mutating func position(ofScalar index: Int) -> SourcePosition {
        let (line, column) = lines.position(ofScalar: index)
        return SourcePosition(line: line + lineOffset, column: column)
    }

    mutating func span(_ event: ParseEvent) -> SourceSpan {
        SourceSpan(source: source, start: position(ofScalar: event.start), end: position(ofScalar: event.end))
    }

    /// Parses `buffer`, UTF-8 text of `characters` Unicode scalars: with `SubsetScanner`
    /// when the text is written in the subset it reads, else with libyaml.
    mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>, characters: Int) {
        if scansSubset {
            var scanner = SubsetScanner(buffer)
            if let events = scanner.events() {
                // The block scalars' values are in the scanner's buffer, freed with it: it
                // lives until the last event is handled, not only to its last use (a helper's
                // review).
                withExtendedLifetime(scanner) {
                    for event in events where !handle(event) { break }
                }
                return
            }
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(.error("yaml-syntax", "the YAML parser could not start", at: .wholeFile(file)))
            return
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        if preloadsInput, !LibyamlInput.preload(&parser, buffer, characters: characters) {
            diagnostics.append(.error("yaml-syntax", "the YAML parser could not start", at: .wholeFile(file)))
            return
        }
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                syntaxError(parser)
                return
            }
            lastQuoted = event.type == YAML_SCALAR_EVENT
                ? QuotedScalar(style: event.data.scalar.style, start: event.start_mark, end: event.end_mark) : nil
            let keepGoing = handle(ParseEvent(event))
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if !keepGoing || done { return }
        }
    }

    mutating func syntaxError(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        var related: [RelatedLocation] = []
        let at = position(parser.problem_mark)
        // Where the collection or value the problem is in starts, unless that is the problem's place.
        if let context = parser.context.map({ String(cString: $0) }), position(parser.context_mark) != at {
            let start = position(parser.context_mark)
            related.append(RelatedLocation(SourceSpan(source: source, start: start, end: start), YAMLMessages.context(context)))
        }
        // A quote left open: libyaml read the value on across the line end, to the next '"'
        // or to the end of the text, and stopped further on; the wrong token is the quote.
        if parser.context.map({ String(cString: $0) }) == "while scanning a quoted scalar" {
            let mark = text.unicodeScalars.dropFirst(Int(parser.context_mark.index)).first.map(Character.init)
            diagnostics.append(unclosed(opened: position(parser.context_mark), closed: nil, stopped: at, problem: problem, mark: mark))
            return
        }
        if let quoted = quotedScalar(before: parser), let said = quoteProblem(quoted, stopped: at, problem: problem) {
            diagnostics.append(said)
            return
        }
        let context = parser.context.map { String(cString: $0) }
        if problem == "could not find expected ':'", context == "while scanning a simple key",
           let said = keyWithoutColon(at: position(parser.context_mark), stopped: at, problem: problem) {
            diagnostics.append(said)
            return
        }
        if problem == "did not find expected ',' or ']'" || problem == "did not find expected ',' or '}'",
           let said = unclosedFlow(opened: position(parser.context_mark), stopped: at, problem: problem) {
            diagnostics.append(said)
            return
        }
        // Any other problem inside a list or mapping in brackets left open, with nothing
        // after its bracket (`status: [` at the end of the file, or before a key of the
        // mapping around it: the trial of session 42 read "a value is missing here" a line
        // below the file's end).
        if let open = stack.last, open.flow,
           let said = unclosedFlow(opened: open.start, stopped: at, problem: open.isMapping ? "did not find expected ',' or '}'" : "did not find expected ',' or ']'") {
            diagnostics.append(said)
            return
        }
        if problem.contains("mapping values are not allowed"), let key = overIndentedKey(line: at.line - lineOffset) {
            diagnostics.append(.error("yaml-syntax", "'\(key.name)' is indented more than the line above it",
                                      at: SourceSpan(source: source, start: SourcePosition(line: at.line, column: key.column),
                                                     end: SourcePosition(line: at.line, column: key.column + key.name.count)),
                                      help: "line the key up with the other keys of its mapping, or put it under a key that ends with ':'"))
            return
        }
        if let note = runOnNote(quotedScalar(before: parser)) { related.append(note) }
        let wording = YAMLMessages.wording(problem)  // libyaml's words where they are cryptic
        diagnostics.append(.error("yaml-syntax", wording?.message ?? problem,
                                  at: SourceSpan(source: source, start: at, end: SourcePosition(line: at.line, column: at.column + 1)),
                                  related: related,
                                  help: wording?.help))
    }

    /// A quoted scalar libyaml read: where it opens (at its quote) and ends (after its
    /// closing quote), and its quote mark.
    struct QuotedScalar {
        var start: yaml_mark_t
        var end: yaml_mark_t
        var mark: Character

        /// The scalar of `style`, or nil when it is not quoted.
        init?(style: yaml_scalar_style_t, start: yaml_mark_t, end: yaml_mark_t) {
            switch style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: mark = "'"
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: mark = "\""
            default: return nil
            }
            (self.start, self.end) = (start, end)
        }
    }

    /// The quoted scalar libyaml read just before it stopped at its problem, or nil when
    /// something else came between: the last token it scanned before the problem's place
    /// and had not parsed yet (the scanner reads past a value to see whether a ':' makes it
    /// a key), else the last event (`lastQuoted`).
    func quotedScalar(before parser: yaml_parser_t) -> QuotedScalar? {
        var found = lastQuoted
        var token = parser.tokens.head
        while let current = token, current != parser.tokens.tail {
            let t = current.pointee
            if t.start_mark.index < parser.problem_mark.index {
                found = t.type == YAML_SCALAR_TOKEN
                    ? QuotedScalar(style: t.data.scalar.style, start: t.start_mark, end: t.end_mark) : nil
            }
            token = current + 1
        }
        return found
    }

    /// The error a quoted value explains, when libyaml stopped on the line where it ends:
    /// - it spans lines over what reads as the file's own structure (`runsOverStructure`):
    ///   its quote was left open, and libyaml read on to the next quote mark of the file
    ///   (an apostrophe, in a Catalan text), then stopped after it. The error is at the
    ///   opening quote.
    /// - it is on one line, or spans lines as a text written over several lines does
    ///   (`street: 'Carrer` / `    Major, 1' bis`), and text follows it: at its closing
    ///   quote, which for a single-quoted value is most often an apostrophe of the text
    ///   (`'d'Atenció'`). The regression hunt of session 14 (LOW 5) found a deliberate
    ///   line break told to close the value on its line.
    /// Nil otherwise (and for a flow collection's missing comma, which libyaml says right).
    mutating func quoteProblem(_ quoted: QuotedScalar, stopped at: SourcePosition, problem: String) -> Diagnostic? {
        let opened = position(quoted.start), ended = position(quoted.end)
        guard at.line == ended.line, at.column >= ended.column else { return nil }
        if opened.line < ended.line, runsOverStructure(from: opened.line, to: ended.line) {
            return unclosed(opened: opened, closed: ended, stopped: at, problem: problem, mark: quoted.mark)
        }
        guard !problem.contains("','") else { return nil }
        let closing = SourceSpan(source: source, start: SourcePosition(line: ended.line, column: ended.column - 1), end: ended)
        if quoted.mark == "'", at.column == ended.column {
            return .error("yaml-syntax", "this apostrophe closes the single-quoted value, and the rest of the text follows it",
                          at: closing, related: [stoppedHere(at, problem)],
                          help: "inside single quotes write an apostrophe twice (d''Atenció), or put the value in double quotes")
        }
        return .error("yaml-syntax", "text follows the quoted value that closes here", at: closing,
                      related: [stoppedHere(at, problem)],
                      help: "put the whole value inside the quotes, or remove the text after them")
    }

    /// Whether the lines after `first` up to `last` (file lines) read as YAML of their own
    /// rather than as the rest of a text: one is indented no deeper than line `first`, or
    /// begins with a key (`postal_code:`) or a list item (`- `). A quote left open runs on
    /// over them; a text written over several lines is indented under its key.
    func runsOverStructure(from first: Int, to last: Int) -> Bool {
        let all = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        func line(_ n: Int) -> Substring? {
            let i = n - lineOffset - 1
            return all.indices.contains(i) ? all[i] : nil
        }
        func indent(_ l: Substring) -> Int { l.prefix { $0 == " " || $0 == "\t" }.count }
        guard let opening = line(first) else { return true }
        for n in (first + 1)...last {
            guard let l = line(n) else { return true }
            let content = l.dropFirst(indent(l))
            if content.isEmpty { continue }
            if indent(l) <= indent(opening) || content.hasPrefix("- ") || content == "-" { return true }
            let key = content.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            if !key.isEmpty, content.dropFirst(key.count).first == ":",
               content.dropFirst(key.count + 1).first.map({ $0 == " " || $0 == "\t" }) ?? true { return true }
        }
        return false
    }

    /// A quoted value that starts at `opened` with `mark` and is not closed on its line;
    /// `closed` is where libyaml found a quote mark that closed it (after it), nil when it
    /// found none.
    func unclosed(opened: SourcePosition, closed: SourcePosition?, stopped at: SourcePosition, problem: String,
                  mark: Character?) -> Diagnostic {
        var related: [RelatedLocation] = []
        if let closed {
            let quote = mark == "'" ? "apostrophe" : "quote mark"
            related.append(RelatedLocation(SourceSpan(source: source, start: SourcePosition(line: closed.line, column: closed.column - 1), end: closed),
                                           "the value ran on to this \(quote), which closed it"))
        }
        related.append(stoppedHere(at, problem))
        return .error("yaml-syntax", "the quoted value that starts here is not closed on its line",
                      at: SourceSpan(source: source, start: opened, end: SourcePosition(line: opened.line, column: opened.column + 1)),
                      related: related,
                      help: mark == "'"
                          ? "close the value with the same quote mark on its line; inside single quotes an apostrophe is written twice (l''horari)"
                          : "close the value with the same quote mark on its line")
    }

    /// The place libyaml stopped at, as a related location.
    func stoppedHere(_ at: SourcePosition, _ problem: String) -> RelatedLocation {
        RelatedLocation(SourceSpan(source: source, start: at, end: SourcePosition(line: at.line, column: at.column + 1)),
                        "where the YAML parser stopped: \(YAMLMessages.wording(problem)?.message ?? problem)")
    }

    /// A note at the opening quote of a value that spans lines, when libyaml stopped
    /// right after it on a later line: the value may have run on from an unclosed quote,
    /// or be a text over several lines that is fine (then the error is what libyaml says).
    mutating func runOnNote(_ quoted: QuotedScalar?) -> RelatedLocation? {
        guard let quoted else { return nil }
        let opened = position(quoted.start), ended = position(quoted.end)
        guard opened.line < ended.line else { return nil }
        return RelatedLocation(SourceSpan(source: source, start: opened, end: SourcePosition(line: opened.line, column: opened.column + 1)),
                               "the quoted value that starts here runs on to line \(ended.line): if its quote should have closed on this line, close it")
    }

    /// Line `n` of the file (1-based, with the front matter's offset), without its line
    /// end (LF, or CR LF: `SourceText`'s lines); made only for a syntax error's message.
    /// The lines are split once per file (`textLines`): a message that walks over the
    /// blank lines and comments before the end of a file asked once per line, and split
    /// the whole file each time (32,000 comment lines after an open '[': 103 s).
    func textLine(_ n: Int) -> Substring? {
        if textLines.lines == nil { textLines.lines = SourceText(text).lines }
        let all = textLines.lines!
        let i = n - lineOffset - 1
        return all.indices.contains(i) ? all[i] : nil
    }

    /// The spaces that indent a line.
    static func indent(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    /// The column (0-based) where a line's first key stands: after its indentation and any
    /// list dashes (`  - days: [` → 4).
    static func keyIndent(_ line: Substring) -> Int {
        var rest = line.dropFirst(indent(line))
        var column = indent(line)
        while rest.hasPrefix("- ") {
            let spaces = rest.dropFirst().prefix { $0 == " " }.count
            column += 1 + spaces
            rest = rest.dropFirst(1 + spaces)
        }
        return column
    }

    /// Whether a line's content starts with a key and its ': ' (or ':' at its end); the key
    /// is returned.
    static func key(of content: Substring) -> Substring? {
        let key = content.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        guard !key.isEmpty, content.dropFirst(key.count).first == ":",
              content.dropFirst(key.count + 1).first.map({ $0 == " " }) ?? true else { return nil }
        return key
    }

    /// A line's content without its comment (` #` and what follows) and its trailing spaces.
    static func content(_ line: Substring) -> Substring {
        var content = line
        if content.first == "#" { return "" }
        if let hash = content.range(of: " #") { content = content[..<hash.lowerBound] }
        while let last = content.last, last == " " || last == "\t" || last == "\r" { content = content.dropLast() }
        return content
    }

    /// A plain key left without its ':' (`status planned`, `status:planned`): libyaml
    /// reads on into the next line for the ':' and stops there, at a line that is right.
    /// The error is at the key's line, from where libyaml started reading it (`start`) to
    /// the end of the line; nil when libyaml stopped on that line (its place is right).
    mutating func keyWithoutColon(at start: SourcePosition, stopped: SourcePosition, problem: String) -> Diagnostic? {
        guard start.line < stopped.line, let line = textLine(start.line) else { return nil }
        let scalars = Array(Builder.content(line).unicodeScalars)
        guard start.column >= 1, start.column <= scalars.count else { return nil }
        var written = String.UnicodeScalarView()
        written.append(contentsOf: scalars[(start.column - 1)...])
        let text = String(written)
        let span = SourceSpan(source: source, start: start,
                              end: SourcePosition(line: start.line, column: start.column + text.unicodeScalars.count))
        let related = [stoppedHere(stopped, problem)]
        // The key above at this line's indentation, when its value is a plain text: the
        // line may go on with that value (`description: Un servei per a` / `empreses
        // noves.`), which YAML reads just as a key without its ':'.
        var continued: Substring?
        var n = start.line - 1
        while n > lineOffset, let above = textLine(n), Builder.content(above).isEmpty { n -= 1 }
        if let above = textLine(n), Builder.indent(above) == Builder.indent(line),
           let key = Builder.key(of: Builder.content(above).dropFirst(Builder.indent(above))),
           let first = Builder.content(above).dropFirst(Builder.indent(above) + key.count + 1).drop(while: { $0 == " " }).first,
           !"\"'|>[{&*!#".contains(first) {
            continued = key
        }
        // `key:value`: a ':' with no space after it is part of the word. Not said of what
        // is not a key before it (an address, `https://…`).
        if let colon = text.firstIndex(of: ":"), colon != text.startIndex,
           text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
           let next = text[text.index(after: colon)...].first, next != " ", next != "/" {
            let fixed = text[...colon] + " " + text[text.index(after: colon)...]
            return .error("yaml-syntax", "':' is not followed by a space, so '\(text)' is read as one word, not as a key and its value",
                          at: span, related: related, help: "write '\(fixed)': a key's ':' is followed by a space")
        }
        let words = text.split(separator: " ", maxSplits: 1)
        let example = words.count == 2 && words[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
            ? " ('\(words[0]): \(words[1])')" : ""
        let orContinued = continued.map {
            "; if the line goes on with the value of '\($0)' above, indent it under '\($0):' (or quote the whole value, or write it after '|' or '>')"
        } ?? "; a text over several lines is quoted, or written after '|' or '>'"
        return .error("yaml-syntax", "'\(text)' has no ':' after its key",
                      at: span, related: related,
                      help: "write the key, ':' and a space, then the value\(example)\(orContinued)")
    }

    /// A list in [ ] or a mapping in { } not closed: libyaml reads on and stops at the first
    /// key or list item of a later line (at its start, or at its key's ':'), which is right.
    /// The error is where the closing bracket is missing, at the end of the last line with
    /// content before it; nil when libyaml stopped elsewhere, or at a line indented deeper
    /// than the key the bracket stands after (a comma missing inside a collection written
    /// over several lines: libyaml's place is the right one).
    mutating func unclosedFlow(opened: SourcePosition, stopped: SourcePosition, problem: String) -> Diagnostic? {
        guard let opening = textLine(opened.line) else { return nil }
        // Stopped at the end of the file (nothing but blank lines and comments from there):
        // the bracket is left open, whatever the lines say (the trial of session 31: the
        // caret stood on the empty line after the file's last, the '[' in a note only).
        var line = stopped.line
        if let l = textLine(line), Builder.content(l).unicodeScalars.count < stopped.column { line += 1 }
        while let l = textLine(line), Builder.content(l).isEmpty { line += 1 }
        let atEnd = textLine(line) == nil
        guard opened.line < stopped.line || atEnd else { return nil }
        if !atEnd {
            guard let current = textLine(stopped.line) else { return nil }
            let indent = Builder.indent(current)
            let body = current.dropFirst(indent)
            let key = Builder.key(of: body)
            // At the line's start, or at the ':' of its key (read as an item of the list), on a
            // line indented no deeper than the one the bracket opened on: a key there belongs
            // to the mapping around the bracket, not inside it. A deeper line, or a closing
            // bracket further on, is a comma missing inside the collection (libyaml's place).
            guard indent <= Builder.keyIndent(opening),
                  key.map({ stopped.column <= indent + $0.count + 1 }) ?? (stopped.column == indent + 1 && (body.hasPrefix("- ") || body == "-"))
            else { return nil }
        }
        // The bracket is missing before the first later line of the block around it (a
        // key indented no deeper than the one it stands after): libyaml read the lines
        // between as items of the collection (`status: [` above `opening_date: …` put the
        // caret after the date, session 42's trial).
        var limit = atEnd ? line : stopped.line
        for l in (opened.line + 1)..<max(limit, opened.line + 1) {
            if let t = textLine(l), !Builder.content(t).isEmpty, Builder.indent(t) <= Builder.keyIndent(opening) {
                limit = l
                break
            }
        }
        var n = limit - 1
        var last: Substring = ""
        while n >= opened.line {
            if let l = textLine(n) { last = Builder.content(l) }
            if !last.isEmpty { break }
            n -= 1
        }
        guard n >= opened.line, !last.isEmpty else { return nil }
        let end = last.unicodeScalars.count + 1
        let (close, open, what) = problem.hasSuffix("']'") ? ("]", "[", "list") : ("}", "{", "mapping")
        return .error("yaml-syntax", "the \(what) opened with '\(open)' is not closed: '\(close)' is missing here",
                      at: SourceSpan(source: source, start: SourcePosition(line: n, column: end), end: SourcePosition(line: n, column: end + 1)),
                      related: [RelatedLocation(SourceSpan(source: source, start: opened, end: SourcePosition(line: opened.line, column: opened.column + 1)),
                                                "the \(what) opens here"),
                                stoppedHere(stopped, problem)],
                      help: "end the \(what) with '\(close)'; it may run over several lines, its \(what == "list" ? "items" : "pairs") separated by commas")
    }

    /// The key of a line (1-based, in `text`) that looks like `key: …` and is indented
    /// more than the previous line with content, which holds a `key: value` pair: libyaml
    /// reads it as the continuation of that value, then stops at its ': '.
    func overIndentedKey(line: Int) -> (name: String, column: Int)? {
        let all = SourceText(text).lines
        guard line >= 2, line <= all.count else { return nil }
        func indent(_ s: Substring) -> Int { s.prefix { $0 == " " }.count }
        let current = all[line - 1]
        guard let previous = all[..<(line - 1)].last(where: {
            let t = $0.drop { $0 == " " }
            return !t.isEmpty && !t.hasPrefix("#")
        }) else { return nil }
        /// Where `key: ` ends its key in a line's text, or nil.
        func keyEnd(_ s: Substring) -> Substring.Index? {
            var i = s.startIndex
            while i < s.endIndex {
                let next = s.index(after: i)
                if s[i] == ":", next == s.endIndex || s[next] == " " { return i }
                i = next
            }
            return nil
        }
        guard indent(current) > indent(previous), let colon = keyEnd(previous),
              previous[colon...].dropFirst().contains(where: { $0 != " " }) else { return nil }
        let body = current.drop { $0 == " " }
        guard let end = keyEnd(body) else { return nil }
        let name = String(body[..<end])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return (name, indent(current) + 1)
    }

    /// Handles one event; returns false to stop parsing.
    mutating func handle(_ event: ParseEvent) -> Bool {
        switch event.kind {
        case .documentStart:
            documents += 1
            if documents > 1 {
                diagnostics.append(.error("yaml-multiple-documents",
                                          "a second YAML document starts here; oae reads one document per file",
                                          at: span(event),
                                          help: "move this document to a file of its own, or remove the '---' line"))
                return false
            }
            return true
        case .scalar:
            // Every key and value in NFC, whatever form the file was saved in (macOS
            // tools write NFD), so that ids, names and anchors compare as people read them.
            let text = NFC.normalize(event.value)
            let tag = event.tag.map { String(cString: $0) }
            var value: Node.Value
            let isPlain = event.plain
            switch tag {
            case nil:
                value = isPlain ? ScalarResolver.resolve(plain: text) : .string(text)
            case "!", "tag:yaml.org,2002:str":
                value = .string(text)
            case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                 "tag:yaml.org,2002:null":
                value = ScalarResolver.resolve(plain: text)
            case let other?:
                diagnostics.append(unsupportedTag(other, event))
                value = .string(text)
            }
            // Only a number can be out of range: asked of every scalar, the value was copied
            // for the call (a retain and a release of each text; issue 13).
            var isNumber = false
            switch value {
            case .int, .double: isNumber = true
            default: break
            }
            if isNumber, let problem = NumberRange.problem(value, text: text) {
                diagnostics.append(.error("yaml-number-range", problem, at: span(event),
                                          help: "write a number within ±9007199254740991, or quote the value if it is a code, not an amount"))
                value = .string(text)
            }
            let resolved = consume value
            let place = span(event)
            if !ScalarResolver.writtenAsValue(text, resolved) { written[place] = text }
            // A string's text as a key is its value, told here: read out of the node in
            // `add`, it cost a copy of the node.
            var isText = false
            if case .string = resolved { isText = true }
            // The value moved into its node and the node into its collection: copied, as
            // they were, each scalar cost two copies of its value and one of its node (a
            // retain and a release of its text each; issue 13).
            let node = Node(consume resolved, span: place)
            if let anchor = event.anchor.map({ String(cString: $0) }) { anchors[anchor] = (node, 1) }
            return add(consume node, count: 1, text: isText ? text : nil)
        case .alias:
            let name = event.anchor.map { String(cString: $0) } ?? ""
            guard let target = anchors[name] else {
                diagnostics.append(.error("yaml-unknown-alias", "alias '*\(name)' names no anchor defined before it",
                                          at: span(event)))
                return false
            }
            expanded += target.count
            if expanded > limits.maxAliasExpansion {
                diagnostics.append(.error("yaml-alias-budget",
                                          "aliases expand to more than \(limits.maxAliasExpansion) nodes",
                                          at: span(event),
                                          help: "write the repeated content out, or reduce the aliases; large expansions are refused to protect the build"))
                return false
            }
            var node = target.node
            node.span = span(event)
            return add(node, count: target.count)
        case .sequenceStart:
            if let tag = event.tag.map({ String(cString: $0) }), tag != "tag:yaml.org,2002:seq", tag != "!" {
                diagnostics.append(unsupportedTag(tag, event))
            }
            stack.append(Frame(isMapping: false, start: position(ofScalar: event.start), flow: event.flow,
                               anchor: event.anchor.map { String(cString: $0) }, first: items.count))
            return checkDepth(event)
        case .mappingStart:
            if let tag = event.tag.map({ String(cString: $0) }), tag != "tag:yaml.org,2002:map", tag != "!" {
                diagnostics.append(unsupportedTag(tag, event))
            }
            stack.append(Frame(isMapping: true, start: position(ofScalar: event.start), flow: event.flow,
                               anchor: event.anchor.map { String(cString: $0) }, first: pairs.count))
            return checkDepth(event)
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else { return true }
            let end = position(ofScalar: event.end)
            let value: Node.Value = frame.isMapping ? .mapping(pairs.pop(from: frame.first)) : .sequence(items.pop(from: frame.first))
            let node = Node(consume value, span: SourceSpan(source: source, start: frame.start, end: end))
            if let anchor = frame.anchor { anchors[anchor] = (node, frame.count) }
            return add(consume node, count: frame.count)
        case .other:
            return true
        }
    }

    mutating func unsupportedTag(_ tag: String, _ event: ParseEvent) -> Diagnostic {
        .error("yaml-unsupported-tag", "unsupported tag '\(tag)'", at: span(event),
               help: "remove the tag; oae reads plain YAML values")
    }

    mutating func checkDepth(_ event: ParseEvent) -> Bool {
        if stack.count > limits.maxDepth {
            diagnostics.append(.error("yaml-too-deep", "nesting is deeper than \(limits.maxDepth) levels",
                                      at: span(event),
                                      help: "flatten the structure; no document of the model needs this depth"))
            return false
        }
        return true
    }

    /// Adds a finished node to the collection on top of the stack, or makes it the root.
    /// The node is moved in, and a pending key moved out of its frame, into the pair:
    /// borrowing them copied each node twice (issue 13).
    /// `text`: the node's text when it is a string, if the caller has it.
    mutating func add(_ node: consuming Node, count: Int, text given: String? = nil) -> Bool {
        guard !stack.isEmpty else {
            root = node
            return true
        }
        let top = stack.count - 1
        stack[top].count += count
        if !stack[top].isMapping {
            items.push(node)
        } else if let key = stack[top].pendingKey.take() {
            pairs.push(Node.Pair(key: key, value: node))
        } else {
            // The key's text and place read once, out of the node: read through it in the
            // closures below, the node was copied for each key (issue 13).
            let span = node.span
            let keyText: String?
            if let given {
                keyText = given
            } else {
                switch node.value {
                case .sequence, .mapping: keyText = nil
                case let .string(s): keyText = s
                default: keyText = node.otherKeyText
                }
            }
            if let text = keyText {
                let first = pairs.withElements(from: stack[top].first) {
                    stack[top].firstPlace(of: text, at: span, pairs: $0)
                }
                if let first {
                    // The mapping's first two keys, read only for a duplicate (read for
                    // every key, they copied two nodes each time; issue 13).
                    let (opening, second) = pairs.withElements(from: stack[top].first) {
                        ($0.first?.key.span, $0.count >= 2 ? $0[1].key.keyText : nil)
                    }
                    // The key that opened the mapping, again: the next item of a list whose
                    // items lost their '- ' (the review: "keep one of the two" on each field
                    // would delete whole items).
                    // Not a text's languages (`ca:` twice, `es:` meant), nor a key repeated
                    // at once: a run of fields comes again.
                    let code = { (key: String) in key.utf8.count == 2 && key.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } }
                    let startsItem = first == opening && first.start.column == span.start.column
                        && second.map { !(code(text) && code($0)) } ?? false
                    let help: String
                    if startsItem {
                        stack[top].itemsWithoutDash = true
                        help = "'\(text)' opens this mapping, and again here: if these are items of a list, start each with '- ' ('- \(text): …'); else keep one of the two"
                    } else if stack[top].itemsWithoutDash {
                        help = "this belongs to the item that starts again above: start each item with '- ' rather than delete a field"
                    } else {
                        help = "keep one of the two: oae reads the first (its other rules check that one), other YAML tools the last"
                    }
                    diagnostics.append(.error("yaml-duplicate-key", "duplicate key '\(text)'",
                                              at: span,
                                              related: [RelatedLocation(first, "first defined")],
                                              help: help))
                }
            } else {
                diagnostics.append(.error("yaml-complex-key", "a mapping key must be a plain value, not a \(node.typeName)",
                                          at: span))
            }
            stack[top].pendingKey = consume node
        }
        return true
    }
}

/// A YAML file's text for the loader's messages: given, or made from the file's bytes
/// (valid UTF-8) the first time it is read.
final class FileText {
    private var bytes: [UInt8]?
    private var made: String?

    init(text: String) { made = text }

    /// `bytes`: valid UTF-8.
    init(bytes: [UInt8]) { self.bytes = bytes }

    var text: String {
        if let made { return made }
        let text = String(decoding: bytes ?? [], as: UTF8.self)
        made = text
        bytes = nil
        return text
    }
}

/// Where each line of a text starts, in Unicode scalars from the start of the text. Lines
/// end at LF only (a CR before an LF belongs to the line break), as in editors and in
/// `SourceText`.
struct LineStarts {
    private var starts: [Int]
    /// The line (0-based) of the last position asked for: libyaml's marks come in order,
    /// so the next one is nearly always on that line or a few below it.
    private var hint = 0

    /// `starts`: the scalar index of each line's first scalar, from 0 (made by `ByteScan`).
    init(starts: [Int]) { self.starts = starts }

    /// The 1-based line and column (in characters) of the scalar at `index`.
    mutating func position(ofScalar index: Int) -> (line: Int, column: Int) {
        let line = self.line(ofScalar: index)
        hint = line
        return (line + 1, index - starts[line] + 1)
    }

    /// The 0-based line holding the scalar at `index`: a few steps down from `hint`, or a
    /// binary search.
    private func line(ofScalar index: Int) -> Int {
        let n = starts.count
        var line = hint
        if starts[line] <= index {
            for _ in 0..<8 {
                if line + 1 == n || starts[line + 1] > index { return line }
                line += 1
            }
        }
        var low = 0, high = n - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// One pass over a YAML text's UTF-8 bytes: where its lines start (`LineStarts`, in
/// scalars: a scalar starts at every byte that is not a continuation byte), and two
/// conservative flags that say whether the exact checks (`tabIndentation`,
/// `TextChecks.yamlControlCharacters`) must run: a flag is set by every text in which the
/// check can find something, and sometimes by one in which it finds nothing.
struct ByteScan {
    var lines: LineStarts
    var mayHaveTabIndentation = false
    var mayHaveControlCharacters = false
    /// The number of characters (Unicode scalars) of the text.
    var characters = 0
    /// With `validating`: whether the bytes are valid UTF-8 (the standard library's
    /// refusals: overlong forms, surrogates, past U+10FFFF, a sequence cut short) and hold
    /// neither a CR nor a U+FEFF (a byte-order mark, at the start or after it). Without it,
    /// false.
    var isValidWithoutCROrBOM = false

    /// Whether the bytes can be parsed as they are: `isValidWithoutCROrBOM`, and neither
    /// the tab check nor the control check can find anything.
    var isPlain: Bool { isValidWithoutCROrBOM && !mayHaveTabIndentation && !mayHaveControlCharacters }

    /// What the pass has seen so far.
    private struct State {
        var starts = [0]
        var index = 0
        var atLineStart = true
        var previous: UInt8 = 0
        var tab = false, control = false
        /// UTF-8: the continuation bytes still needed by the sequence begun, the range the
        /// next one must be in (narrower after E0, ED, F0 and F4), the scalar so far;
        /// `refused` once the bytes cannot be plain (invalid, a CR, a U+FEFF).
        var needed = 0
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        var scalar: UInt32 = 0
        var refused = false

        @inline(__always) mutating func step(_ b: UInt8) {
            if b & 0xC0 != 0x80 { index += 1 }
            if b > 0x20 && b < 0x7F {
                atLineStart = false
                if needed != 0 { refused = true }
            } else if b < 0x20 {
                if needed != 0 { refused = true }
                if b == 0x0A { atLineStart = true; starts.append(index) }
                else if b == 0x09 { if atLineStart { tab = true } }
                else if b != 0x0D { control = true }
                else { refused = true }
            } else if b >= 0x80 {
                atLineStart = false
                // U+0080–U+009F (C2 80–C2 9F); U+FFFE and U+FFFF (EF BF BE, EF BF BF).
                if (previous == 0xC2 && b < 0xA0) || (previous == 0xEF && b == 0xBF) { control = true }
                utf8(b)
            } else {
                if needed != 0 { refused = true }
                if b == 0x7F {
                    atLineStart = false
                    control = true // U+007F
                }
            }
            previous = b
        }

        /// One byte of 0x80 or more, for `refused`. Not inlined: inlined, it made `step` too
        /// large to be inlined in `scan`, and every line break paid a call.
        @inline(never) mutating func utf8(_ b: UInt8) {
            if needed > 0 {
                guard b >= low && b <= high else { refused = true; needed = 0; return }
                scalar = scalar << 6 | UInt32(b & 0x3F)
                (low, high) = (0x80, 0xBF)
                needed -= 1
                if needed == 0 && scalar == 0xFEFF { refused = true }
                return
            }
            switch b {
            case 0xC2...0xDF: needed = 1; scalar = UInt32(b & 0x1F)
            case 0xE0: needed = 2; scalar = 0; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: needed = 2; scalar = UInt32(b & 0x0F)
            case 0xED: needed = 2; scalar = 0xD; high = 0x9F
            case 0xF0: needed = 3; scalar = 0; low = 0x90
            case 0xF1...0xF3: needed = 3; scalar = UInt32(b & 0x07)
            case 0xF4: needed = 3; scalar = 4; high = 0x8F
            default: refused = true
            }
        }
    }

    init<C: Collection>(_ bytes: C, validating: Bool = false) where C.Element == UInt8 {
        var state = State()
        if bytes.withContiguousStorageIfAvailable({ ByteScan.scan($0, into: &state) }) == nil {
            for b in bytes { state.step(b) }
        }
        lines = LineStarts(starts: state.starts)
        mayHaveTabIndentation = state.tab
        mayHaveControlCharacters = state.control
        characters = state.index
        isValidWithoutCROrBOM = validating && !state.refused && state.needed == 0
    }

    /// The high bit of each byte of `w` (eight bytes below 0x7F) that is a line break
    /// (0x0A), when every byte of it below 0x20 is one; nil when another is (a tab, a CR, a
    /// control character). Exact, byte by byte: no borrow crosses from one byte to the next.
    @inline(__always)
    static func lineBreaksAlone(_ w: UInt64) -> UInt64? {
        let highs: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // A byte below 0x80 is below 0x20 when adding 0x60 leaves its high bit clear.
        let below = ~(w &+ 0x6060_6060_6060_6060) & highs
        // A byte is 0x0A when it is zero after the exclusive or.
        let x = w ^ 0x0A0A_0A0A_0A0A_0A0A
        let breaks = ~(((x & lows) &+ lows) | x) & highs
        return below == breaks ? breaks : nil
    }

    /// The pass over contiguous bytes, eight at a time where all eight are printable ASCII
    /// (U+0020–U+007E: nothing to note but whether they are all spaces), byte by byte
    /// elsewhere.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into state: inout State) {
        let n = bytes.count
        var i = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= n {
                let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                // A byte below 0x20 (exact for "is there one"); a byte of 0x7F or more.
                let below = (w &- ones &* 0x20) & ~w & highs
                let above = ((w &+ ones) | w) & highs
                if below | above == 0 {
                    // Eight scalars, none a line break.
                    if state.needed != 0 { state.refused = true; state.needed = 0 }
                    if w != 0x2020_2020_2020_2020 { state.atLineStart = false }
                    state.index += 8
                    state.previous = UInt8(truncatingIfNeeded: w >> 56)
                } else if above == 0, let breaks = ByteScan.lineBreaksAlone(w) {
                    // Eight ASCII scalars whose only bytes below 0x20 are line breaks (a
                    // sixth of a tree's words): each break starts a line, and the last
                    // line stays at its start while only spaces follow the break.
                    if state.needed != 0 { state.refused = true; state.needed = 0 }
                    var m = breaks
                    while m != 0 {
                        state.starts.append(state.index + (m.trailingZeroBitCount >> 3) + 1)
                        m &= m &- 1
                    }
                    let last = (63 - breaks.leadingZeroBitCount) >> 3
                    let after = last == 7 ? 0 : w >> (8 * UInt64(last + 1))
                    let spaces: UInt64 = last == 7 ? 0 : 0x2020_2020_2020_2020 >> (8 * UInt64(last + 1))
                    state.atLineStart = after == spaces
                    state.index += 8
                    state.previous = UInt8(truncatingIfNeeded: w >> 56)
                } else {
                    for j in i..<(i + 8) { state.step(bytes[j]) }
                }
                i += 8
            }
        }
        while i < n {
            state.step(bytes[i])
            i += 1
        }
    }
}
