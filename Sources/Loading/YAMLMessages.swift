/// The words of a `yaml-syntax` error for libyaml's problems that are cryptic to a writer
/// ("did not find expected hexdecimal number", its typo included): what is wrong in the
/// writer's terms, and what to write instead; the places libyaml names beside them
/// (`contexts`) too. A problem not in the table keeps libyaml's words: the table holds
/// the problems of libyaml 0.2.5's scanner and parser (its emitter's are never met), except
/// those of bytes that are not UTF-8, which `TextChecks` reports before libyaml reads the
/// file, and an undefined alias, which the loader reports itself. Tabs in indentation
/// never reach libyaml's words either: the loader says those itself.
///
/// The keys are libyaml 0.2's problem texts (`scanner.c`, `parser.c`), exactly.
public enum YAMLMessages {
    public struct Wording: Sendable, Equatable {
        public var message: String
        public var help: String
    }

    static let escapes = "a double-quoted value takes \\n, \\t, \\\", \\\\, \\x.., \\u.... and \\U........"
    static let singleQuotes = "or put the text in single quotes, where a backslash is an ordinary character"

    public static let table: [String: Wording] = [
        "did not find expected hexdecimal number": Wording(
            message: "an escape in a double-quoted value needs hexadecimal digits: \\x two, \\u four, \\U eight",
            help: "write the character itself, or \\u00e9 with its four digits; \(singleQuotes)"),
        "found unknown escape character": Wording(
            message: "a backslash in a double-quoted value starts an escape YAML does not know (\(escapes))",
            help: "write \\\\ for a backslash, \(singleQuotes)"),
        "found invalid Unicode character escape code": Wording(
            message: "the \\u or \\U escape of a double-quoted value names no Unicode character",
            help: "write the character itself, \(singleQuotes)"),
        "did not find expected node content": Wording(
            message: "a value is missing here",
            help: "write the value, or quote it if it starts with a character YAML reserves (@, `, %, !, &, *, |, >, [, {)"),
        "block sequence entries are not allowed in this context": Wording(
            message: "a list item ('- ') stands where its key needs a single value",
            help: "put the list on the lines below its key, each item indented under it"),
        "did not find expected ',' or ']'": Wording(
            message: "a list in [ ] is not closed, or two of its items have no comma between them",
            help: "close it with ']' and separate its items with commas; quote an item that holds a comma or a bracket"),
        "did not find expected ',' or '}'": Wording(
            message: "a mapping in { } is not closed, or two of its pairs have no comma between them",
            help: "close it with '}' and separate its pairs with commas; quote a value that holds a comma or a brace"),
        "could not find expected ':'": Wording(
            message: "a key is not followed by ':'",
            help: "write 'key: value'; a text over several lines is quoted, or written after '|' or '>'"),
        "found unexpected end of stream": Wording(
            message: "the file ends inside a value that is not closed",
            help: "close the quote or the bracket that is open"),
        "found unexpected document indicator": Wording(
            message: "'---' or '...' at the start of a line ends the document inside a value",
            help: "indent the line, or quote the value"),
        "did not find expected alphabetic or numeric character": Wording(
            message: "an '&' or '*' that starts a value must be followed by a name (YAML reads an anchor or an alias)",
            help: "quote the value if it starts with & or *"),
        "control characters are not allowed": Wording(
            message: "the file holds a control character, which YAML does not allow",
            help: "remove it (such characters often come with text pasted from another program)"),
        "mapping values are not allowed in this context": Wording(
            message: "a value holds ': ', which YAML reads as the start of a key",
            help: "a value that contains ': ' must be quoted"),
        "did not find expected key": Wording(
            message: "a key of the mapping above was expected here",
            help: "check the indentation of this line against the lines above it"),
        "did not find expected '-' indicator": Wording(
            message: "a list item ('- ') was expected here: the line is indented as the items of the list above",
            help: "start the line with '- ', or indent it as the key it belongs to"),
        "found character that cannot start any token": Wording(
            message: "a value or key starts with a character YAML reserves",
            help: "quote the value if it starts with a special character (@, `, %, !, &, *, |, >)"),
        "mapping keys are not allowed in this context": Wording(
            message: "'? ' starts a key in YAML, and a key cannot stand here",
            help: "quote the value if it starts with '?'"),
        "found an indentation indicator equal to 0": Wording(
            message: "the digit after '|' or '>' gives the text's indentation, and 0 is none",
            help: "remove the digit, or write 1 to 9"),
        "found a tab character where an indentation space is expected": Wording(
            message: "a line of the text after '|' or '>' is indented with a tab",
            help: "YAML indents with spaces only: replace the tab with spaces"),
        "found a tab character that violates indentation": Wording(
            message: "a line of the text after '|' or '>' is indented with a tab",
            help: "YAML indents with spaces only: replace the tab with spaces"),
        "found unexpected ':'": Wording(
            message: "a ':' stands where YAML expects no key",
            help: "quote the value that holds the ':'"),
        "did not find expected comment or line break": Wording(
            message: "text follows a value on its line, where YAML expects the line to end",
            help: "quote the whole value, or remove the text after it"),
    ]

    static let directive = Wording(
        message: "a line that starts with '%' is a YAML directive, which oae does not read",
        help: "remove the line, or quote the key or value that starts with '%'")
    static let tag = Wording(
        message: "a value that starts with '!' is a YAML tag, and this one is not well formed",
        help: "quote the value if it starts with '!'")

    /// The problems of directives (`%YAML`, `%TAG`) and tags (`!x`, `!<uri>`): none of
    /// them is needed in a tree, so each group has one wording.
    static let groups: [String: Wording] = Dictionary(uniqueKeysWithValues:
        ["found unknown directive name", "did not find expected directive name", "found unexpected non-alphabetical character",
         "did not find expected version number", "did not find expected digit or '.' character", "found extremely long version number",
         "found incompatible YAML document", "found duplicate %YAML directive", "found duplicate %TAG directive",
         "did not find expected whitespace", "did not find expected whitespace or line break", "did not find expected <document start>",
        ].map { ($0, directive) }
        + ["did not find the expected '>'", "did not find expected tag URI", "did not find expected '!'", "found undefined tag handle",
           "did not find URI escaped octet"].map { ($0, tag) })

    /// The words of the places libyaml names beside a problem ("while parsing a block
    /// mapping"): the collection or value the problem is in, which starts there.
    public static let contexts: [String: String] = [
        "while parsing a block mapping": "in the mapping that starts here",
        "while parsing a block collection": "in the list that starts here",
        "while parsing a flow sequence": "in the [ ] list that starts here",
        "while parsing a flow mapping": "in the { } mapping that starts here",
        "while parsing a block node": "in the value that starts here",
        "while parsing a flow node": "in the value that starts here",
        "while parsing a node": "in the value that starts here",
        "while scanning a block scalar": "in the text after '|' or '>' that starts here",
        "while scanning a plain scalar": "in the value that starts here",
        "while scanning a quoted scalar": "in the quoted value that starts here",
        "while scanning a simple key": "in the key that starts here",
        "while scanning an anchor": "in the anchor ('&') that starts here",
        "while scanning an alias": "in the alias ('*') that starts here",
        "while scanning a tag": "in the tag ('!') that starts here",
        "while parsing a tag": "in the tag ('!') that starts here",
        "while scanning a directive": "in the directive ('%') that starts here",
        "while scanning a %YAML directive": "in the directive ('%') that starts here",
        "while scanning a %TAG directive": "in the directive ('%') that starts here",
        "while parsing a %TAG directive": "in the directive ('%') that starts here",
        "while scanning a tag directive": "in the directive ('%') that starts here",
    ]

    /// The wording of a libyaml problem, nil when it keeps libyaml's.
    public static func wording(_ problem: String) -> Wording? { table[problem] ?? groups[problem] }

    /// The words of a libyaml context, libyaml's own when the table has none.
    public static func context(_ context: String) -> String { contexts[context] ?? context }
}
