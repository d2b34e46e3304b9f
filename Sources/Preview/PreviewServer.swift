import Foundation
import Hummingbird
import Logging
import Tools

/// The preview's HTTP side: the built site from a folder, the live-reload script and the
/// event stream. Pages get the live-reload script as they are served; nothing outside
/// the folder is ever served, and only requests for this machine or the bound address
/// (see `HostCheck`) are answered.
public struct PreviewServer: Sendable {
    public let folder: URL
    public let hub: EventHub
    /// Makes the file at a path (relative to the site's root) when asked (`made`), says
    /// that the tree no longer has it (`gone`: 404, not the copy the last full build left
    /// in `folder`), or is nil to serve it from `folder`: the preview renders pages on
    /// request.
    public let source: @Sendable (String) -> Rendered?

    /// What `source` says of a path.
    public enum Rendered: Sendable {
        case made(Data)
        case gone
    }
    /// The port actually listened on, once the server runs (the `Host:` check needs it).
    private let boundPort = BoundPort()

    public init(folder: URL, hub: EventHub, source: @escaping @Sendable (String) -> Rendered? = { _ in nil }) {
        self.folder = folder
        self.hub = hub
        self.source = source
    }

    /// Runs the server until cancelled. `onRunning` receives the port actually bound
    /// (useful with port 0).
    public func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let server = self
        let hosts = HostCheck(boundHost: host)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            guard hosts.allows(request.head.authority, port: server.boundPort.value) else {
                return server.text(.misdirectedRequest, "refused: this preview answers only for localhost and \(host)\n")
            }
            return await server.respond(to: request)
        }
        var logger = Logger(label: "oae.serve")
        logger.logLevel = .warning
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: "oae"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                server.boundPort.set(bound)
                await onRunning(bound)
            },
            logger: logger)
        // SIGTERM and SIGINT (Ctrl-C) stop the preview at once: it keeps no state worth a
        // graceful shutdown, and its event streams never end by themselves.
        let stop = PreviewServer.exitOnSignals([SIGTERM, SIGINT])
        defer { stop.forEach { $0.cancel() } }
        try await app.runService()
    }

    static func exitOnSignals(_ signals: [Int32]) -> [DispatchSourceSignal] {
        signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: SignalQueue.queue)
            source.setEventHandler { exit(0) }
            source.resume()
            return source
        }
    }

    func respond(to request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            return text(.methodNotAllowed, "only GET and HEAD\n")
        }
        let target = request.head.path ?? "/"
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        if path == LiveReload.eventsPath { return await events() }
        if path == LiveReload.scriptPath {
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        guard case let .file(relative) = SafePath.resolve(target) else {
            return text(.forbidden, "refused: the preview serves only the site's own files\n")
        }
        // A folder's address without its final '/' is sent to the one with it, as static
        // hosts do: its page's relative links are read from the folder (the trial of session
        // 42: `/ca/offices` was served, and its links led to 404s).
        let folderAddress = relative.isEmpty || path.hasSuffix("/")
        // A page rendered now, when the preview makes it (a folder's address is its index page).
        for page in relative.isEmpty ? ["index.html"] : [relative, relative + "/index.html"] {
            switch source(page) {
            case let .made(data)?:
                if page != relative, !folderAddress { return redirect(toFolder: relative, target: target) }
                return file(data, type: SafePath.contentType(page))
            case .gone?: return notFound()
            case nil: continue
            }
        }
        var url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            if !folderAddress { return redirect(toFolder: relative, target: target) }
            url = url.appendingPathComponent("index.html")
        }
        // Resolve links too, and make sure the file is still inside the folder.
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
        let base = folder.resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved == base || resolved.hasPrefix(base + "/") else {
            return text(.forbidden, "refused: the preview serves only the site's own files\n")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else { return notFound() }
        return file(data, type: SafePath.contentType(resolved))
    }

    /// A permanent redirect to the folder `relative` (a path of the site, decoded) with its
    /// final '/', and the query of the request's `target`. The address is made from the
    /// path, encoded again, never copied from the request (`//host/…` would lead away).
    func redirect(toFolder relative: String, target: String) -> Response {
        let encoded = relative.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: PreviewServer.segmentAllowed) ?? "" }
        let query = target.firstIndex(of: "?").map { String(target[$0...]) } ?? ""
        return Response(status: .movedPermanently, headers: [.location: "/" + encoded.joined(separator: "/") + "/" + query, .cacheControl: "no-store"])
    }

    /// The characters a path segment keeps unencoded in a redirect's address.
    static let segmentAllowed: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        return allowed
    }()

    /// The site's 404 page (the one rendered now, else the last full build's), status 404.
    func notFound() -> Response {
        let body: String?
        if case let .made(data)? = source("404.html") {
            body = String(decoding: data, as: UTF8.self)
        } else {
            body = FileManager.default.contents(atPath: folder.appendingPathComponent("404.html").path).map { String(decoding: $0, as: UTF8.self) }
        }
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: LiveReload.inject(body ?? "<!doctype html><title>404</title><p>Not found</p>"))))
    }

    /// A file's response, with the live-reload script in HTML pages.
    func file(_ data: Data, type: String) -> Response {
        let bytes: ByteBuffer
        if type.hasPrefix("text/html") {
            bytes = ByteBuffer(string: LiveReload.inject(String(decoding: data, as: UTF8.self)))
        } else {
            bytes = ByteBuffer(bytes: data)
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: .init(byteBuffer: bytes))
    }

    func events() async -> Response {
        let stream = await hub.subscribe()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": oae preview\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.frame))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok,
                        headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                        body: body)
    }

    func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: message)))
    }
}

/// The port a server listens on, set once it runs and read by every request.
final class BoundPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port = -1

    var value: Int { lock.withLock { port } }
    func set(_ value: Int) { lock.withLock { port = value } }
}
