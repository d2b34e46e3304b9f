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

    private struct Key: Hashable {
        var slot: String
        var model: AnyHashable
    }

    private struct Slot {
        var entries = 0
        var hits = 0
        var misses = 0
    }

    private let lock = NSLock()
    private var rendered: [Key: String] = [:]
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
    /// `render` (which renders the chapter's template from `model`).
    func html<Model: ChapterView>(source: String, language: String, format: MarkupFormat, model: Model,
                                  render: () -> String) -> String {
        let slot = "\(format.rawValue)/\(language)/\(source)"
        let state = lock.withLock { slots[slot] ?? Slot() }
        if state.hits == 0, state.misses >= giveUp { return render() }
        var bare = model
        bare.ui = [:]
        let key = Key(slot: slot, model: AnyHashable(bare))
        if let html = lock.withLock({ () -> String? in
            guard let html = rendered[key] else { return nil }
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
