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
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// The file's path as oae shows it: relative to the tree's root, with `/`.
    public var file: String
    public var start: SourcePosition
    public var end: SourcePosition

    public init(file: String, start: SourcePosition, end: SourcePosition) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    public init(file: String, line: Int, column: Int) {
        self.init(file: file, start: SourcePosition(line: line, column: column),
                  end: SourcePosition(line: line, column: column + 1))
    }

    /// The start of a file, for problems that concern the whole file.
    public static func wholeFile(_ file: String) -> SourceSpan {
        SourceSpan(file: file, line: 1, column: 1)
    }

    /// The same span moved down by `lines` (front matter inside a Markdown file).
    public func shifted(lines: Int) -> SourceSpan {
        SourceSpan(file: file,
                   start: SourcePosition(line: start.line + lines, column: start.column),
                   end: SourcePosition(line: end.line + lines, column: end.column))
    }

    public var description: String { "\(file):\(start.line):\(start.column)" }
}
