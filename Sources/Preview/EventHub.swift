import Foundation

/// What the preview tells open pages: reload after a good build, or the errors of a
/// broken tree (shown as an overlay until a build succeeds again), and the warnings of a
/// good build (shown in a corner; an empty list takes them away).
public enum PreviewEvent: Sendable, Equatable {
    case reload(build: Int)
    case errors(json: String)
    case warnings(json: String)

    /// The event in server-sent events framing.
    public var frame: String {
        switch self {
        case let .reload(build): return "event: reload\ndata: {\"build\":\(build)}\n\n"
        case let .errors(json): return "event: errors\ndata: \(json)\n\n"
        case let .warnings(json): return "event: warnings\ndata: \(json)\n\n"
        }
    }
}

/// Hands every event to every open page. A page that connects while the tree is broken
/// gets the errors at once; one that connects to a good build gets its warnings (the
/// pages reloaded after a save are told them so).
public actor EventHub {
    private var listeners: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]
    private(set) var lastErrors: PreviewEvent?
    private(set) var lastWarnings: PreviewEvent?
    public private(set) var sent = 0

    public init() {}

    public func subscribe() -> AsyncStream<PreviewEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(16))
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        if let last = lastErrors ?? lastWarnings { continuation.yield(last) }
        return stream
    }

    public func publish(_ event: PreviewEvent) {
        switch event {
        case .errors: lastErrors = event
        case .reload: lastErrors = nil
        case .warnings: lastWarnings = event
        }
        sent += 1
        for continuation in listeners.values { continuation.yield(event) }
    }

    public var listenerCount: Int { listeners.count }

    private func remove(_ id: UUID) {
        listeners[id] = nil
    }
}
