/// Example figures for a person to look at: realistic data for every figure kind, written to
/// /tmp/figures-gallery/ when FIGURES_GALLERY=1 (skipped otherwise, so the suite stays fast).
import Foundation
import Testing

@testable import Figures

private let galleryEnabled = ProcessInfo.processInfo.environment["FIGURES_GALLERY"] == "1"
private let galleryFolder = "/tmp/figures-gallery"

@Suite(
    "Gallery", .enabled(if: galleryEnabled, "set FIGURES_GALLERY=1 to write the example figures"))
struct GalleryTests {
    init() throws {
        try FileManager.default.createDirectory(
            atPath: galleryFolder, withIntermediateDirectories: true)
    }

    @Test func learningCurves() throws {
        let labels = stride(from: 2000.0, through: 5600, by: 400).map { $0 }
        let original = [
            0.8494, 0.8605, 0.8624, 0.8683, 0.8738, 0.8809, 0.8829, 0.8961, 0.8626, 0.9007,
        ]
        let marginAugmented = [
            0.851, 0.862, 0.869, 0.874, 0.879, 0.884, 0.887, 0.891, 0.894, 0.897,
        ]
        let margin = [0.838, 0.848, 0.856, 0.862, 0.868, 0.872, 0.876, 0.879, 0.882, 0.884]
        let random = [0.838, 0.843, 0.848, 0.852, 0.855, 0.858, 0.861, 0.863, 0.865, 0.867]
        let sd = [0.004, 0.004, 0.0035, 0.003, 0.003, 0.003, 0.0028, 0.0027, 0.0025, 0.0025]
        let plot = LinePlot(
            title: "Fashion-MNIST: test accuracy against labels used",
            xLabel: "labelled images", yLabel: "test accuracy",
            series: [
                LineSeries(name: "margin + augmentation", x: labels, mean: marginAugmented, sd: sd),
                LineSeries(name: "margin", x: labels, mean: margin, sd: sd),
                LineSeries(name: "random", x: labels, mean: random, sd: sd),
                LineSeries(
                    name: "reported by the original", x: labels, y: original, dashed: true,
                    color: .gray),
            ],
            targets: [TargetLine(0.90, label: "90 % target")])
        try plot.writePNG(to: galleryFolder + "/learning-curves.png")
        try plot.writeSVG(to: galleryFolder + "/learning-curves.svg")

        var percent = plot
        percent.title = "Same, as percentages, fixed range, compact x"
        percent.yStyle = .percent
        percent.xStyle = .compact
        percent.yRange = .fixed(0.8, 0.95)
        percent.size = (560, 360)
        try percent.writePNG(to: galleryFolder + "/learning-curves-percent.png")
    }

    @Test func queriedImages() throws {
        let names = [
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
            "Bag", "Ankle boot",
        ]
        let images = (0..<10).map { k in
            GridImage(
                width: 28, height: 28, channels: 1,
                pixels: (0..<784).map { p in
                    let (y, x) = (Double(p / 28) - 13.5, Double(p % 28) - 13.5)
                    let blob = exp(-(x * x + y * y) / Double(40 + 12 * k))
                    return Float(0.7 * blob + 0.3 * hashNoise(k * 784 + p))
                })
        }
        let grid = ImageGrid(
            title: "Images queried by margin sampling", images: images, columns: 5,
            captions: zip(names, 0..<10).map { name, k in "\(name)\nmargin 0.0\(k)" },
            rowLabels: ["Round 1", "Round 2"])
        try grid.writePNG(to: galleryFolder + "/image-grid.png")

        let rgb = try ImageGrid(
            title: "RGB", pixels: (0..<(6 * 32 * 32 * 3)).map { Float(hashNoise($0)) },
            shape: [6, 32, 32, 3], columns: 6,
            captions: ["cat", "ship", "truck", "frog", "automobile", "horse"])
        try rgb.writePNG(to: galleryFolder + "/image-grid-rgb.png")
    }

    @Test func confusionMatrix() throws {
        let names = [
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
            "Bag", "Ankle boot",
        ]
        let confusions: [Int: [Int: Int]] = [
            0: [6: 95, 3: 18, 2: 12], 2: [4: 80, 6: 62], 3: [0: 21, 4: 25, 6: 30],
            4: [2: 70, 6: 66, 3: 20], 6: [0: 118, 2: 75, 4: 60, 3: 25], 5: [7: 22, 9: 12],
            7: [5: 18, 9: 30], 9: [7: 35, 5: 8], 8: [6: 7, 2: 5], 1: [3: 9],
        ]
        let counts = (0..<10).map { i in
            var row = (0..<10).map { j in confusions[i]?[j] ?? ((i * 7 + j * 3) % 5 == 0 ? 1 : 0) }
            row[i] = 1000 - row.reduce(0, +)
            return row
        }
        let map = HeatMap.confusionMatrix(
            title: "Confusion matrix after round 9 (margin + augmentation)", counts: counts,
            classes: names)
        try map.writePNG(to: galleryFolder + "/confusion-matrix.png")
    }

    @Test func perClassAccuracy() throws {
        let names = [
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
            "Bag", "Ankle boot",
        ]
        let base = [0.86, 0.98, 0.83, 0.90, 0.84, 0.97, 0.66, 0.95, 0.98, 0.96]
        let chart = BarChart(
            title: "Per-class test accuracy with 5 600 labels", categories: names,
            series: [
                .init(
                    name: "margin + augmentation", values: base.map { min($0 + 0.02, 0.995) },
                    errors: base.map { _ in 0.008 }),
                .init(name: "margin", values: base, errors: base.map { _ in 0.01 }),
                .init(
                    name: "random", values: base.map { $0 - 0.025 }, errors: base.map { _ in 0.012 }
                ),
            ],
            xLabel: "class", yLabel: "test accuracy")
        try chart.writePNG(to: galleryFolder + "/per-class-accuracy.png")

        let single = BarChart(
            title: "Labels needed to reach 50 % accuracy",
            categories: (0...10).map { "\($0 * 10) %" },
            values: [21000, 20000, 19500, 21500, 22000, 23000, 21000, 24000, 25500, 27000, 30000],
            errors: [1500, 1200, 1800, 1500, 2000, 1900, 2100, 1700, 2500, 2200, 3000],
            xLabel: "share of uncertainty sampling p", yLabel: "labels", size: (640, 380))
        try single.writePNG(to: galleryFolder + "/labels-to-50.png")
    }
}

extension GalleryTests {
    /// Awkward inputs drawn for a person to check: gaps, a lone point, crowded legends, negative
    /// bars, a tiny figure.
    @Test func awkwardData() throws {
        let x = (0..<12).map { Double($0) * 50 }
        let crowded = LinePlot(
            title: "Eight strategies, NaN gaps and a lone point", xLabel: "acquired images",
            yLabel: "accuracy",
            series: (0..<8).map { k in
                LineSeries(
                    name: "strategy \(k + 1)", x: x,
                    y: x.enumerated().map { i, v in
                        k == 2 && (i == 4 || i == 5)
                            ? .nan : 0.5 + 0.45 * (1 - exp(-v / Double(80 + 40 * k)))
                    })
            } + [LineSeries(name: "lone point", x: [300], y: [0.7], color: .black)],
            targets: [TargetLine(0.95, label: "95 %"), TargetLine(0.9, label: "90 %")],
            yStyle: .percent)
        try crowded.writePNG(to: galleryFolder + "/awkward-crowded.png")

        let empty = LinePlot(
            title: "No finite data", xLabel: "x", yLabel: "y",
            series: [
                LineSeries(name: "all NaN", x: [1, 2], y: [.nan, .nan]),
                LineSeries(name: "empty", x: [], y: []),
            ])
        try empty.writePNG(to: galleryFolder + "/awkward-empty.png")

        let flat = LinePlot(
            title: "", xLabel: "", yLabel: "",
            series: [LineSeries(name: "", x: [1, 2, 3], y: [0.5, 0.5, 0.5])], size: (320, 200))
        try flat.writePNG(to: galleryFolder + "/awkward-flat-small.png")

        let negative = BarChart(
            title: "Change in accuracy against random sampling",
            categories: [
                "least confidence", "margin", "entropy", "BALD", "variation ratios", "mean STD",
            ],
            values: [0.012, 0.021, -0.004, 0.018, .nan, -0.011],
            errors: [0.004, 0.005, 0.006, 0.004, 0.003, 0.007],
            yLabel: "Δ accuracy", yStyle: .percent, size: (480, 340))
        try negative.writePNG(to: galleryFolder + "/awkward-negative-bars.png")
    }
}

/// Deterministic noise in [0, 1) from an index (a hash, not a random generator: the gallery
/// must draw the same pictures every run without depending on the Learning library).
func hashNoise(_ i: Int) -> Double {
    let s = sin(Double(i) * 12.9898 + 78.233) * 43758.5453
    return s - s.rounded(.down)
}
