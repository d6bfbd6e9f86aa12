/// k-means clustering (Lloyd's algorithm) from a k-means++ start (Arthur & Vassilvitskii 2007):
/// the MNISTSoftmaxLabelling study clusters raw digits with it, the CIFARUncertaintyShare study
/// clusters learned features for diversity sampling.
///
/// Distances are computed for all points against all centroids at once, as one matrix product.
public struct KMeans: Sendable {
    /// The number of clusters k.
    public var clusterCount: Int
    /// The most assignment-and-update rounds; it usually stops earlier, when no point moves.
    public var maxIterations: Int

    public init(clusterCount: Int, maxIterations: Int = 300) {
        self.clusterCount = clusterCount
        self.maxIterations = maxIterations
    }

    /// Clusters the rows of `points` [N, ...] (each row one point). The k-means++ start draws from
    /// `generator`. Throws `KMeansError` when k is not in 1...N.
    public func fit(_ points: Tensor, generator: inout SeededGenerator) throws(KMeansError) -> KMeansResult {
        guard clusterCount >= 1 && clusterCount <= points.rows else {
            throw .clusterCountOutOfRange(clusters: clusterCount, points: points.rows)
        }
        let flat = points.reshaped([points.rows, points.elementsPerRow])
        var centroids = initialCentroids(flat, generator: &generator)
        var assignments = assign(flat, to: centroids)
        var iterations = 0
        while iterations < maxIterations {
            centroids = means(of: flat, assignments: assignments, previous: centroids)
            let next = assign(flat, to: centroids)
            iterations += 1
            let moved = next != assignments
            assignments = next
            if !moved { break }
        }
        return KMeansResult(
            centroids: centroids.reshaped([clusterCount] + points.shape.dropFirst()), assignments: assignments,
            inertia: exactInertia(flat, centroids: centroids, assignments: assignments), iterations: iterations)
    }

    /// k-means++: the first centroid is a uniformly random point, each next one a point drawn
    /// with probability proportional to its squared distance from the nearest centroid so far.
    func initialCentroids(_ points: Tensor, generator: inout SeededGenerator) -> Tensor {
        let count = points.rows
        var chosen = [Int(generator.next() % UInt64(count))]
        var nearest = points.squaredDistances(to: points.gathering(rows: chosen)).scalars
        while chosen.count < clusterCount {
            let total = nearest.reduce(0.0) { $0 + Double($1) }
            var next = chosen.last!
            if total > 0 {
                var target = Double(generator.nextUnitFloat()) * total
                next = count - 1
                for (index, distance) in nearest.enumerated() {
                    target -= Double(distance)
                    if target < 0 && distance > 0 { next = index; break }
                }
            } else {
                next = (0..<count).first { !chosen.contains($0) }!
            }
            chosen.append(next)
            let distances = points.squaredDistances(to: points.gathering(rows: [next])).scalars
            for i in 0..<count { nearest[i] = min(nearest[i], distances[i]) }
        }
        return points.gathering(rows: chosen)
    }

    /// Each point's nearest centroid (the lowest index on a tie).
    func assign(_ points: Tensor, to centroids: Tensor) -> [Int] {
        let distances = points.squaredDistances(to: centroids).scalars
        let k = clusterCount
        return (0..<points.rows).map { row in
            var best = 0
            for c in 1..<k where distances[row * k + c] < distances[row * k + best] { best = c }
            return best
        }
    }

    /// Σ‖x − c‖² summed directly in Double: the matrix-product distances that choose the
    /// clusters lose digits to cancellation when points are far from the origin.
    func exactInertia(_ points: Tensor, centroids: Tensor, assignments: [Int]) -> Double {
        let width = points.elementsPerRow
        var sum = 0.0
        for (row, cluster) in assignments.enumerated() {
            for j in 0..<width {
                let difference = Double(points.scalars[row * width + j]) - Double(centroids.scalars[cluster * width + j])
                sum += difference * difference
            }
        }
        return sum
    }

    /// The mean of each cluster's points; a cluster left empty takes the point farthest from its
    /// own centroid, so that k clusters remain.
    func means(of points: Tensor, assignments: [Int], previous: Tensor) -> Tensor {
        let width = points.elementsPerRow
        var sums = [Double](repeating: 0, count: clusterCount * width)
        var sizes = [Int](repeating: 0, count: clusterCount)
        for (row, cluster) in assignments.enumerated() {
            sizes[cluster] += 1
            for j in 0..<width { sums[cluster * width + j] += Double(points.scalars[row * width + j]) }
        }
        var centroids = Tensor(shape: [clusterCount, width], scalars: sums.enumerated().map { index, sum in
            Float(sum / Double(max(1, sizes[index / width])))
        })
        let empty = (0..<clusterCount).filter { sizes[$0] == 0 }
        if !empty.isEmpty {
            let distances = points.squaredDistances(to: previous).scalars
            let k = clusterCount
            let farthest = (0..<points.rows).sorted {
                distances[$0 * k + assignments[$0]] > distances[$1 * k + assignments[$1]]
            }
            for (cluster, row) in zip(empty, farthest) {
                for j in 0..<width { centroids.scalars[cluster * width + j] = points.scalars[row * width + j] }
            }
        }
        return centroids
    }
}

/// What k-means found.
public struct KMeansResult: Codable, Sendable, Equatable {
    /// The cluster centres [k] + the points' shape (for 28×28 images, [k, 28, 28, 1]).
    public var centroids: Tensor
    /// Each point's cluster, in 0..<k.
    public var assignments: [Int]
    /// The sum of squared distances from each point to its centre.
    public var inertia: Double
    /// Update rounds run.
    public var iterations: Int
}

/// Why k-means could not run.
public enum KMeansError: Error, Equatable, CustomStringConvertible {
    /// k must be between 1 and the number of points.
    case clusterCountOutOfRange(clusters: Int, points: Int)

    public var description: String {
        switch self {
        case .clusterCountOutOfRange(let clusters, let points):
            return "cannot form \(clusters) clusters from \(points) points: choose k in 1...\(points)"
        }
    }
}
