import Testing
@testable import Learning

struct KMeansTests {
    /// Two tight triangles: centres (1/3, 1/3) and (31/3, 31/3), each point 2/9 or 5/9 from its
    /// centre squared, so the inertia is 2 · (2 + 5 + 5) / 9 = 8/3.
    private let points = Tensor(shape: [6, 2], scalars: [0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10])

    @Test(arguments: [UInt64(1), 2, 3])
    func findsTheTwoObviousClusters(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let result = try KMeans(clusterCount: 2).fit(points, generator: &generator)
        let a = result.assignments
        #expect(a[0] == a[1] && a[1] == a[2] && a[3] == a[4] && a[4] == a[5] && a[0] != a[3])
        #expect(abs(result.inertia - 8.0 / 3) < 1e-5)
        let centre = result.centroids.scalars[(a[0] * 2)..<(a[0] * 2 + 2)]
        #expect(centre.allSatisfy { abs($0 - 1.0 / 3) < 1e-6 })
    }

    @Test func oneClusterPerPointHasNoInertia() throws {
        var generator = SeededGenerator(seed: 4)
        let result = try KMeans(clusterCount: 6).fit(points, generator: &generator)
        #expect(result.inertia == 0)
        #expect(Set(result.assignments).count == 6)
    }

    @Test func centroidsKeepThePointsShape() throws {
        var generator = SeededGenerator(seed: 5)
        let images = Tensor(shape: [4, 2, 2, 1], scalars: (0..<16).map(Float.init))
        #expect(try KMeans(clusterCount: 2).fit(images, generator: &generator).centroids.shape == [2, 2, 2, 1])
    }

    @Test func tooManyClustersIsAnError() {
        var generator = SeededGenerator(seed: 1)
        #expect(throws: KMeansError.clusterCountOutOfRange(clusters: 7, points: 6)) {
            try KMeans(clusterCount: 7).fit(points, generator: &generator)
        }
    }
}
