/// Image grids: the images a round queried, k-means centroids, augmented copies. Images sit in
/// a fixed number of columns, each with a caption under it, rows optionally labelled on the left,
/// enlarged by whole device pixels so that 28x28 digits show as crisp squares.

/// A grid of images with captions; its size follows from the images, so `size` is computed.
public struct ImageGrid: CanvasFigure, Sendable {
    public var title: String
    public var images: [GridImage]
    public var columns: Int
    /// One caption per image (class name, "margin 0.03"); missing captions are left blank.
    public var captions: [String]
    /// One label per row, drawn left of it ("Round 1"); empty for none.
    public var rowLabels: [String]
    /// Nominal pixels per image pixel; a multiple of 0.5 keeps every image pixel a whole number
    /// of PNG pixels. `nil` picks the largest such size that keeps images about 84 px wide.
    public var pixelSize: Double?

    /// A grid of `images` in `columns` columns (at least 1).
    public init(
        title: String, images: [GridImage], columns: Int, captions: [String] = [],
        rowLabels: [String] = [], pixelSize: Double? = nil
    ) {
        self.title = title
        self.images = images
        self.columns = columns
        self.captions = captions
        self.rowLabels = rowLabels
        self.pixelSize = pixelSize
    }

    /// A grid of a batch of images `pixels` with shape [N, H, W, C] or [N, H, W]: pass a Learning
    /// `Tensor`'s `scalars` and `shape`. Throws `FigureError.invalidData` for a bad shape.
    public init(
        title: String, pixels: [Float], shape: [Int], columns: Int, captions: [String] = [],
        rowLabels: [String] = [], pixelSize: Double? = nil
    ) throws {
        self.init(
            title: title, images: try GridImage.batch(pixels: pixels, shape: shape, figure: title),
            columns: columns, captions: captions, rowLabels: rowLabels, pixelSize: pixelSize)
    }

    /// Writes the grid as a PNG at twice `size`; throws `FigureError` naming `path`.
    public func writePNG(to path: String) throws { try FigureFile.writePNG(self, to: path) }

    /// Writes the grid as an SVG of `size` CSS pixels; throws `FigureError` naming `path`.
    public func writeSVG(to path: String) throws { try FigureFile.writeSVG(self, to: path) }

    /// The nominal size the images, captions and labels need, in whole pixels.
    public var size: (width: Double, height: Double) {
        Canvas.measuring { canvas in
            let layout = Layout(self, canvas)
            return (layout.width, layout.height)
        }
    }

    private static let gap = (x: 14.0, y: 12.0)
    private static let rowLabelStyle = Theme.axisTitle.with(size: 12)

    /// Where everything goes, in nominal pixels.
    private struct Layout {
        var columns: Int
        var rows: Int
        var pixelSize: Double
        var cell: (width: Double, height: Double)
        var captionLines: [[String]]
        var captionHeight: Double
        var left: Double
        var top: Double
        var width: Double
        var height: Double

        init(_ grid: ImageGrid, _ canvas: Canvas) {
            columns = max(grid.columns, 1)
            rows = (grid.images.count + columns - 1) / columns
            let widest = grid.images.map(\.width).max() ?? 28
            let tallest = grid.images.map(\.height).max() ?? 28
            pixelSize =
                grid.pixelSize
                ?? max(0.5, (84 / Double(max(widest, tallest)) * 2).rounded(.down) / 2)
            cell = (
                max(Double(widest) * pixelSize, 56), Double(tallest) * pixelSize
            )
            let captionWidth = cell.width + ImageGrid.gap.x - 4
            let lines = grid.images.indices.map { i in
                i < grid.captions.count
                    ? canvas.wrap(
                        grid.captions[i], maxWidth: captionWidth, maxLines: 2, Theme.caption)
                    : []
            }
            captionLines = lines
            let mostLines = lines.map(\.count).max() ?? 0
            captionHeight = mostLines == 0 ? 0 : 7 + Double(mostLines) * Theme.caption.lineHeight
            let labelWidth =
                grid.rowLabels.map { canvas.width(of: $0, ImageGrid.rowLabelStyle) }
                .max() ?? 0
            left = Theme.margin + (labelWidth > 0 ? labelWidth + 14 : 0)
            top = PlotChrome.contentTop(title: grid.title)
            let gridWidth = Double(columns) * cell.width + Double(columns - 1) * ImageGrid.gap.x
            let titleWidth = canvas.width(of: grid.title, Theme.title)
            width = max(left + gridWidth + Theme.margin, titleWidth + 2 * Theme.margin)
                .rounded(.up)
            left += (width - Theme.margin - left - gridWidth) / 2
            let rowHeight = cell.height + captionHeight
            height =
                (top + Double(max(rows, 1)) * rowHeight
                + Double(max(rows - 1, 0)) * ImageGrid.gap.y + Theme.margin).rounded(.up)
        }

        /// The top-left corner of the cell of image `index`.
        func origin(of index: Int) -> Point {
            let row = index / columns
            let column = index % columns
            return Point(
                x: left + Double(column) * (cell.width + ImageGrid.gap.x),
                y: top + Double(row) * (cell.height + captionHeight + ImageGrid.gap.y))
        }
    }

    func draw(on canvas: Canvas) throws {
        if let problem = images.lazy.compactMap(\.problem).first {
            throw FigureError.invalidData(figure: title, problem: problem)
        }
        guard columns >= 1 else {
            throw FigureError.invalidData(figure: title, problem: "\(columns) columns")
        }
        let layout = Layout(self, canvas)
        PlotChrome.drawTitle(
            title, canvas, centerX: layout.width / 2, maxWidth: layout.width - 2 * Theme.margin)
        if images.isEmpty {
            canvas.text(
                "no images", at: Point(x: layout.width / 2, y: layout.top + 14), Theme.annotation,
                horizontal: .center, vertical: .middle)
        }
        for (i, image) in images.enumerated() {
            let cell = layout.origin(of: i)
            let w = Double(image.width) * layout.pixelSize
            let h = Double(image.height) * layout.pixelSize
            let origin = Point(
                x: (cell.x + (layout.cell.width - w) / 2).rounded(),
                y: (cell.y + (layout.cell.height - h) / 2).rounded())
            canvas.image(image, at: origin, pixelSize: layout.pixelSize)
            canvas.stroke(
                Rect(x: origin.x - 0.25, y: origin.y - 0.25, width: w + 0.5, height: h + 0.5),
                Color(hex: 0xBBBBBB), width: 0.5)
            canvas.centeredLines(
                layout.captionLines[i], centerX: cell.x + layout.cell.width / 2,
                top: cell.y + layout.cell.height + 7, Theme.caption)
        }
        for (row, label) in rowLabels.enumerated() where row < layout.rows {
            let cell = layout.origin(of: row * layout.columns)
            canvas.text(
                label, at: Point(x: cell.x - 14, y: cell.y + layout.cell.height / 2),
                ImageGrid.rowLabelStyle, horizontal: .right, vertical: .middle)
        }
    }
}
