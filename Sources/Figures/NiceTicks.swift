/// Axis ticks at "nice" numbers: multiples of 1, 2 or 5 times a power of ten, as dense as the
/// axis has room for, so tick labels read 0, 0.2, 0.4 or 2 000, 3 000 rather than 0.173, 0.346.
import Foundation

/// Evenly spaced ticks at a nice step: `values[i] = (first + i) * step`.
struct NiceTicks: Equatable {
    /// The tick positions, ascending, all inside the range they were chosen for.
    var values: [Double]
    /// The distance between neighbouring ticks: m × 10^exponent with m in {1, 2, 5}.
    var step: Double
    /// The power of ten in `step`, which fixes how many decimals labels need.
    var exponent: Int

    /// No ticks (for an empty or non-finite range).
    static let none = NiceTicks(values: [], step: .nan, exponent: 0)

    /// The densest nice ticks inside `lower...upper` that number at most `maxCount`.
    /// A non-finite range or `maxCount` below 2 gives no ticks; an empty range gives the one value.
    init(lower: Double, upper: Double, maxCount: Int) {
        let lo = min(lower, upper)
        let hi = max(lower, upper)
        let span = hi - lo
        guard lo.isFinite, hi.isFinite, span.isFinite, maxCount >= 2 else {
            self = .none
            return
        }
        guard span > 0 else {
            self.init(values: [lo], step: 0, exponent: 0)
            return
        }
        let start = Int(floor(log10(span / Double(maxCount))))
        for exponent in start...(start + 2) {
            for mantissa in [1, 2, 5] {
                let step = Double(mantissa) * pow(10, Double(exponent))
                let first = ceil(lo / step - 1e-9)
                let last = floor(hi / step + 1e-9)
                guard last - first + 1 <= Double(maxCount) else { continue }
                let values = stride(from: first, through: last, by: 1).map { k in
                    Self.multiple(k * Double(mantissa), ofPowerOfTen: exponent)
                }
                self.init(values: values, step: step, exponent: exponent)
                return
            }
        }
        self = .none  // unreachable: a step of 100 × span / maxCount always fits
    }

    private init(values: [Double], step: Double, exponent: Int) {
        self.values = values
        self.step = step
        self.exponent = exponent
    }

    /// `k × 10^exponent`, dividing for negative exponents so that 3 × 0.2 prints as 0.6, not
    /// 0.6000000000000001.
    private static func multiple(_ k: Double, ofPowerOfTen exponent: Int) -> Double {
        let value = exponent >= 0 ? k * pow(10, Double(exponent)) : k / pow(10, Double(-exponent))
        return value == 0 ? 0 : value  // no -0
    }

    /// The decimals a label needs to tell neighbouring ticks apart in `style`.
    func decimals(in style: NumberStyle) -> Int {
        style.decimals(forStep: exponent)
    }
}
