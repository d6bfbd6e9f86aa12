import Foundation
import Testing

@testable import Learning

@Suite("Seeded generator")
struct SeededGeneratorTests {
    @Test("The same seed gives the same sequence; another seed another")
    func reproducible() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }

    @Test("Splitting is stable, independent of the parent's position, and differs per stream")
    func splitting() {
        var parent = SeededGenerator(seed: 7)
        var before = parent.split("dropout")
        _ = parent.next()
        var after = parent.split("dropout")
        #expect(before.next() == after.next())
        var shuffle = parent.split("shuffle"), dropout = parent.split("dropout")
        var trial1 = parent.split(1), trial2 = parent.split(2)
        #expect(shuffle.next() != dropout.next())
        #expect(trial1.next() != trial2.next())
    }

    @Test("Unit floats lie in [0, 1) with mean near 1/2; normals have mean 0 and sd 1")
    func distributions() {
        var generator = SeededGenerator(seed: 1)
        let uniform = (0..<20_000).map { _ in generator.nextUnitFloat() }
        #expect(uniform.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(uniform.reduce(0, +) / 20_000 - 0.5) < 0.01)
        let normal = (0..<20_000).map { _ in generator.nextNormal() }
        let mean = normal.reduce(0, +) / 20_000
        let variance = normal.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 19_999
        #expect(abs(mean) < 0.03)
        #expect(abs(variance - 1) < 0.05)
    }

    @Test("A generator round-trips through JSON mid-sequence")
    func codable() throws {
        var generator = SeededGenerator(seed: 99)
        _ = generator.next()
        var copy = try JSONDecoder().decode(SeededGenerator.self, from: JSONEncoder().encode(generator))
        #expect(copy == generator)
        #expect(copy.next() == generator.next())
    }
}
