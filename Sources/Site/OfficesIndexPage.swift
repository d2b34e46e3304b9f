import Presentation
import Rendering

extension Pages {
    /// The offices index (`offices/index.html`, in the main navigation): every office of
    /// the network with its phase, opening date and address, in the order of the
    /// municipalities' names.
    func offices(_ language: SiteLanguage, _ path: String) -> PageContent {
        let offices = ReadingOrder.sorted(site.municipalities.map { officeSummary($0.slug, language, path) },
                                          name: \.municipality, id: \.slug)
        let counts = Pages.statusOrder.compactMap { status -> OfficesView.Count? in
            let n = offices.filter { $0.status == status }.count
            return n == 0 ? nil : .init(status: status, label: site.statusLabel(status, language), count: String(n))
        }
        let view = OfficesView(offices: offices, counts: counts,
                               intro: language.formatter.count("offices_intro", offices.count))
        return PageContent(title: language["offices_heading"], description: view.intro,
                           html: render("offices", view, language), section: .offices)
    }
}

/// The view model of `offices.mustache`: the list of the network's offices.
struct OfficesView: ViewModel {
    /// How many offices are at one phase.
    struct Count: ViewModel { var status: String; var label: String; var count: String }

    var offices: [OfficeSummary]
    var counts: [Count]
    var intro: String
}
