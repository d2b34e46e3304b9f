import Foundation
import Rendering

/// The chapters one build has rendered, by their view model: a chapter whose view model
/// equals one already rendered (in the same format and language) is the same markup, so
/// its bytes are reused instead of rendered again. A chapter that shows nothing of the
/// municipality (governance, glossary) or that the municipality did not adapt is the
/// same in many handbooks; at 947 municipalities the governance, communication, checklist
/// and glossary chapters (14% of each handbook's bytes) are rendered once per language.
///
/// The key is the whole view model (its synthesized `Hashable`), so a hit is exact:
/// the template is a pure function of the view model. The `ui` words are left out of the
/// key, being the same for every chapter of a language. The cache keeps a few entries per
/// chapter source, language and format, and stops looking for a source that has missed
/// `giveUp` times without a hit (a chapter that differs in every handbook, such as the
/// catalogue once municipalities adapt it, then costs nothing more).
///
/// Safe to share between threads; two threads that miss the same entry at once both
/// render it (the same bytes).
public final class ChapterCache: @unchecked Sendable {
    /// Entries kept per source, language and format.
    public let capacity: Int
    /// Misses without a hit after which a source, language and format is not looked up.
    public let giveUp: Int

    /// A chapter's key, with its hash computed once, outside the lock: hashing a view
    /// model hashes all its text (100 KB for a catalogue), and the dictionary asked for it
    /// up to three times per chapter while the other threads waited.
    private struct Key: Hashable {
        var slot: String
        var model: AnyHashable
        var hash: Int

        init(slot: String, model: AnyHashable) {
            self.slot = slot
            self.model = model
            var hasher = Hasher()
            hasher.combine(slot)
            hasher.combine(model)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: Key, b: Key) -> Bool { a.hash == b.hash && a.slot == b.slot && a.model == b.model }
    }

    private struct Slot {
        var entries = 0
        var hits = 0
        var misses = 0
    }

    private let lock = NSLock()
    private var rendered: [Key: any Sendable] = [:]
    private var slots: [String: Slot] = [:]
    private var hitCount = 0

    /// A cache keeping `capacity` chapters per source, language and format.
    public init(capacity: Int = 8, giveUp: Int = 64) {
        self.capacity = capacity
        self.giveUp = giveUp
    }

    /// How many chapters were reused instead of rendered, for tests and profiles.
    public var hits: Int { lock.withLock { hitCount } }

    /// The markup of `model`, the view of the chapter `source`, from the cache or from
    /// `render` (which renders the chapter's template from `model`; text of one type per
    /// cache).
    func html<Model: ChapterView, Text: Sendable>(source: String, language: String, format: MarkupFormat, model: Model,
                                                  render: () -> Text) -> Text {
        let slot = "\(format.rawValue)/\(language)/\(source)"
        let state = lock.withLock { slots[slot] ?? Slot() }
        if state.hits == 0, state.misses >= giveUp { return render() }
        var bare = model
        bare.ui = [:]
        let key = Key(slot: slot, model: AnyHashable(bare))
        if let html = lock.withLock({ () -> Text? in
            guard let html = rendered[key] as? Text else { return nil }
            slots[slot, default: Slot()].hits += 1
            hitCount += 1
            return html
        }) {
            return html
        }
        let html = render()
        lock.withLock {
            var s = slots[slot] ?? Slot()
            s.misses += 1
            if s.entries < capacity, rendered[key] == nil {
                rendered[key] = html
                s.entries += 1
            }
            slots[slot] = s
        }
        return html
    }
}

/// Parts of chapters' view models already built by one build, by a key that names every
/// input they were built from (`CatalogueChapter.SheetKey`, `ProceduresChapter.SheetKey`):
/// the sheet of a service or procedure the municipality did not adapt is the same in
/// every handbook of a language whose links from it lead to the same places, so it is
/// built once instead of once per handbook.
/// Keeps at most `capacity` parts. Safe to share between threads.
public final class ViewPartCache: @unchecked Sendable {
    public let capacity: Int
    private let lock = NSLock()
    /// The parts by the type of their key and part (a dictionary of each, typed: keys
    /// boxed as `AnyHashable` and parts cast back from `any Sendable` cost a dynamic
    /// cast, a box and a copy of the key on every lookup, inside the lock).
    private var stores: [ObjectIdentifier: AnyObject] = [:]
    private var count = 0
    private var references: [String: [(links: String, id: String)]] = [:]
    private var orders: [TextsKey: [Int]] = [:]
    private var hitCount = 0

    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// How many parts were reused instead of built, for tests and profiles.
    public var hits: Int { lock.withLock { hitCount } }

    /// The parts of one type of key.
    private final class Store<Key: Hashable, Part> {
        var parts: [Key: Part] = [:]
    }

    /// The store of parts of `Key` and `Part` (call holding the lock).
    private func store<Key: Hashable, Part>(_: Key.Type, _: Part.Type) -> Store<Key, Part> {
        let id = ObjectIdentifier(Store<Key, Part>.self)
        if let known = stores[id] { return unsafeDowncast(known, to: Store<Key, Part>.self) }
        let made = Store<Key, Part>()
        stores[id] = made
        return made
    }

    /// The part stored under `key`, or the one `build` makes (then stored).
    func part<Part: Sendable, Key: Hashable & Sendable>(_ key: Key, build: () -> Part) -> Part {
        if let known = lock.withLock({ () -> Part? in
            guard let part = store(Key.self, Part.self).parts[key] else { return nil }
            hitCount += 1
            return part
        }) {
            return known
        }
        let part = build()
        lock.withLock {
            let store = store(Key.self, Part.self)
            if count < capacity, store.parts[key] == nil {
                store.parts[key] = part
                count += 1
            }
        }
        return part
    }

    /// What `make` finds in the document at `path` (read once per build: a model
    /// document is the same in every handbook).
    func references(_ path: String, make: () -> [(links: String, id: String)]) -> [(links: String, id: String)] {
        if let known = lock.withLock({ references[path] }) { return known }
        let found = make()
        lock.withLock { references[path] = found }
        return found
    }

    /// The order `sort` gives (indices into the sorted items), once per `key`, which
    /// names every item and everything the order reads of it: handbooks of a language
    /// list mostly the same services and procedures, and sorting them by name compares
    /// with Foundation's case- and diacritic-insensitive `compare` (issue 13).
    func order(_ key: [String], sort: () -> [Int]) -> [Int] {
        let key = TextsKey(key)
        if let known = lock.withLock({ orders[key] }) { return known }
        let order = sort()
        lock.withLock { orders[key] = order }
        return order
    }
}
