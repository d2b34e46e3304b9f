// swift-tools-version:6.0
import PackageDescription

/// Fuzz targets for the parsers that read writers' input, built with libFuzzer and the
/// address sanitizer apart from the main package (scripts/fuzz.sh, `make fuzz`):
///
///     swift build --package-path fuzz --scratch-path .build-fuzz \
///         -Xswiftc -sanitize=fuzzer,address
let package = Package(
    name: "oae-fuzz",
    dependencies: [.package(name: "oae", path: "..")],
    targets: [
        // The oracle: every reported position lies inside the input.
        .target(name: "FuzzSupport", dependencies: ["CFuzzer", .product(name: "OAEParsers", package: "oae")]),
        // The declaration of libFuzzer's driver.
        .target(name: "CFuzzer"),
        // YAML files: the loader with its budgets and positions.
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport", .product(name: "OAEParsers", package: "oae")]),
        // Markdown files: front matter, cmark-gfm body, headings, links, table checks.
        .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzSupport", .product(name: "OAEParsers", package: "oae")]),
        // The JSON Schema evaluator: the input validated against every schema of model/schema.
        .executableTarget(name: "FuzzSchema", dependencies: ["FuzzSupport", .product(name: "OAEParsers", package: "oae")]),
        // The load store's binary form: damaged bytes read as nothing, loaded files read back the same.
        .executableTarget(name: "FuzzLoadStore", dependencies: ["FuzzSupport", .product(name: "OAEParsers", package: "oae")]),
    ]
)
