/// Anything that maps images to class probabilities: a trained network, a softmax regression.
/// Query strategies, metrics and the active-learning loop need nothing more of a model.
public protocol Classifier {
    /// Class probabilities `[N, classes]` (rows sum to 1) for images `[N, H, W, C]`.
    func predict(_ images: Tensor) -> Tensor
}

/// A classifier with dropout that can also sample its predictive distribution (Monte Carlo
/// dropout, as in Gal & Ghahramani 2016): dropout stays on, one sample per pass.
public protocol StochasticClassifier: Classifier {
    /// Class probabilities `[passes, N, classes]`: `passes` forward passes with dropout on, each
    /// with its own masks drawn from `generator`.
    func predictStochastic(_ images: Tensor, passes: Int, generator: inout SeededGenerator) -> Tensor
}
