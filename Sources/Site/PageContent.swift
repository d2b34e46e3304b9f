import JSON
import Rendering

/// What a page builder gives the layout: the page's own HTML (rendered from its
/// template) and what the layout needs around it.
struct PageContent: Sendable {
    /// The page title (the `<h1>`), also in `<title>`.
    var title: String
    /// The language `title` is written in when it is not the page's (an office's name
    /// shown in the model's language for want of a translation): its breadcrumb says so
    /// (`lang`, WCAG 2.1 SC 3.1.2). `<title>` cannot mark a part, and does not.
    var titleLanguage: String? = nil
    /// A one-line description for `<meta name="description">`.
    var description: String = ""
    /// The trail from the home page to this page's parent (the page itself is added).
    var breadcrumbs: [(label: String, route: SiteRoute)] = []
    /// The page's HTML, rendered by its template, as the UTF-8 bytes the renderer wrote
    /// (never decoded into a `String` and validated on the way to the layout).
    var html: [UInt8]
    /// schema.org data embedded in the page.
    var jsonLD: JSONValue? = nil
    /// Whether search indexes the page (`data-pagefind-body` on `<main>`).
    var indexed = true
    /// The entry of the main navigation this page belongs to.
    var section: NavSection? = nil
    /// Stylesheets and scripts beyond the site's own stylesheet, relative to the site root.
    var styles: [String] = []
    var scripts: [String] = []
    /// Whether the page runs WebAssembly (Pagefind), which the CSP must then allow.
    var webAssembly = false
}

/// The entries of the main navigation.
enum NavSection: String, CaseIterable, Sendable {
    case home, offices, model, comparison, progress, downloads, search

    var route: SiteRoute {
        switch self {
        case .home: return .home
        case .offices: return .offices
        case .model: return .modelIndex
        case .comparison: return .comparison
        case .progress: return .progress
        case .downloads: return .downloads
        case .search: return .search
        }
    }
}
