/// The words of a `yaml-syntax` error for libyaml's problems that are cryptic to a writer
/// ("did not find expected hexdecimal number", its typo included): what is wrong in the
/// writer's terms, and what to write instead. A problem not in the table keeps libyaml's
/// words (those three with a help of their own: `YAMLLoader`'s `syntaxHelp`). Tabs and
/// aliases never reach libyaml's words: the loader says those itself.
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
        "did not find expected comment or line break": Wording(
            message: "text follows a value on its line, where YAML expects the line to end",
            help: "quote the whole value, or remove the text after it"),
    ]

    /// The wording of a libyaml problem, nil when it keeps libyaml's.
    public static func wording(_ problem: String) -> Wording? { table[problem] }
}
