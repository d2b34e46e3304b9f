import Rendering

/// `sitemap.xml`: every page of every language with its address under the site's base
/// URL, the source date as its last change, and its versions in the other languages.
enum Sitemap {
    static func xml(routes: [SiteRoute], languages: [String], baseURL: String, lastModified: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        let listed = routes.filter { $0 != .notFound && $0 != .search }.sorted()
        // Each page's address in each language, made once: every entry lists all of them.
        let addresses = listed.map { route in languages.map { HTML.escape(baseURL + route.path($0)) } }
        let alternates = languages.map { "<xhtml:link rel=\"alternate\" hreflang=\"\($0)\" href=\"" }
        for l in languages.indices {
            for r in listed.indices {
                out += "<url><loc>\(addresses[r][l])</loc><lastmod>\(lastModified)</lastmod>"
                for other in languages.indices {
                    out += alternates[other]
                    out += addresses[r][other]
                    out += "\"/>"
                }
                out += "</url>\n"
            }
        }
        out += "</urlset>\n"
        return out
    }
}
