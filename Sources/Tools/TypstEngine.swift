import COAESystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Typst, the PDF engine of the handbooks, through the `typst` Python package (the
/// Typst compiler as a library), run as workers that each compile many documents: one
/// Python process per core, not one per PDF. Python is found in this order: the
/// `OAE_PYTHON` environment variable, the project's virtual environment
/// (`<root>/.venv/bin/python`, where `scripts/setup.sh` installs the package), then
/// `python3` on the `PATH`; it must import `typst`.
///
/// Every PDF is PDF/UA-1 (ISO 14289-1; Typst's own `ua-1` standard, which also makes it
/// tagged), with its creation date set to the source's date, so that the same source
/// gives the same bytes. Fonts come only from `fontFolders` (Debian's
/// `fonts-liberation2` and `fonts-dejavu-core`) and Typst's own embedded fonts, never from
/// the rest of the system, so that two machines give the same bytes. When the `pikepdf`
/// package is there too (`scripts/setup.sh` installs it), each PDF is rewritten with its
/// objects in compressed object streams (PDF 1.5), which takes a tagged handbook from
/// about 1.5 MB to 0.6 MB; the rewrite is deterministic.
public struct TypstEngine: Sendable {
    /// The Python that imports `typst`.
    public let python: URL
    /// The `typst` package's version and the `pikepdf` one, or `none` (`0.15.2+pikepdf-10.18.0`);
    /// part of every PDF's cache key.
    public let version: String

    /// The font folders Typst reads (Debian's `fonts-liberation2`, `fonts-dejavu-core`).
    public static let fontFolders = ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/dejavu"]

    /// How to get PDFs when Typst is missing.
    public static let installHint = "to get PDFs, run scripts/setup.sh (it installs the typst Python package into .venv/), or `pip install typst`, or set OAE_PYTHON to a Python that has it"

    public init(python: URL, version: String) {
        self.python = python
        self.version = version
    }

    /// The Pythons to try, in order, without running them.
    public static func candidates(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        if let explicit = environment["OAE_PYTHON"], !explicit.isEmpty { return [URL(fileURLWithPath: explicit)] }
        var out: [URL] = []
        let venv = root.appendingPathComponent(".venv/bin/python")
        if FileManager.default.isExecutableFile(atPath: venv.path) { out.append(venv) }
        if let system = ChildProcess.which("python3", environment: environment) { out.append(system) }
        return out
    }

    /// The first Python that imports `typst`, with the package's version; nil when none does.
    public static func find(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> TypstEngine? {
        for python in candidates(root: root, environment: environment) {
            if let engine = at(python) { return engine }
        }
        return nil
    }

    /// The engine of the Python at `python`; nil when it cannot import `typst`.
    public static func at(_ python: URL) -> TypstEngine? {
        let probe = """
            import importlib.metadata as m, typst
            try:
                import pikepdf
                compact = "pikepdf-" + m.version("pikepdf")
            except ImportError:
                compact = "none"
            print(m.version("typst") + "+" + compact)
            """
        guard let output = try? ChildProcess.run(python, ["-c", probe]), output.status == 0, !output.text.isEmpty else { return nil }
        return TypstEngine(python: python, version: output.text)
    }

    /// Starts a worker. Call it, the worker's compiles and `close` from one thread: the
    /// worker is killed when the thread that started it ends (`oae_spawn_io`).
    public func worker() throws -> TypstWorker { try TypstWorker(python: python) }

    /// The worker's program: one JSON job a line on standard input (`source`, `root`,
    /// `output`, `timestamp`), one JSON answer a line on standard output (`ok`, or
    /// `error` with Typst's diagnostic and hints).
    static let workerScript = #"""
import io, json, sys, typst
try:
    import pikepdf
except ImportError:
    pikepdf = None
fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=json.loads(sys.argv[1]))
compiler = typst.Compiler(font_paths=fonts, ignore_system_fonts=True)
for line in sys.stdin:
    job = json.loads(line)
    try:
        pdf = compiler.compile(input=job["source"].encode("utf-8"), root=job["root"],
                               format="pdf", pdf_standards=["ua-1"], timestamp=job["timestamp"])
        if pikepdf is not None:
            with pikepdf.open(io.BytesIO(pdf)) as document:
                document.save(job["output"], object_stream_mode=pikepdf.ObjectStreamMode.generate,
                              compress_streams=True, deterministic_id=True)
        else:
            with open(job["output"], "wb") as f:
                f.write(pdf)
        answer = {"ok": True}
    except typst.TypstError as e:
        answer = {"error": "\n".join([e.message, e.diagnostic] + list(e.hints or [])).strip()}
    except Exception as e:
        answer = {"error": str(e)}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
"""#
}

/// One Typst worker process: compiles documents one after the other.
public final class TypstWorker {
    let pid: pid_t
    let input: FileHandle
    let output: FileHandle
    let errors: TemporaryFile
    var buffer = Data()
    var closed = false

    init(python: URL) throws {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard oae_pipe(&toChild) == 0 else { throw ToolError("could not start Typst: \(String(cString: strerror(errno)))") }
        guard oae_pipe(&fromChild) == 0 else {
            Glibc.close(toChild[0]); Glibc.close(toChild[1])
            throw ToolError("could not start Typst: \(String(cString: strerror(errno)))")
        }
        let errors = try TemporaryFile()
        self.errors = errors
        let (inFD, outFD) = (toChild[0], fromChild[1])
        let fonts = String(decoding: try JSONSerialization.data(withJSONObject: TypstEngine.fontFolders), as: UTF8.self)
        let argv = [python.path, "-c", TypstEngine.workerScript, fonts]
        let env = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }.sorted()
        let spawned: pid_t = ChildProcess.withCStrings(argv) { cArgv in
            ChildProcess.withCStrings(env) { cEnv in
                oae_spawn_io(python.path, cArgv, cEnv, nil, inFD, outFD, errors.fd)
            }
        }
        Glibc.close(toChild[0])
        Glibc.close(fromChild[1])
        guard spawned > 0 else {
            Glibc.close(toChild[1]); Glibc.close(fromChild[0])
            throw ToolError("could not start \(python.path): \(String(cString: strerror(errno)))")
        }
        pid = spawned
        input = FileHandle(fileDescriptor: toChild[1], closeOnDealloc: true)
        output = FileHandle(fileDescriptor: fromChild[0], closeOnDealloc: true)
    }

    deinit { close() }

    /// Compiles `source` to the PDF `pdf`, with `root` as the compiler's root (the
    /// only folder the document may read) and `timestamp` (Unix seconds) as its date.
    /// Returns Typst's messages when it fails.
    public func compile(source: String, root: URL, pdf: URL, timestamp: Int) -> String? {
        let job: [String: Any] = ["source": source, "root": root.path, "output": pdf.path, "timestamp": timestamp]
        do {
            var line = try JSONSerialization.data(withJSONObject: job)
            line.append(0x0A)
            try input.write(contentsOf: line)
        } catch {
            return "the Typst worker stopped: \(stderrText())"
        }
        guard let answer = readLine() else { return "the Typst worker stopped: \(stderrText())" }
        guard let object = try? JSONSerialization.jsonObject(with: answer) as? [String: Any] else {
            return "the Typst worker answered: \(String(decoding: answer, as: UTF8.self))"
        }
        if object["ok"] as? Bool == true { return nil }
        return (object["error"] as? String) ?? "Typst failed"
    }

    func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[buffer.index(after: newline)...])
                return Data(line)
            }
            // One read(2) at a time: FileHandle.read(upToCount:) waits for the whole count.
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(output.fileDescriptor, $0.baseAddress!, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    func stderrText() -> String {
        let text = String(decoding: errors.contents(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no message" : text
    }

    /// Ends the worker: closes its input and waits for it.
    public func close() {
        guard !closed else { return }
        closed = true
        try? input.close()
        _ = oae_wait(pid)
    }
}
