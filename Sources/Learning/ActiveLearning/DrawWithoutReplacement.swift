// Drawing k of n items without replacement, seeded: the one routine behind everything random in
// the library's choice of rows — the `RandomSampling` query strategy, random initial sets, the
// random pool subsets of the MNISTBayesianDropout study, and the shuffled epochs of `fit`. The
// strategy is RandomSampling.swift; this is only the draw.

/// `count` distinct elements of `items` in the order drawn (a partial Fisher–Yates shuffle), or
/// all of them, shuffled, if `count` exceeds `items.count`.
func drawWithoutReplacement(_ items: [Int], count: Int, using generator: inout SeededGenerator) -> [Int] {
    precondition(count >= 0, "cannot draw \(count) items")
    var items = items
    let draws = min(count, items.count)
    for i in 0..<draws {
        items.swapAt(i, Int.random(in: i..<items.count, using: &generator))
    }
    return Array(items.prefix(draws))
}
