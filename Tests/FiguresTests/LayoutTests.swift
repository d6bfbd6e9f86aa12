/// Layout decisions a reader sees: the legend goes where there is no data, long labels wrap or
/// slant rather than collide, and enlarged images keep hard pixel edges.
import Foundation
import Testing

@testable import Figures

struct LayoutTests {
    private let plot = Rect(x: 100, y: 50, width: 600, height: 300)
    private let legend = (width: 150.0, height: 60.0)

    @Test("the legend takes the top-right corner when it is free")
    func legendPrefersTopRight() {
        let empty = Occupancy(area: plot)
        #expect(LinePlot.freeSpot(for: legend, in: plot, empty) == Point(x: 540, y: 60))
    }

    @Test("the legend moves to a free corner when data fills the top")
    func legendAvoidsData() {
        var occupancy = Occupancy(area: plot)
        occupancy.mark(Rect(x: 100, y: 50, width: 600, height: 150))  // the top half is full
        #expect(LinePlot.freeSpot(for: legend, in: plot, occupancy) == Point(x: 540, y: 280))
        occupancy.mark(Rect(x: 400, y: 200, width: 300, height: 150))  // and the bottom right
        #expect(LinePlot.freeSpot(for: legend, in: plot, occupancy) == Point(x: 110, y: 280))
    }

    @Test("target lines along the top and curves along the bottom leave the legend the right-hand middle")
    func legendTakesTheMiddleWhenTopAndBottomAreTaken() {
        var occupancy = Occupancy(area: plot)
        occupancy.mark(from: Point(x: 100, y: 70), to: Point(x: 700, y: 70))  // a target line near the top
        occupancy.mark(Rect(x: 100, y: 280, width: 600, height: 70))  // curves along the bottom
        #expect(LinePlot.freeSpot(for: legend, in: plot, occupancy) == Point(x: 540, y: 170))
    }

    @Test("no free spot when data is everywhere, so the legend goes outside")
    func legendOutsideWhenFull() {
        var occupancy = Occupancy(area: plot)
        for x in stride(from: 100.0, through: 700, by: 20) {  // a curve zigzagging everywhere
            occupancy.mark(from: Point(x: x, y: 50), to: Point(x: x + 10, y: 350))
        }
        #expect(LinePlot.freeSpot(for: legend, in: plot, occupancy) == nil)
    }

    @Test("a legend too wide to stand beside the plot flows into rows, in order, none wider than allowed")
    func legendRows() {
        let names = ["margin + augmentation", "margin alone", "random + augmentation", "margin + augmentation, reported by the original"]
        let legend = Legend(entries: names.map { LegendEntry(name: $0, color: .black, sample: .box) })
        let (wide, narrow, widths) = Canvas.measuring { canvas in
            let narrow = legend.rows(canvas, maxWidth: 700)
            return (legend.rows(canvas, maxWidth: 10_000), narrow, narrow.map { Legend(entries: $0).rowWidth(canvas) })
        }
        #expect(wide.map { $0.map(\.name) } == [names])
        #expect(narrow.flatMap { $0 }.map(\.name) == names)
        #expect(narrow.count == 2)
        #expect(widths.allSatisfy { $0 <= 700 })
        let oneEach = Canvas.measuring { canvas in legend.rows(canvas, maxWidth: 1) }
        #expect(oneEach.map(\.count) == [1, 1, 1, 1])
    }

    @Test(
        "text wraps at spaces, slashes and line breaks, within the line limit",
        arguments: [
            ("T-shirt/top", 50.0, 2, ["T-shirt/", "top"]),
            ("Ankle boot", 50.0, 2, ["Ankle", "boot"]),
            ("Ankle boot", 200.0, 2, ["Ankle boot"]),
            ("Dress\nmargin 0.03", 200.0, 2, ["Dress", "margin 0.03"]),
            ("Dress\nmargin 0.03", 200.0, 1, ["Dress margin 0.03"]),
        ])
    func wrapping(_ text: String, _ width: Double, _ maxLines: Int, _ expected: [String]) {
        let lines = Canvas.measuring { canvas in
            canvas.wrap(text, maxWidth: width, maxLines: maxLines, Theme.caption)
        }
        #expect(lines == expected)
    }

    @Test("text too long for its lines is cut and ends in an ellipsis, within the width")
    func ellipsis() {
        let (lines, widths) = Canvas.measuring { canvas in
            let lines = canvas.wrap("one two three four", maxWidth: 30, maxLines: 2, Theme.caption)
            return (lines, lines.map { canvas.width(of: $0, Theme.caption) })
        }
        #expect(lines.count == 2)
        #expect(lines.first == "one")
        #expect(lines.last?.hasSuffix("…") == true)
        #expect(widths.allSatisfy { $0 <= 30 })
    }

    @Test("category labels stay upright when they fit, wrap when that fits, else slant")
    func categoryLabelSettings() {
        let names = ["T-shirt/top", "Trouser", "Ankle boot"]
        let settings = Canvas.measuring { canvas in
            [200.0, 60, 30].map { CategoryLabels(names, slotWidth: $0, canvas).setting }
        }
        #expect(settings == [.upright, .wrapped, .slanted])
    }

    @Test("enlarged images keep hard edges: no blended greys between black and white pixels")
    func nearestNeighbourUpscaling() throws {
        let checker = GridImage(width: 2, height: 2, channels: 1, pixels: [0, 1, 1, 0])
        let grid = ImageGrid(title: "", images: [checker], columns: 1, pixelSize: 20)
        let png = try withScratchFolder { folder in
            let path = folder + "/checker.png"
            try grid.writePNG(to: path)
            return try #require(readPNG(path))
        }
        let frameGrey: UInt32 = 0xFFBB_BBBB
        let strays = png.pixels.filter { $0 != 0xFF00_0000 && $0 != 0xFFFF_FFFF && $0 != frameGrey }
        #expect(strays.isEmpty, "\(strays.count) blended pixels, e.g. \(strays.prefix(3))")
        let black = png.pixels.filter { $0 == 0xFF00_0000 }.count
        #expect(black == 2 * 40 * 40, "two black image pixels, each 40x40 PNG pixels")
    }
}
