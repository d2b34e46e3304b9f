import Foundation
import Presentation

/// A template value made once and shared by every page that shows it (the sheet of a
/// service the municipalities did not adapt, in one language), so that a template's
/// section over it is rendered once per build and its bytes reused (`RenderMemo`).
/// Immutable: its identity stands for its value.
public final class SharedValue: Sendable {
    /// The value a template reads.
    public let value: TemplateValue

    public init(_ value: TemplateValue) { self.value = value }
}

/// Where a view model keeps its `SharedValue`, made the first time a template asks for
/// it. A view that holds a shared slot promises that its other members do not change once the
/// slot is set (the views that have one are built once and only read: the sheets kept in
/// `ViewPartCache`). Every slot equals every other (a view's `Hashable` conformance
/// reads its members, not where its template value is kept) and encodes as nothing.
public final class TemplateValueSlot: @unchecked Sendable, Hashable {
    /// Whether the value is shared; `none` is the slot of every view that is not.
    public let sharing: Bool
    private let lock = NSLock()
    private var made: SharedValue?

    /// A slot of a view shared by several pages.
    public init() { sharing = true }

    private init(sharing: Bool) { self.sharing = sharing }

    /// The slot of a view that is not shared: its template value is made every time.
    public static let none = TemplateValueSlot(sharing: false)

    /// The view's value: `make`'s, shared (`.shared`, made the first time) when the slot is.
    public func value(_ make: () -> TemplateValue) -> TemplateValue {
        guard sharing else { return make() }
        if let made = lock.withLock({ made }) { return .shared(made) }
        let value = SharedValue(make())
        return .shared(lock.withLock {
            if let made { return made }
            made = value
            return value
        })
    }

    public static func == (a: TemplateValueSlot, b: TemplateValueSlot) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// The bytes a template's section rendered for a `SharedValue` item, kept for the
/// other pages of the build that render the same section over the same value: one per
/// `Templates` (its partials are those of its library).
///
/// A section's bytes depend on the item, the section's tokens, the escaping and
/// indentation it starts with, and on every name the section looked up outside the item
/// (`{{ui.col_step}}`, or an absent optional that Mustache then looks for in the outer
/// contexts). The rendering records those names and what they were; a later page reuses
/// the bytes only when each of those names is the same there (`TemplateValue.same`),
/// else renders (and keeps) its own. Safe to share between threads; two threads that
/// miss at once both render (the same bytes). Holds at most `capacity` bytes, then starts
/// again empty (a rendering larger than that is not kept).
public final class RenderMemo: @unchecked Sendable {
    /// The most bytes kept (16 MB by default: at 947 municipalities, 64 MB kept 120 MB
    /// more resident memory than without the memo, 16 MB about 55 MB, for no less CPU).
    public let capacity: Int
    private let lock = NSLock()
    private var entries: [Key: [Entry]] = [:]
    private var bytes = 0
    private var hitCount = 0

    public init(capacity: Int = 16 << 20) {
        self.capacity = capacity
    }

    /// How many sections were reused instead of rendered, for tests and profiles.
    public var hits: Int { lock.withLock { hitCount } }

    struct Key: Hashable {
        let value: ObjectIdentifier
        /// The section's body: its template's program and the index of its first operation.
        let program: ObjectIdentifier
        let body: Int
        let escaping: CompiledTemplate.Escaping
        let indentation: [UInt8]?
    }

    /// One rendering: what it read outside the item, and its bytes. It keeps the value and
    /// the program, so that their identities (in the key) cannot be another's while it lives.
    final class Entry {
        let keep: SharedValue
        let program: CompiledTemplate.Program
        let outside: [(name: String, value: TemplateValue?)]
        let bytes: [UInt8]

        init(keep: SharedValue, program: CompiledTemplate.Program, outside: [(name: String, value: TemplateValue?)], bytes: [UInt8]) {
            self.keep = keep
            self.program = program
            self.outside = outside
            self.bytes = bytes
        }
    }

    /// The renderings kept for `key` (to be checked against the outer contexts).
    func candidates(_ key: Key) -> [Entry] {
        lock.withLock { entries[key] ?? [] }
    }

    /// Counts the sections one rendering reused (once per page, not per section: the lock
    /// is taken once).
    func count(hits: Int) {
        guard hits > 0 else { return }
        lock.withLock { hitCount += hits }
    }

    func store(_ key: Key, _ entry: Entry) {
        guard entry.bytes.count <= capacity else { return }
        lock.withLock {
            if bytes + entry.bytes.count > capacity {
                entries.removeAll()
                bytes = 0
            }
            // A few renderings per section and value (outer names that differ by page).
            guard (entries[key]?.count ?? 0) < 8 else { return }
            entries[key, default: []].append(entry)
            bytes += entry.bytes.count
        }
    }
}

extension TemplateValue {
    /// Whether two values render the same bytes wherever they are read: the same kind,
    /// strings with the same UTF-8 bytes (not `==`, which compares by canonical
    /// equivalence), the same members in the same order.
    public static func same(_ a: TemplateValue?, _ b: TemplateValue?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (.string(x)?, .string(y)?): return sameBytes(x, y)
        case let (.bool(x)?, .bool(y)?): return x == y
        case let (.int(x)?, .int(y)?): return x == y
        case let (.double(x)?, .double(y)?): return x.bitPattern == y.bitPattern
        case let (.utf8(x)?, .utf8(y)?): return x == y
        case let (.shared(x)?, .shared(y)?): return x === y || same(x.value, y.value)
        case let (.list(x)?, .list(y)?):
            guard x.count == y.count else { return false }
            for i in x.indices where !same(x[i], y[i]) { return false }
            return true
        case let (.object(x)?, .object(y)?):
            guard x.count == y.count else { return false }
            for i in x.indices where !sameBytes(x[i].name, y[i].name) || !same(x[i].value, y[i].value) { return false }
            return true
        case let (.words(x)?, .words(y)?):
            // The same table (a language's words, read by every page) is the same storage.
            if x.isSameStorage(as: y) { return true }
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let other = y[key], sameBytes(other, value) else { return false }
            }
            return true
        default: return false
        }
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }
}
