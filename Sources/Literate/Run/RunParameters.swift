// The options of a run that can change what a cell computes: what the cache keys hash and the
// report's header lists.

/// The parameters of a run that a cell's result may depend on.
struct RunParameters: Codable, Equatable, Sendable {
    /// `--profile`.
    var profile: Profile
    /// `--seed`.
    var seed: UInt64
    /// `--trials`, or nil for the profile's default.
    var trials: Int?
    /// `--data`, or nil for the default data folder.
    var dataFolder: String?

    init(profile: Profile = .standard, seed: UInt64 = 42, trials: Int? = nil, dataFolder: String? = nil) {
        self.profile = profile
        self.seed = seed
        self.trials = trials
        self.dataFolder = dataFolder
    }
}

extension RunParameters {
    /// The flags whose values differ from `earlier`'s, as the command line spells them.
    func differences(from earlier: RunParameters) -> [String] {
        var names: [String] = []
        if profile != earlier.profile { names.append("--profile \(earlier.profile.rawValue) → \(profile.rawValue)") }
        if seed != earlier.seed { names.append("--seed \(earlier.seed) → \(seed)") }
        if trials != earlier.trials {
            names.append("--trials \(earlier.trials.map(String.init) ?? "default") → \(trials.map(String.init) ?? "default")")
        }
        if dataFolder != earlier.dataFolder {
            names.append("--data \(earlier.dataFolder ?? "default") → \(dataFolder ?? "default")")
        }
        return names
    }
}
