// `--shard i/n`: which part of a study's independent units this process computes, so that n
// processes (a Slurm job array, or plain processes on one machine) share the work and a plain
// run merges what they stored.
import ArgumentParser

/// Shard `index` of `count`: the units whose position modulo `count` is `index`.
public struct Shard: Codable, Equatable, Sendable, CustomStringConvertible {
    /// This shard, from 0.
    public var index: Int
    /// How many shards share the units.
    public var count: Int

    public init(index: Int, count: Int) {
        precondition(count > 0 && (0..<count).contains(index), "shard \(index)/\(count) is not one of 0/\(count) … \(count - 1)/\(count)")
        self.index = index
        self.count = count
    }

    /// Parses "i/n" as `--shard` takes it.
    init(argument: String) throws {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ValidationError("--shard takes i/n, as in --shard 0/4, not \(argument)")
        }
        guard count > 0, (0..<count).contains(index) else {
            throw ValidationError("--shard \(argument): i must be from 0 to n − 1, and n at least 1")
        }
        self.init(index: index, count: count)
    }

    /// Whether the unit at `position` of its cell is this shard's.
    public func owns(_ position: Int) -> Bool { position % count == index }

    public var description: String { "\(index)/\(count)" }
}
