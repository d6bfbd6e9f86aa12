// swift-tools-version:6.1
// Active-learning studies as literate Swift notebooks: a core model library on OpenBLAS,
// Cairo figures, and a notebook runtime that writes HTML reports.
import PackageDescription

/// The studies: each is `Notebooks/<Name>/main.swift`, built as an executable of that name that
/// imports the libraries. Adding a study is adding its folder and its name here.
let notebookNames = [
    "Tour",
    "FashionMarginAugmentation",
    "MNISTEntropySampling",
    "MNISTSoftmaxLabelling",
    "MNISTBayesianDropout",
    "CIFARUncertaintyShare",
]

let package = Package(
    name: "ActiveLearningNotebooks",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Figures", targets: ["Figures"]),
        .library(name: "Literate", targets: ["Literate"]),
        .library(name: "StudyKit", targets: ["StudyKit"]),
        .executable(name: "Benchmarks", targets: ["Benchmarks"]),
    ] + notebookNames.map { .executable(name: $0, targets: [$0]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // Direct convolutions in C with AVX-512 (Sources/CConvolution). Optimised in debug builds
        // too: unoptimised, the intrinsics run 50× slower and `swift test` trains real models.
        .target(name: "CConvolution", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "Learning", dependencies: ["CBLAS", "CConvolution", "CZlib"]),
        .target(name: "Figures", dependencies: ["CCairo"]),
        .target(
            name: "Literate",
            dependencies: [
                "Figures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Ink", package: "Ink"),
            ]),
        // The layer between the libraries and the notebooks: what every study repeats. Its build
        // plugin writes the digests of the library sources it links into it, for the cache keys.
        .target(
            name: "StudyKit", dependencies: ["Learning", "Literate", "Figures"],
            plugins: [.plugin(name: "LibraryFingerprint")]),
        .plugin(name: "LibraryFingerprint", capability: .buildTool(), dependencies: ["FingerprintSources"]),
        .executableTarget(name: "FingerprintSources", path: "Tools/FingerprintSources"),
        .executableTarget(name: "Benchmarks", dependencies: ["Learning"]),
        // libFuzzer targets (scripts/fuzz.sh) over one shared entry point; built normally they
        // replay crash files.
        .target(name: "FuzzDriver", path: "Fuzz/Driver"),
        .executableTarget(
            name: "FuzzDataParsers", dependencies: ["FuzzDriver", "Learning"], path: "Fuzz/DataParsers",
            exclude: ["seeds"]),
        .executableTarget(
            name: "FuzzNotebookSource", dependencies: ["FuzzDriver", "Literate"], path: "Fuzz/NotebookSource",
            exclude: ["seeds"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures"]),
        .testTarget(name: "LiterateTests", dependencies: ["Literate"]),
        .testTarget(name: "StudyKitTests", dependencies: ["StudyKit"]),
    ] + notebookNames.map { name in
        .executableTarget(
            name: name, dependencies: ["StudyKit"], path: "Notebooks/\(name)")
    }
)
