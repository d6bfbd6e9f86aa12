// The baseline every strategy is measured against: label rows drawn at random (the draw itself is
// `drawWithoutReplacement`, DrawWithoutReplacement.swift, which other random choices share).

/// Random sampling: `batchSize` rows drawn uniformly without replacement, in the order drawn.
public struct RandomSampling: QueryStrategy {
    public init() {}

    public var name: String { "random" }

    public func query(_ predictions: PoolPredictions, batchSize: Int, using generator: inout SeededGenerator)
        throws(QueryError) -> [Int]
    {
        drawWithoutReplacement(Array(0..<predictions.rows), count: batchSize, using: &generator)
    }
}
