// The checks strategies make on their input before reading it, written once.

extension PoolPredictions {
    /// The mean probabilities `[N, C]`, or `needsProbabilities` if only features were given.
    func requireProbabilities(for strategy: String) throws(QueryError) -> Tensor {
        guard classes > 0 else { throw .needsProbabilities(strategy: strategy) }
        return meanProbabilities
    }

    /// Throws unless there are at least two Monte Carlo passes with class probabilities.
    func requireMonteCarloPasses(for strategy: String) throws(QueryError) {
        guard classes > 0 else { throw .needsProbabilities(strategy: strategy) }
        guard passes >= 2 else { throw .needsMonteCarloPasses(strategy: strategy, passes: passes) }
    }
}
