/// A place in a source file: 1-based line and column, where columns count Unicode
/// characters as an editor shows them (an "è" is one column, a tab is one column).
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A range in one file, from `start` (inclusive) to `end` (exclusive).
///
/// Every YAML node carries one, so it is kept small and free to copy: the file is an
/// interned `SourceFile` (a pointer, no reference count) and the four numbers are 32-bit.
/// A span was 48 bytes with a `String` to retain and release at every copy of a node;
/// it is 24 bytes and plain data (issue 13). Positions beyond ±2³¹ are clamped.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// The file, interned: equal paths are the same `SourceFile`.
    public var source: SourceFile
    private var startLine: Int32
    private var startColumn: Int32
    private var endLine: Int32
    private var endColumn: Int32

    /// The file's path as oae shows it: relative to the tree's root, with `/`.
    public var file: String {
        get { source.path }
        set { source = SourceFile(newValue) }
    }

    public var start: SourcePosition {
        get { SourcePosition(line: Int(startLine), column: Int(startColumn)) }
        set { (startLine, startColumn) = (Int32(clamping: newValue.line), Int32(clamping: newValue.column)) }
    }

    public var end: SourcePosition {
        get { SourcePosition(line: Int(endLine), column: Int(endColumn)) }
        set { (endLine, endColumn) = (Int32(clamping: newValue.line), Int32(clamping: newValue.column)) }
    }

    public init(source: SourceFile, start: SourcePosition, end: SourcePosition) {
        self.source = source
        let end = max(start, end)
        startLine = Int32(clamping: start.line)
        startColumn = Int32(clamping: start.column)
        endLine = Int32(clamping: end.line)
        endColumn = Int32(clamping: end.column)
    }

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.init(source: SourceFile(file), start: start, end: end)
    }

    public init(source: SourceFile, line: Int, column: Int) {
        self.init(source: source, start: SourcePosition(line: line, column: column),
                  end: SourcePosition(line: line, column: column + 1))
    }

    public init(file: String, line: Int, column: Int) {
        self.init(source: SourceFile(file), line: line, column: column)
    }

    /// The start of a file, for problems that concern the whole file. A path that ends
    /// with `/` names a folder (`seeds/sabadell/` lacks its office.yaml): a folder has no
    /// lines, so its span has no position (`hasPosition`: line and column 0), and the
    /// reports name the folder alone.
    public static func wholeFile(_ file: String) -> SourceSpan {
        file.hasSuffix("/") ? SourceSpan(file: file, start: SourcePosition(line: 0, column: 0), end: SourcePosition(line: 0, column: 0))
            : SourceSpan(file: file, line: 1, column: 1)
    }

    /// A span without a position for an entry of the tree that oae does not read as text
    /// (a symbolic link, a special file, a folder it could not open): it has no lines to
    /// point at, whether or not its path ends with `/` (a link to a folder was told at
    /// "1:1" of it).
    public static func unreadEntry(_ path: String) -> SourceSpan {
        SourceSpan(file: path, start: SourcePosition(line: 0, column: 0), end: SourcePosition(line: 0, column: 0))
    }

    /// False for a folder's span (`wholeFile`), which names no line and column.
    public var hasPosition: Bool { startLine > 0 }

    /// The same span moved down by `lines` (front matter inside a Markdown file).
    public func shifted(lines: Int) -> SourceSpan {
        SourceSpan(source: source,
                   start: SourcePosition(line: start.line + lines, column: start.column),
                   end: SourcePosition(line: end.line + lines, column: end.column))
    }

    /// `file:line:column`, or the folder alone (`seeds/sabadell/`).
    public var description: String { hasPosition ? "\(file):\(start.line):\(start.column)" : file }
}
