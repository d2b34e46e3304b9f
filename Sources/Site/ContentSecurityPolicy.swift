/// The Content-Security-Policy every page carries (as a `<meta>` element, so that it
/// holds on any static host): only the site's own files, no inline script or style, no
/// plug-ins, no forms to elsewhere. Pagefind's search page also needs to compile its
/// WebAssembly (`'wasm-unsafe-eval'`), and only that page gets it.
enum ContentSecurityPolicy {
    static func header(webAssembly: Bool) -> String { webAssembly ? withWebAssembly : plain }

    /// Both policies, written once (every page has one).
    static let plain = make(webAssembly: false)
    static let withWebAssembly = make(webAssembly: true)

    static func make(webAssembly: Bool) -> String {
        let script = webAssembly ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'"
        return ["default-src 'self'", "img-src 'self' data:", "style-src 'self'", script,
                "object-src 'none'", "base-uri 'none'", "form-action 'self'"].joined(separator: "; ")
    }
}
