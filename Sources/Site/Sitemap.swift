import Rendering

/// `sitemap.xml`: every page of every language with its address under the site's base
/// URL, the source date as its last change, and its versions in the other languages.
enum Sitemap {
    static func xml(routes: [SiteRoute], languages: [String], baseURL: String, lastModified: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        let listed = routes.filter { $0 != .notFound && $0 != .search }.sorted()
        for language in languages {
            for route in listed {
                out += "<url><loc>\(HTML.escape(baseURL + route.path(language)))</loc><lastmod>\(lastModified)</lastmod>"
                for other in languages {
                    out += "<xhtml:link rel=\"alternate\" hreflang=\"\(other)\" href=\"\(HTML.escape(baseURL + route.path(other)))\"/>"
                }
                out += "</url>\n"
            }
        }
        out += "</urlset>\n"
        return out
    }
}
