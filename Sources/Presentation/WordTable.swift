import Loading

/// Words by key: the interface words of a language (`Strings.all`), as templates read them
/// (`{{ui.key}}`) and as the pages and handbooks look them up, hundreds per page: a
/// `TextTable` of strings (keys found by their bytes; the pages' lookups of interface words
/// through `[String: String]` were 1.9% of a site build's instructions at 36
/// municipalities, issue 13). Iterated in the order the words were set.
public struct WordTable: Sendable, Codable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
    private var table = TextTable<String>()

    public init() {}

    /// The words of a dictionary, in its order.
    public init(_ words: [String: String]) {
        table.reserve(words.count)
        for (key, word) in words { table[key] = word }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        for (key, word) in elements { table[key] = word }
    }

    /// The word of `key`, or nil. Setting nil removes the key.
    public subscript(key: String) -> String? {
        get { table[key] }
        set { table[key] = newValue }
    }

    /// Sets `word` for `key` when the key has none; whether it had none (one lookup).
    public mutating func insertIfAbsent(_ key: String, _ word: String) -> Bool { table.insertIfAbsent(key, word) }

    public var count: Int { table.count }
    public var isEmpty: Bool { table.isEmpty }

    /// The keys, in the order they were set.
    public var keys: [String] { table.keys }

    /// Whether `key` has a word.
    public func contains(_ key: String) -> Bool { table.contains(key) }

    /// The words as a dictionary (for swift-mustache and the encoders).
    public var dictionary: [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(count)
        for (key, word) in self { out[key] = word }
        return out
    }

    /// Whether `other` is this same table (the same storage): a language's table, shared by
    /// every page, is compared without reading it.
    public func isSameStorage(as other: WordTable) -> Bool { table.isSameStorage(as: other.table) }

    public func makeIterator() -> Iterator { Iterator(table: table) }

    /// The pairs of key and word, in the order they were set.
    public struct Iterator: IteratorProtocol {
        let table: TextTable<String>
        var i = 0
        public mutating func next() -> (key: String, value: String)? {
            guard i < table.count else { return nil }
            defer { i += 1 }
            return (table.key(at: i), table.value(at: i))
        }
    }

    /// As a dictionary of strings.
    public func encode(to encoder: Encoder) throws { try dictionary.encode(to: encoder) }

    public init(from decoder: Decoder) throws { self.init(try [String: String](from: decoder)) }

    /// The same keys (byte for byte) with the same words, in any order.
    public static func == (a: WordTable, b: WordTable) -> Bool {
        guard !a.isSameStorage(as: b) else { return true }
        guard a.count == b.count else { return false }
        for (key, word) in a where b[key] != word { return false }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Independent of the order: the sum of each pair's hash.
        var sum: UInt64 = 0
        for i in 0..<count { sum = sum &+ (table.keyHash(at: i) ^ TextTable<String>.hash(table.value(at: i), seed: 1)) }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

/// A set of texts, each found by its bytes (`TextTable`): for sets asked thousands of times
/// of long texts (the open data's identifiers, a graph's nodes each looked up as it is
/// added: SipHash over an address of 80 bytes, issue 13).
public struct TextSet: Sendable {
    private var table = TextTable<Bool>()

    public init() {}

    /// Adds `text`; whether it was not there.
    @discardableResult
    public mutating func insert(_ text: String) -> Bool { table.insertIfAbsent(text, true) }

    public func contains(_ text: String) -> Bool { table.contains(text) }

    public var count: Int { table.count }
}
