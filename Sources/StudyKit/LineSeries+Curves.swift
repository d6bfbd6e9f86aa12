// Learning curves of several experiments drawn as one line: the mean accuracy at each label
// count, shaded ± one standard deviation.

extension LineSeries {
    /// The mean of `curves` (one per experiment, measured at the same label counts) with a band
    /// of ± one sample standard deviation; x is the label count minus `labelsOffset` (pass the
    /// initial set's size to plot acquired images), y the accuracy as a fraction.
    public init(
        name: String, curves: [LearningCurve], labelsOffset: Int = 0, dashed: Bool = false, markers: Bool = true,
        color: Color? = nil
    ) {
        let spread = CurveSpread(curves)
        self.init(
            name: name, x: spread.labels.map { Double($0 - labelsOffset) }, mean: spread.mean,
            sd: spread.standardDeviation, dashed: dashed, markers: markers, color: color)
    }
}
