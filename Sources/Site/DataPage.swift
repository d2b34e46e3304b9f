import Foundation
import OpenData
import Rendering

extension Pages {
    /// `data.html`: every dataset of the open data (`SiteOptions.datasets`, the same list
    /// the DCAT-AP catalogue describes), with its description, its files and formats, the
    /// licence, and for a table each field's name, title, type and meaning, from the
    /// table's declaration.
    func openData(_ language: SiteLanguage, _ path: String) -> PageContent {
        let sizes = Dictionary(site.options.dataFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        func link(_ file: String) -> String { SitePath.relative(from: path, to: "data/" + SitePath.encode(file)) }
        let datasets = site.options.datasets.map { d in
            DataPageView.Dataset(
                id: d.id, title: d.title(language.strings), description: d.description(language.strings),
                files: d.files.map { file in
                    .init(name: file.path, href: link(file.path), media_type: file.format.mediaType,
                          format: file.sheet.map { language.format("dcat.distribution_sheet", ["format": language[file.format.labelKey], "sheet": $0]) }
                              ?? language[file.format.labelKey],
                          size: sizes[file.path].map { language.formatter.kilobytes($0) } ?? "")
                },
                fields: (d.table?.columns ?? []).map { column in
                    .init(name: column.name, title: column.title(language.strings), type: language["column_type.\(column.type.rawValue)"],
                          description: column.description(language.strings))
                },
                has_fields: d.table != nil)
        }
        let licence = site.options.licence
        let text = language["data_licence_text"].components(separatedBy: "{licence}")
        let spreadsheet = site.options.datasets.flatMap(\.files).first { $0.format == .ods }
        let view = DataPageView(
            licence_before: text.first ?? "", licence_after: text.count > 1 ? text[1...].joined(separator: licence.name) : "",
            licence_name: licence.name, licence_href: licence.legalText,
            catalog_href: link(OpenDataExport.catalogName), catalog_name: OpenDataExport.catalogName,
            has_catalog: sizes[OpenDataExport.catalogName] != nil,
            spreadsheet_href: spreadsheet.map { link($0.path) } ?? "", spreadsheet_name: spreadsheet?.path ?? "",
            has_spreadsheet: spreadsheet != nil,
            datasets: datasets)
        return PageContent(title: language["data_heading"], description: language["data_intro"],
                           breadcrumbs: [(label: language["downloads_heading"], route: .downloads)],
                           html: render("data", view, language))
    }
}

/// The view model of `data.mustache`: the licence, the catalogue, and each dataset with
/// its files and fields.
struct DataPageView: ViewModel {
    struct File: ViewModel { var name: String; var href: String; var media_type: String; var format: String; var size: String }
    struct Field: ViewModel { var name: String; var title: String; var type: String; var description: String }
    struct Dataset: ViewModel {
        var id: String
        var title: String
        var description: String
        var files: [File]
        var fields: [Field]
        var has_fields: Bool
    }

    var licence_before: String
    var licence_after: String
    var licence_name: String
    var licence_href: String
    var catalog_href: String
    var catalog_name: String
    var has_catalog: Bool
    var spreadsheet_href: String
    var spreadsheet_name: String
    var has_spreadsheet: Bool
    var datasets: [Dataset]
}
