/// Colours: readable text on any cell, a palette whose colours differ, scales that run light to
/// dark.
import Testing

@testable import Figures

struct ColorTests {
    /// Fills and the text colour each needs, checked by hand against WCAG contrast ratios.
    static let fills: [(UInt32, Color)] = [
        (0x08306B, .white),  // darkest blue of the Blues scale
        (0xF7FBFF, .black),  // lightest blue
        (0x000000, .white),
        (0xFFFFFF, .black),
        (0x808080, .black),  // mid grey: luminance 0.216, black contrasts 5.3:1, white 3.9:1
        (0x595959, .white),  // darker grey: luminance 0.100, white contrasts 7.0:1
        (0x0072B2, .white),  // palette blue
        (0xF0E442, .black),  // palette yellow
    ]

    @Test("cell text is white on dark fills and black on light ones", arguments: fills)
    func contrastingText(_ hex: UInt32, _ expected: Color) {
        #expect(Color(hex: hex).contrastingText == expected)
    }

    @Test("luminance runs from 0 for black to 1 for white")
    func luminance() {
        #expect(Color.black.relativeLuminance == 0)
        #expect(abs(Color.white.relativeLuminance - 1) < 1e-12)
    }

    @Test("palette colours are all different and series beyond it cycle")
    func palette() {
        #expect(Set(Color.palette).count == Color.palette.count)
        #expect(Color.series(0) == Color(hex: 0x0072B2))
        #expect(Color.series(Color.palette.count) == Color.series(0))
    }

    @Test(
        "colour scales run light to dark, clamp, and grey out NaN",
        arguments: [ColorScale.blues, .viridis])
    func scales(_ scale: ColorScale) {
        #expect(scale.color(at: 0).relativeLuminance > 0.7)
        #expect(scale.color(at: 1).relativeLuminance < 0.1)
        #expect(scale.color(at: -3) == scale.color(at: 0))
        #expect(scale.color(at: 7) == scale.color(at: 1))
        #expect(scale.color(at: .nan) == Color(hex: 0xD9D9D9))
        #expect(scale.color(at: 0).contrastingText == .black)
        #expect(scale.color(at: 1).contrastingText == .white)
    }
}
