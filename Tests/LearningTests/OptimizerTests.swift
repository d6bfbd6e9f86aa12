import Testing
@testable import Learning

/// Two steps of each optimizer on p = [1, -2] with gradients [0.5, -0.1] then [-0.2, 0.3], against
/// values worked out from Keras's update rules in double precision.
struct OptimizerTests {
    private let gradients: [[Float]] = [[0.5, -0.1], [-0.2, 0.3]]

    private func run(_ optimizer: inout some Optimizer) -> [[Float]] {
        var parameters: [Float] = [1, -2]
        var trace: [[Float]] = []
        for gradient in gradients {
            parameters.withUnsafeMutableBufferPointer { p in
                gradient.withUnsafeBufferPointer { g in optimizer.step(parameters: [p], gradients: [g]) }
            }
            trace.append(parameters)
        }
        return trace
    }

    private func expectClose(_ actual: [[Float]], _ expected: [[Double]], tolerance: Double = 1e-6) {
        for (a, e) in zip(actual.joined(), expected.joined()) {
            #expect(abs(Double(a) - e) < tolerance, "\(actual) vs \(expected)")
        }
    }

    @Test func adamMatchesHandComputedSteps() {
        // Step 1: m = 0.1 g, v = 0.001 g², step size 0.1 · √0.001 / 0.1 — about 0.1 · sign(g).
        var adam = Adam(learningRate: 0.1)
        expectClose(run(&adam), [[0.9000006324515321, -1.9000031621776634], [0.8654402506933558, -1.9494216512977696]])
        #expect(adam.iterations == 2)
    }

    @Test func adamLegacyDecayDividesTheRateByOnePlusDecayTimesIterations() {
        // The first step is undecayed; the second uses 0.1 / (1 + 0.5 · 1).
        var adam = Adam(learningRate: 0.1, decay: 0.5)
        expectClose(run(&adam), [[0.9000006324515321, -1.9000031621776634], [0.8769603779460813, -1.9329488215910675]])
    }

    @Test func adadeltaMatchesHandComputedSteps() {
        // Step 1: a = 0.05 g², Δ = g · √1e-7 / √(a + 1e-7) ≈ 1.414e-3 · sign(g), at learning rate 1.
        var adadelta = Adadelta(learningRate: 1)
        expectClose(run(&adadelta), [[0.9985857920944472, -1.9985859278377736], [0.9993451142361159, -2.000487941507246]])
    }

    @Test func adadeltaHasKeras2Defaults() {
        let adadelta = Adadelta()
        #expect(adadelta.learningRate == 0.001 && adadelta.rho == 0.95 && adadelta.epsilon == 1e-7)
    }

    @Test func sgdWithMomentumMatchesHandComputedSteps() {
        // v₁ = -0.1 g₁ = [-0.05, 0.01]; v₂ = 0.9 v₁ - 0.1 g₂ = [-0.025, -0.021].
        var sgd = SGD(learningRate: 0.1, momentum: 0.9)
        expectClose(run(&sgd), [[0.95, -1.99], [0.925, -2.011]])
    }

    @Test func resetForgetsTheState() {
        var adam = Adam(learningRate: 0.1)
        let first = run(&adam)
        adam.reset()
        #expect(run(&adam) == first)
    }
}
