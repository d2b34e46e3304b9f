import Foundation
import Resolution

/// The Markdown bodies of one build's handbooks, rendered once and shared: every
/// handbook of a language shows the same service, procedure and strategy bodies, so each
/// is rendered by cmark-gfm once per language instead of once per handbook (13% of the
/// handbooks' CPU before, issue 13).
///
/// A body's HTML is a pure function of its source text, where it stands (anchor, heading
/// shift, section numbers), the language's words, and where each of its links leads in
/// the handbook. The last one depends on the municipality (a link to a service it does
/// not offer becomes plain text), so an entry is keyed by what the link resolver answered
/// for each link: the first rendering of a body records the destinations it asked for;
/// a later handbook resolves those same destinations, and finds the HTML rendered for the
/// same answers, or renders (and stores) its own. The values a municipality adapts
/// (`{{value …}}`) and the note of a fallback language are put in after, per handbook.
///
/// Safe to share between threads; two threads that miss the same entry at once may both
/// render it (the same bytes).
public final class BodyCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Body key → where the link destinations its rendering asked the resolver for lead
    /// in the tree, in order (`DocumentPlaces.Location`: the same in every handbook, so
    /// a later handbook only answers them).
    private var destinations: [Text: [DocumentPlaces.Location]] = [:]
    /// Body key and resolved destinations → the HTML, and where its value references are.
    private var rendered: [Answers: Body] = [:]
    private var renderCount = 0
    /// Link destination and the document it is written in → what it names.
    private var locations: [Place: DocumentPlaces.Location] = [:]
    /// Document path, and language and anchor → the heading anchors of its body.
    private var headingSets: [Place: Set<String>] = [:]

    public init() {}

    /// How many bodies were rendered (cache misses), for tests and profiles.
    public var renders: Int { lock.withLock { renderCount } }

    /// A body's HTML and the places of the value references (`{{value …}}`) in it,
    /// searched once when it was rendered (`ValueReference.places`).
    struct Body: Sendable {
        let html: String
        let references: [ValueReference.Place]
    }

    /// The HTML of the body `key`: from the cache when the link answers of
    /// `resolve` are those of a stored rendering, else from `render`, which must call the
    /// resolver it is given for every link destination (and so is recorded). Each
    /// destination is taken as its own location (`body(key:locate:answer:render:)`).
    func html(key: String, resolve: @escaping @Sendable (String) -> String?,
              render: (_ resolver: @escaping @Sendable (String) -> String?) -> String) -> String {
        body(key: key, locate: { DocumentPlaces.Location.url($0) },
             answer: { location in if case let .url(destination) = location { return resolve(destination) } else { return nil } },
             render: render).html
    }

    /// The body `key`, with its value references' places: from the cache when the
    /// answers for the destinations its first rendering asked for (located once, by
    /// `locate`, then answered here by `answer`) are those of a stored rendering, else
    /// from `render`, which must call the resolver it is given for every link
    /// destination (and so is recorded).
    func body(key: String, locate: @escaping @Sendable (String) -> DocumentPlaces.Location,
              answer: @escaping @Sendable (DocumentPlaces.Location) -> String?,
              render: (_ resolver: @escaping @Sendable (String) -> String?) -> String) -> Body {
        let text = Text(key)
        if let known = lock.withLock({ destinations[text] }) {
            let answers = Answers(key: text, answers: known.map(answer))
            if let body = lock.withLock({ rendered[answers] }) { return body }
        }
        let recorder = Recorder()
        let html = render { destination in
            let location = locate(destination)
            let answered = answer(location)
            recorder.append(location, answered)
            return answered
        }
        let (located, answered) = recorder.result
        let body = Body(html: html, references: ValueReference.places(in: html))
        lock.withLock {
            renderCount += 1
            destinations[text] = located
            rendered[Answers(key: text, answers: answered)] = body
        }
        return body
    }

    /// What `destination`, written in the document at `from`, names (`DocumentPlaces.locate`),
    /// worked out once per build.
    func location(_ destination: String, from: String) -> DocumentPlaces.Location {
        let key = Place(from: from, destination: destination)
        if let known = lock.withLock({ locations[key] }) { return known }
        let location = DocumentPlaces.locate(destination, from: from)
        lock.withLock { locations[key] = location }
        return location
    }

    /// The heading anchors of the body of the document at `path` in `language`, shown
    /// under `anchor` (`DocumentPlaces`), made by `make` once per build: the document
    /// and its translations do not change during a build.
    func headings(path: String, language: String, anchor: String, make: () -> Set<String>) -> Set<String> {
        let key = Place(from: path, destination: language + "\u{0}" + anchor)
        if let known = lock.withLock({ headingSets[key] }) { return known }
        let made = make()
        lock.withLock { headingSets[key] = made }
        return made
    }

    /// A body's key and what the resolver answered for each of its link destinations,
    /// in order (kept apart, not joined into one string: hashing and comparing them needs
    /// no concatenation of the body's key and every answer). Hashed once, by bytes
    /// (`ByteKeys`), before the lock is taken.
    struct Answers: Hashable {
        let key: String
        let answers: [String?]
        let hash: Int

        /// The key's hash (`Text`) is taken as it is: its bytes are hashed once per call.
        init(key: Text, answers: [String?]) {
            self.key = key.text
            self.answers = answers
            var hasher = Hasher()
            hasher.combine(key.hash)
            hasher.combine(answers.count)
            for answer in answers { ByteKeys.combine(answer, into: &hasher) }
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: Answers, b: Answers) -> Bool {
            a.hash == b.hash && ByteKeys.equal(a.key, b.key) && ByteKeys.equal(a.answers, b.answers)
        }
    }

    /// A text as a key, hashed once by its bytes (`ByteKeys`), before the lock is taken.
    struct Text: Hashable {
        let text: String
        let hash: Int

        init(_ text: String) {
            self.text = text
            var hasher = Hasher()
            ByteKeys.combine(text, into: &hasher)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        static func == (a: Text, b: Text) -> Bool { a.hash == b.hash && ByteKeys.equal(a.text, b.text) }
    }

    /// A link destination and the path of the document it is written in, as a key
    /// (without joining them into a new string for every link of every handbook).
    struct Place: Hashable {
        let from: String
        let destination: String
        let hash: Int

        init(from: String, destination: String) {
            self.from = from
            self.destination = destination
            var hasher = Hasher()
            ByteKeys.combine(from, into: &hasher)
            ByteKeys.combine(destination, into: &hasher)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (a: Place, b: Place) -> Bool {
            a.hash == b.hash && ByteKeys.equal(a.destination, b.destination) && ByteKeys.equal(a.from, b.from)
        }
    }

    /// Where the destinations one rendering asked for lead, and what it was told.
    final class Recorder: @unchecked Sendable {
        private var located: [DocumentPlaces.Location] = []
        private var answered: [String?] = []

        func append(_ location: DocumentPlaces.Location, _ answer: String?) {
            located.append(location)
            answered.append(answer)
        }

        var result: ([DocumentPlaces.Location], [String?]) { (located, answered) }
    }
}
