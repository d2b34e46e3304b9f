import Diagnostics
import FuzzSupport
import Loading
import Model

/// libFuzzer's entry point for the load store's binary form (`BinaryWriter`,
/// `BinaryReader`, `LoadCache.encode` and `decode`), two ways:
/// - the input as a stored blob: reading bytes no writer wrote (a damaged store) throws
///   or gives entries, never crashes or reads past the end;
/// - the input as a YAML file and as a Markdown file (front matter and body): what the
///   loader made of it, written and read back, is the same, each text by its bytes and
///   each place by its line and column, alone and as a document's entry.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoadStore(_ input: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = input else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    restoreBlob(bytes)
    roundTripYAML(bytes)
    roundTripMarkdown(bytes)
    return 0
}

@inline(never)
func restoreBlob(_ bytes: [UInt8]) {
    _ = bytes.withUnsafeBytes { LoadCache.decode($0) }
}

/// A document as the loader keeps it, through `LoadCache`'s own form (`encode`, `decode`):
/// every field read back the same.
@inline(never)
func roundTripDocument(_ doc: Document, bytes: [UInt8]) {
    var doc = doc
    (doc.unshowable, doc.invisible) = PDFFonts.unshowableAndInvisible(in: bytes)
    doc.mayHoldPlaceholder = Placeholder.mayBeIn(bytes)
    let stamp = FileTree.FileStamp(size: bytes.count, modified: -1, changed: Int.max, device: 7, inode: UInt.max)
    let cache = LoadCache()
    cache.insert([LoadCache.StoredEntry(path: doc.path, stamp: stamp, document: doc)])
    let blob = cache.encode([doc.path])
    guard let entries = blob.withUnsafeBytes({ LoadCache.decode($0) }), entries.count == 1,
          entries[0].path == doc.path, entries[0].stamp == stamp, let read = entries[0].document
    else { fatalError("the document's entry does not read back") }
    guard read.kind == doc.kind, read.id.utf8.elementsEqual(doc.id.utf8), read.path == doc.path,
          read.municipality == doc.municipality, read.language == doc.language,
          read.mayHoldPlaceholder == doc.mayHoldPlaceholder, read.mayHoldDeferral == doc.mayHoldDeferral,
          read.unshowable == doc.unshowable, read.invisible == doc.invisible,
          same(read.root, doc.root), sameForms(read.writtenForms, doc.writtenForms),
          (read.markdown == nil) == (doc.markdown == nil),
          read.markdown.map({ $0.body.utf8.elementsEqual(doc.markdown!.body.utf8) && same($0.frontMatter, doc.root) }) ?? true
    else { fatalError("the document read back is not the one written") }
}

/// Reads `bytes` with `body`; nil when they do not read, or bytes are left after it.
@inline(never)
func reading<T>(_ bytes: [UInt8], _ body: (inout BinaryReader) throws -> T) -> T? {
    bytes.withUnsafeBytes { raw -> T? in
        var reader = BinaryReader(raw)
        guard let value = try? body(&reader), reader.atEnd else { return nil }
        return value
    }
}

@inline(never)
func roundTripYAML(_ bytes: [UInt8]) {
    let file = SourceFile("fuzz.yaml")
    let (node, _, forms) = YAMLLoader().loadKeepingForms(bytes: bytes, file: file.path)
    guard let node else { return }
    var writer = BinaryWriter()
    guard writer.node(node, in: file), writer.writtenForms(forms, in: file) else { fatalError("a span of the loaded file is not in it") }
    guard let (read, readForms) = reading(writer.bytes, { r in (try r.node(in: file), try r.writtenForms(in: file)) }) else {
        fatalError("what the writer wrote does not read back")
    }
    guard same(node, read), sameForms(forms, readForms) else { fatalError("the node read back is not the one written") }
    var doc = Document(kind: "office", id: "fuzz", path: file.path, municipality: "fuzz", root: node)
    doc.writtenForms = forms
    roundTripDocument(doc, bytes: bytes)
}

@inline(never)
func roundTripMarkdown(_ bytes: [UInt8]) {
    let file = SourceFile("fuzz.md")
    let (doc, _) = MarkdownLoader().load(bytes: bytes, file: file.path)
    guard let doc else { return }
    var writer = BinaryWriter()
    guard writer.markdown(doc, in: file) else { fatalError("a span of the loaded file is not in it") }
    guard let read = reading(writer.bytes, { r in try r.markdown(in: file) }) else {
        fatalError("what the writer wrote does not read back")
    }
    guard same(doc.frontMatter, read.frontMatter), doc.body.utf8.elementsEqual(read.body.utf8),
          doc.bodyLineOffset == read.bodyLineOffset, sameForms(doc.writtenForms, read.writtenForms),
          doc.headings.count == read.headings.count, doc.links.count == read.links.count
    else { fatalError("the document read back is not the one written") }
    for (a, b) in zip(doc.headings, read.headings) {
        guard a.level == b.level, a.span == b.span, a.text.utf8.elementsEqual(b.text.utf8), a.anchor.utf8.elementsEqual(b.anchor.utf8)
        else { fatalError("a heading read back is not the one written") }
    }
    for (a, b) in zip(doc.links, read.links) {
        guard a.isImage == b.isImage, a.span == b.span, a.destination.utf8.elementsEqual(b.destination.utf8)
        else { fatalError("a link read back is not the one written") }
    }
    var document = Document(kind: "service", id: "fuzz", path: file.path, language: "es", root: doc.frontMatter, markdown: doc)
    if !doc.writtenForms.isEmpty { document.writtenForms = doc.writtenForms }
    roundTripDocument(document, bytes: bytes)
}

func sameForms(_ a: WrittenForms, _ b: WrittenForms) -> Bool {
    a.count == b.count && a.allSatisfy { form in b[form.key].map { $0.utf8.elementsEqual(form.value.utf8) } ?? false }
}

/// Nodes the same value for value, texts by their bytes, doubles by their bits, spans by place.
func same(_ a: Node?, _ b: Node?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    guard a.span == b.span else { return false }
    switch (a.value, b.value) {
    case (.null, .null): return true
    case let (.bool(x), .bool(y)): return x == y
    case let (.int(x), .int(y)): return x == y
    case let (.double(x), .double(y)): return x.bitPattern == y.bitPattern
    case let (.string(x), .string(y)): return x.utf8.elementsEqual(y.utf8)
    case let (.sequence(x), .sequence(y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case let (.mapping(x), .mapping(y)):
        return x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
    default: return false
    }
}

runFuzzer(fuzzLoadStore)
