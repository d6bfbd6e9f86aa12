/// Data a notebook may really produce (NaN accuracies, empty series, nothing at all) draws
/// without crashing or hanging; data that cannot be drawn (mismatched lengths, ragged matrices,
/// wrong image shapes) throws `FigureError.invalidData` naming the figure and the problem.
import Foundation
import Testing

@testable import Figures

struct AwkwardDataTests {
    /// Writes `figure` to a scratch PNG and returns what was written.
    private func draw(_ figure: some Figure) throws -> PNGSummary {
        try withScratchFolder { folder in
            let path = folder + "/figure.png"
            try figure.writePNG(to: path)
            return try #require(readPNG(path))
        }
    }

    @Test("NaN points, empty series and no series at all still draw axes")
    func lineplotWithoutFiniteData() throws {
        let cases: [[LineSeries]] = [
            [],
            [LineSeries(name: "empty", x: [], y: [])],
            [LineSeries(name: "all NaN", x: [1, 2, 3], y: [.nan, .nan, .nan])],
            [LineSeries(name: "NaN x", x: [.nan, .infinity], y: [0.5, 0.6])],
            [LineSeries(name: "one point", x: [2000], y: [0.85], markers: false)],
            [
                LineSeries(
                    name: "gap", x: [1, 2, 3, 4], mean: [0.5, .nan, 0.7, 0.8],
                    sd: [0.1, 0.1, .nan, 0.1])
            ],
        ]
        for series in cases {
            let plot = LinePlot(
                title: "awkward", xLabel: "x", yLabel: "y", series: series,
                targets: [TargetLine(.nan, label: "NaN target")])
            #expect(try draw(plot).inkedPixels > 1000)
        }
    }

    @Test("a fixed range with equal or reversed ends falls back to a sensible one")
    func degenerateFixedRanges() throws {
        for range in [AxisRange.fixed(1, 1), .fixed(1, 0), .fixed(.nan, 1)] {
            let plot = LinePlot(
                title: "", xLabel: "", yLabel: "",
                series: [LineSeries(name: "", x: [0, 1], y: [0.2, 0.4])],
                xRange: range, yRange: range)
            #expect(try draw(plot).inkedPixels > 1000)
        }
    }

    @Test("NaN bars, NaN cells and empty grids draw")
    func otherFiguresWithoutData() throws {
        let bars = BarChart(
            title: "NaN", categories: ["a", "b"], values: [.nan, .nan], errors: [.nan, 1],
            yLabel: "v")
        #expect(try draw(bars).inkedPixels > 1000)
        let noBars = BarChart(title: "none", categories: [], series: [], yLabel: "v")
        #expect(try draw(noBars).inkedPixels > 1000)
        let cells = HeatMap(
            title: "NaN", values: [[.nan, 1], [2, .nan]], rowLabels: ["a", "b"],
            columnLabels: ["c", "d"])
        #expect(try draw(cells).inkedPixels > 1000)
        let noCells = HeatMap(title: "empty", values: [], rowLabels: [], columnLabels: [])
        #expect(try draw(noCells).inkedPixels > 100)
        let noImages = ImageGrid(title: "no images", images: [], columns: 5)
        #expect(try draw(noImages).inkedPixels > 100)
    }

    @Test(
        "data that cannot be drawn throws invalidData naming the figure and the problem",
        arguments: [
            (
                LinePlot(
                    title: "curves", xLabel: "", yLabel: "",
                    series: [LineSeries(name: "margin", x: [1, 2], y: [1])])
                    as any Figure & Sendable,
                "series \"margin\" has 2 x values but 1 y values"
            ),
            (
                LinePlot(
                    title: "curves", xLabel: "", yLabel: "",
                    series: [
                        LineSeries(
                            name: "m", x: [1, 2], y: [1, 2], band: .init(lower: [0], upper: [2, 3]))
                    ]),
                "series \"m\" has 2 points but its band has 1 lower and 2 upper values"
            ),
            (
                BarChart(title: "bars", categories: ["a", "b"], values: [1], yLabel: ""),
                "series \"\" has 1 values for 2 categories"
            ),
            (
                BarChart(
                    title: "bars", categories: ["a"], values: [1], errors: [1, 2], yLabel: ""),
                "series \"\" has 2 errors for 1 categories"
            ),
            (
                HeatMap(
                    title: "cm", values: [[1, 2], [3]], rowLabels: ["a", "b"],
                    columnLabels: ["c", "d"]),
                "row 1 has 1 values but row 0 has 2"
            ),
            (
                HeatMap(
                    title: "cm", values: [[1, 2]], rowLabels: ["a", "b"], columnLabels: ["c", "d"]),
                "1 rows but 2 row labels"
            ),
            (
                ImageGrid(
                    title: "grid",
                    images: [GridImage(width: 2, height: 2, channels: 1, pixels: [0, 1, 0])],
                    columns: 1),
                "a 2x2x1 image has 3 values, not 4"
            ),
            (
                ImageGrid(
                    title: "grid",
                    images: [GridImage(width: 1, height: 1, channels: 4, pixels: [0, 1, 0, 1])],
                    columns: 1),
                "an image has 4 channels; grids draw 1 (gray) or 3 (RGB)"
            ),
            (
                LinePlot(title: "tiny", xLabel: "x", yLabel: "y", series: [], size: (60, 40)),
                "size 60.0x40.0 leaves no room for the plot"
            ),
        ] as [(any Figure & Sendable, String)])
    func invalidData(_ figure: any Figure & Sendable, _ problem: String) throws {
        try withScratchFolder { folder in
            let path = folder + "/figure.png"
            #expect(throws: FigureError.invalidData(figure: figure.title, problem: problem)) {
                try figure.writePNG(to: path)
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("a batch shape that is not [N, H, W, C] or does not match the values throws")
    func badBatchShapes() {
        #expect(
            throws: FigureError.invalidData(
                figure: "g", problem: "image batch shape [4, 4] is not [N, H, W, C] or [N, H, W]")
        ) {
            try ImageGrid(
                title: "g", pixels: Array(repeating: 0, count: 16), shape: [4, 4], columns: 2)
        }
        #expect(
            throws: FigureError.invalidData(
                figure: "g", problem: "image batch shape [2, 2, 2, 1] needs 8 values, got 7")
        ) {
            try ImageGrid(
                title: "g", pixels: Array(repeating: 0, count: 7), shape: [2, 2, 2, 1], columns: 2)
        }
    }

    @Test("a batch [N, H, W, C] splits into N images in order")
    func batchSplits() throws {
        let images = try GridImage.batch(pixels: (0..<12).map(Float.init), shape: [2, 1, 2, 3])
        #expect(images.count == 2)
        #expect(
            images[1] == GridImage(width: 2, height: 1, channels: 3, pixels: [6, 7, 8, 9, 10, 11]))
        let gray = try GridImage.batch(pixels: [0, 1, 2, 3], shape: [2, 2, 1])
        #expect(gray.map(\.channels) == [1, 1])
        #expect(gray[1].pixels == [2, 3])
    }
}
