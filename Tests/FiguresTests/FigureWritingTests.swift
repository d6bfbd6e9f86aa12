/// Every figure kind writes a real PNG of twice its nominal size with something drawn on it, an
/// SVG of its nominal size, and throws a typed error naming the path when it cannot write.
import Foundation
import Testing

@testable import Figures

struct FigureWritingTests {
    static let classes = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
        "Ankle boot",
    ]

    static let linePlot = LinePlot(
        title: "Learning curves", xLabel: "labels", yLabel: "accuracy",
        series: [
            LineSeries(
                name: "margin", x: [2000, 3000, 4000], mean: [0.85, 0.87, 0.9],
                sd: [0.01, 0.01, 0.005]),
            LineSeries(
                name: "original", x: [2000, 3000, 4000], y: [0.84, 0.86, 0.88], dashed: true),
        ],
        targets: [TargetLine(0.9, label: "90 % target")])

    static let imageGrid = ImageGrid(
        title: "Digits",
        images: (0..<3).map { k in
            GridImage(
                width: 28, height: 28, channels: 1,
                pixels: (0..<784).map { Float(($0 + k) % 7) / 6 })
        }, columns: 2, captions: ["a", "b", "c"], rowLabels: ["Round 1", "Round 2"])

    static let heatMap = HeatMap.confusionMatrix(
        title: "Confusion", counts: (0..<10).map { i in (0..<10).map { j in i == j ? 900 : 11 } },
        classes: classes)

    static let barChart = BarChart(
        title: "Per class", categories: classes,
        series: [
            .init(name: "margin", values: classes.indices.map { 0.8 + Double($0) / 60 }),
            .init(
                name: "random", values: classes.indices.map { 0.75 + Double($0) / 60 },
                errors: classes.map { _ in 0.01 }),
        ],
        yLabel: "accuracy")

    static let figures: [any SVGFigure & Sendable] = [linePlot, imageGrid, heatMap, barChart]

    @Test(
        "each figure kind writes a PNG at twice its nominal size, with ink",
        arguments: figures.indices)
    func writesPNG(_ index: Int) throws {
        let figure = Self.figures[index]
        try withScratchFolder { folder in
            let path = folder + "/figure.png"
            try figure.writePNG(to: path)
            let png = try #require(readPNG(path))
            #expect(png.width == Int(figure.size.width * 2))
            #expect(png.height == Int(figure.size.height * 2))
            #expect(png.inkedPixels > png.width * png.height / 50, "almost nothing drawn")
            #expect(png.colours > 20, "expected antialiased text and coloured data")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
            #expect(leftovers == ["figure.png"], "the temporary file must be renamed away")
        }
    }

    @Test(
        "each figure kind writes an SVG of its nominal size in CSS pixels",
        arguments: figures.indices)
    func writesSVG(_ index: Int) throws {
        let figure = Self.figures[index]
        try withScratchFolder { folder in
            let path = folder + "/figure.svg"
            try figure.writeSVG(to: path)
            let svg = try String(contentsOfFile: path, encoding: .utf8)
            #expect(svg.hasPrefix("<?xml"))
            #expect(svg.contains("width=\"\(Int(figure.size.width))px\""))
            #expect(svg.hasSuffix("</svg>\n"))
        }
    }

    @Test("the line plot is 1440x840 pixels for its default 720x420")
    func doubledSize() throws {
        try withScratchFolder { folder in
            let path = folder + "/plot.png"
            try Self.linePlot.writePNG(to: path)
            let png = try #require(readPNG(path))
            #expect((png.width, png.height) == (1440, 840))
        }
    }

    @Test("writing over an existing file replaces it")
    func replacesExistingFile() throws {
        try withScratchFolder { folder in
            let path = folder + "/plot.png"
            try Data("not a png".utf8).write(to: URL(fileURLWithPath: path))
            try Self.barChart.writePNG(to: path)
            #expect(readPNG(path) != nil)
        }
    }

    @Test("a missing folder throws cannotWrite naming the path, and writes nothing")
    func missingFolder() throws {
        try withScratchFolder { folder in
            let path = folder + "/no/such/folder/plot.png"
            let error = try #require(throws: FigureError.self) { try Self.linePlot.writePNG(to: path) }
            guard case .cannotWrite(let named, let reason) = error else {
                Issue.record("expected cannotWrite, got \(error)")
                return
            }
            #expect(named == path)
            #expect(reason.contains("does not exist"))
            #expect(error.description.contains(path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        }
    }

    @Test("a folder that is really a file throws cannotWrite naming the path")
    func folderIsAFile() throws {
        try withScratchFolder { folder in
            let file = folder + "/data.txt"
            try Data("x".utf8).write(to: URL(fileURLWithPath: file))
            let path = file + "/plot.svg"
            #expect(throws: FigureError.cannotWrite(path: path, reason: "\(file) is not a folder")) {
                try Self.heatMap.writeSVG(to: path)
            }
        }
    }

    @Test("an unwritable folder throws cannotWrite naming the path")
    func unwritableFolder() throws {
        // /proc/self is a folder no one may create files in, not even root.
        let path = "/proc/self/plot.png"
        let error = try #require(throws: FigureError.self) { try Self.imageGrid.writePNG(to: path) }
        guard case .cannotWrite(let named, _) = error else {
            Issue.record("expected cannotWrite, got \(error)")
            return
        }
        #expect(named == path)
    }
}
