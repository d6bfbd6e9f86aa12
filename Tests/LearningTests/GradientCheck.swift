import Testing
// Central finite differences: the independent witness every layer's backward pass is checked
// against. L = Σ r·y + the layer's L2 terms, for a fixed random r, in training mode, with the same
// dropout generator for every evaluation (so Dropout's mask is fixed).
@testable import Learning

enum GradientCheck {
    /// How far the analytic gradients are from the numeric ones, as ‖a − n‖ / max(‖a‖, ‖n‖).
    struct Report {
        var input: Double
        var parameters: [Double]
    }

    /// ‖a − b‖ / max(‖a‖, ‖b‖, 1e-12).
    static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "\(a.count) vs \(b.count) gradient entries")
        let difference = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        let scale = max(a.reduce(0) { $0 + $1 * $1 }.squareRoot(), b.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-12)
        return difference / scale
    }

    /// Checks `layer`'s input and parameter gradients on `input` [batch, inputShape].
    static func check(_ layer: any LayerKernel, input: [Float], batch: Int, seed: UInt64, step: Float = 1e-3) -> Report {
        var random = SeededGenerator(seed: seed)
        let outputCount = batch * layer.outputWidth
        let weights = (0..<outputCount).map { _ in random.nextFloat(in: -1..<1) }
        let masks = SeededGenerator(seed: seed &+ 1)

        func loss(_ x: [Float]) -> Double {
            var generator = masks
            return x.withUnsafeBufferPointer { x in
                let y = layer.forward(x, batch: batch, mode: .training, generator: &generator)
                var sum = 0.0
                for i in 0..<outputCount { sum += Double(y[i]) * Double(weights[i]) }
                return sum + layer.parameters.reduce(0) { $0 + $1.l2Penalty }
            }
        }

        var analyticInput: [Double] = []
        var generator = masks
        input.withUnsafeBufferPointer { x in
            let y = layer.forward(x, batch: batch, mode: .training, generator: &generator)
            precondition(y.count == outputCount, "layer gave \(y.count) outputs, expected \(outputCount)")
            var dy = weights
            dy.withUnsafeMutableBufferPointer { dy in
                let dx = layer.backward(dy, batch: batch, needsInputGradient: true)!
                analyticInput = dx.map(Double.init)
            }
        }
        let analyticParameters = layer.parameters.map { $0.gradient.map(Double.init) }

        var x = input
        var numericInput: [Double] = []
        for i in x.indices {
            let original = x[i]
            x[i] = original + step
            let plus = loss(x)
            x[i] = original - step
            let minus = loss(x)
            x[i] = original
            numericInput.append((plus - minus) / (2 * Double(step)))
        }
        let parameterErrors = zip(layer.parameters, analyticParameters).map { parameter, analytic in
            let numeric = (0..<parameter.value.count).map { i in
                let original = parameter.value[i]
                parameter.value[i] = original + step
                let plus = loss(input)
                parameter.value[i] = original - step
                let minus = loss(input)
                parameter.value[i] = original
                return (plus - minus) / (2 * Double(step))
            }
            return relativeError(analytic, numeric)
        }
        return Report(input: relativeError(analyticInput, numericInput), parameters: parameterErrors)
    }

    /// Expects `layer`'s input and parameter gradients on `batch` random examples (from
    /// `inputSeed`) to be within 1 % of the finite differences.
    static func expectMatch(
        _ layer: any LayerKernel, batch: Int, inputSeed: UInt64, seed: UInt64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let input = randomValues(batch * layer.inputWidth, seed: inputSeed)
        let report = check(layer, input: input, batch: batch, seed: seed)
        #expect(report.input < 1e-2, "input gradient off by \(report.input)", sourceLocation: sourceLocation)
        #expect(report.parameters.allSatisfy { $0 < 1e-2 }, "parameter gradients off by \(report.parameters)", sourceLocation: sourceLocation)
    }

    /// `count` uniform values in [-1, 1) from `seed`.
    static func randomValues(_ count: Int, seed: UInt64) -> [Float] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { _ in random.nextFloat(in: -1..<1) }
    }

    /// `count` distinct values 0.01 apart, shuffled, centred on 0: inputs where a step of 1e-3
    /// never changes which element of a window is largest.
    static func distinctValues(_ count: Int, seed: UInt64) -> [Float] {
        var random = SeededGenerator(seed: seed)
        var values = (0..<count).map { Float($0 - count / 2) * 0.01 }
        for i in stride(from: count - 1, to: 0, by: -1) { values.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        return values
    }
}
