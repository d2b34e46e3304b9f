// swift-tools-version:6.0
import PackageDescription

/// What every output module builds on.
let outputDependencies: [Target.Dependency] = [
    "JSON", "Diagnostics", "Loading", "Model", "Resolution", "Rendering", "Presentation", "Publishing",
]

let package = Package(
    name: "oae",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "oae", targets: ["oae"]),
        // The parsers of writers' input, for the fuzz targets in fuzz/ (built apart, with libFuzzer).
        .library(name: "OAEParsers", targets: ["Diagnostics", "Loading", "Schema", "Model"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // C libraries from Debian, found through pkg-config.
        .systemLibrary(name: "CYaml", path: "Sources/CYaml", pkgConfig: "yaml-0.1",
                       providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // A small ordered JSON value and its deterministic writer.
        .target(name: "JSON"),
        // Positions, diagnostics as values, and their renderers (text, JSON, SARIF, GitHub).
        .target(name: "Diagnostics", dependencies: ["JSON"]),
        // YAML (libyaml) and Markdown (cmark-gfm) loading with source positions.
        .target(name: "Loading", dependencies: ["Diagnostics", "CYaml", "CCmarkGFM", "COAESystem"]),
        // The external programs oae runs (git, the PDF engine, the search indexer), tied
        // to oae's life.
        .target(name: "Tools", dependencies: ["COAESystem"]),
        // The document kinds and the layout of the tree.
        .target(name: "Model", dependencies: ["Diagnostics", "Loading", "Schema", "Tools"]),
        // The model plus each municipality's layer: merged views with provenance.
        .target(name: "Resolution", dependencies: ["Diagnostics", "Loading", "Model"]),
        // Conformance rules over the model and every municipality.
        .target(name: "Validation", dependencies: ["Diagnostics", "Loading", "Model", "Presentation", "Resolution", "Schema"]),
        // JSON Schema 2020-12 validation of positioned nodes, with oae's x- keywords.
        .target(name: "Schema", dependencies: ["Loading", "Diagnostics", "JSON"]),
        // The one presentation layer: interface strings (one file per language, CLDR
        // plurals) and the formats of values (money, durations, dates, periods, lists).
        .target(name: "Presentation", dependencies: ["Diagnostics", "Loading", "Model"]),
        // Markdown to HTML, Mustache templates, UI strings, localised text, content hashes.
        .target(name: "Rendering", dependencies: [
            "Diagnostics", "Loading", "Model", "Resolution", "CCmarkGFM", "Presentation",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Writing output/: the output step protocol, the staging tree swapped in whole
        // under a lock, the handbook list.
        .target(name: "Publishing", dependencies: ["COAESystem", "JSON", "Diagnostics", "Loading", "Model", "Rendering", "Tools"]),
        // A C helper for what Swift's Glibc does not expose (an atomic exchange of folders).
        .target(name: "COAESystem"),
        // The outputs: one handbook per municipality and language (HTML and PDF); the
        // reviewers' site; the open data exports.
        .target(name: "Handbook", dependencies: outputDependencies + ["CCmarkGFM", "Tools"]),
        .target(name: "Site", dependencies: outputDependencies + ["Tools", "OpenData"]),
        .target(name: "OpenData", dependencies: outputDependencies),
        // The build pipeline: the registry of output steps and the run of a build.
        .target(name: "Outputs", dependencies: outputDependencies + ["Handbook", "Site", "OpenData", "Tools"]),
        // The writer's workflow: scaffolding new documents, what a municipality changed,
        // which handbooks a change affects.
        .target(name: "Workflow", dependencies: outputDependencies + ["Tools", "Handbook"]),
        // The live preview: a file server with live reload and an error overlay, and a
        // file watcher.
        .target(name: "Preview", dependencies: [
            "Tools",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The commands, as a library so that tests can run them in-process.
        .target(name: "OAECommands", dependencies: [
            "JSON", "Diagnostics", "Loading", "Model", "Schema", "Resolution", "Validation", "Rendering", "Publishing",
            "Handbook", "Site", "OpenData", "Outputs", "Workflow", "Preview", "Tools", "Presentation",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Linked with jemalloc on Linux (Debian's libjemalloc-dev): glibc's allocator spent a
        // third of the site build's CPU at 947 municipalities (issue 13); its options are
        // in COAESystem (`malloc_conf`).
        .executableTarget(name: "oae", dependencies: ["OAECommands"],
                          linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]),
        // Helpers the test targets share (golden files, the package's root).
        .target(name: "TestSupport", path: "Sources/TestSupport"),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "JSON"]),
        .testTarget(name: "LoadingTests", dependencies: ["Loading", "Diagnostics"]),
        .testTarget(name: "SchemaTests", dependencies: ["Schema", "Loading", "Diagnostics", "JSON"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Presentation", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "PresentationTests", dependencies: ["Presentation", "Model", "Loading"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "OAECommands", "oae"]),
        .testTarget(name: "HandbookTests", dependencies: ["Handbook", "OAECommands", "oae", "Tools"] + outputDependencies,
                    exclude: ["Golden"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Handbook", "OAECommands", "OpenData", "TestSupport"] + outputDependencies),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "OAECommands"] + outputDependencies),
        .testTarget(name: "OpenDataTests", dependencies: ["OpenData", "OAECommands", "TestSupport", "Tools"] + outputDependencies),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "Model", "Diagnostics", "OAECommands"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing"]),
        .testTarget(name: "ToolsTests", dependencies: ["Tools"]),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "ResolutionTests", dependencies: ["Resolution", "Model", "Loading", "Diagnostics"]),
        .testTarget(name: "OAECommandsTests", dependencies: ["OAECommands", "Diagnostics", "oae", "TestSupport", "Publishing"]),
    ]
)
