// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "oae",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "oae", targets: ["oae"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(name: "Loading", dependencies: ["Diagnostics", "CYaml", "CCmarkGFM"]),
        // The document kinds and the layout of the tree.
        .target(name: "Model", dependencies: ["Diagnostics", "Loading"]),
        // The model plus each municipality's layer: merged views with provenance.
        .target(name: "Resolution", dependencies: ["Diagnostics", "Loading", "Model"]),
        // Conformance rules over the model and every municipality.
        .target(name: "Validation", dependencies: ["Diagnostics", "Loading", "Model", "Resolution"]),
        // The commands, as a library so that tests can run them in-process.
        .target(name: "OAECommands", dependencies: [
            "JSON", "Diagnostics", "Loading", "Model", "Resolution", "Validation",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "oae", dependencies: ["OAECommands"]),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "JSON"]),
        .testTarget(name: "LoadingTests", dependencies: ["Loading", "Diagnostics"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "Model", "Diagnostics", "OAECommands"]),
        .testTarget(name: "OAECommandsTests", dependencies: ["OAECommands", "Diagnostics", "oae"]),
    ]
)
