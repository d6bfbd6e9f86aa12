// A share of the batch by an informed strategy and the rest at random (the CIFARUncertaintyShare
// study sweeps the share from 0 % to 100 % to see how much uncertainty sampling helps).

/// Mixed sampling: of a batch of n rows, round(p · n) chosen by `primary` (best first), the
/// other n − round(p · n) drawn at random from the rows it left, appended after them.
///
/// n is the batch size clamped to the number of rows; p · n is rounded to the nearest integer
/// with halves away from zero (p = 0.25 of n = 10 gives 3 by the primary, 7 at random).
public struct MixedSampling: QueryStrategy {
    /// The strategy choosing the informed share.
    public let primary: any QueryStrategy
    /// The informed share p, in [0, 1].
    public let share: Double

    /// `share` (in [0, 1]) of each batch by `primary`, the rest at random.
    public init(_ primary: any QueryStrategy, share: Double) {
        precondition((0...1).contains(share), "mixed sampling share must lie in [0, 1], got \(share)")
        self.primary = primary
        self.share = share
    }

    public var name: String { "\(Int((share * 100).rounded())) % \(primary.name), rest random" }

    public func query(_ predictions: PoolPredictions, batchSize: Int, using generator: inout SeededGenerator)
        throws(QueryError) -> [Int]
    {
        precondition(batchSize >= 0, "batch size must be non-negative, got \(batchSize)")
        let total = min(batchSize, predictions.rows)
        let informed = Int((share * Double(total)).rounded())
        let chosen = try primary.query(predictions, batchSize: informed, using: &generator)
        let taken = Set(chosen)
        let rest = (0..<predictions.rows).filter { !taken.contains($0) }
        return chosen + drawWithoutReplacement(rest, count: total - chosen.count, using: &generator)
    }
}
