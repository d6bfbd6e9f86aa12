//: # A tour of Literate
//: This file is a notebook: one Swift program that is also its own report. Lines that start
//: with `//:` are markdown, like this paragraph; everything else is Swift. Run it with
//: `swift run Tour` and open `output/Tour/index.html`: each cell appears there with the prose
//: above it, its code (folded), what it printed, and the figures and tables it showed.
//:
//: The tour estimates $\pi$ by throwing random points at a square. It runs in seconds, and
//: each section shows one thing a study notebook needs.

import Foundation
import StudyKit

let notebook = Notebook(host: .studies)  // reads the flags and this file's own source

//: ## A plain cell
//: A cell is `try notebook.cell("Title") { … }`. What it prints lands in the report under it;
//: what it returns is an ordinary value for the cells below. Code between cells, like the
//: constants and the function here, is shown with the cell it leads into. `notebook.profile`
//: (`--profile quick|standard|paper`) chooses how much work to do, and `notebook.generator(_:)`
//: hands out random numbers derived from `--seed`, so a run is reproduced by its flags.
let pointsPerTrial = notebook.profile.choose(quick: 20_000, standard: 200_000, paper: 2_000_000)
let trials = notebook.trials(quick: 3, standard: 8, paper: 20)

/// How many of `count` uniform points in the unit square fall inside the quarter circle.
func pointsInside(_ count: Int, using generator: inout SeededGenerator) -> Int {
    var inside = 0
    for _ in 0..<count {
        let x = Double.random(in: 0..<1, using: &generator)
        let y = Double.random(in: 0..<1, using: &generator)
        if x * x + y * y <= 1 { inside += 1 }
    }
    return inside
}

let firstGuess = try notebook.cell("Throw points at a square") {
    var generator = notebook.generator("first guess")
    let inside = pointsInside(pointsPerTrial, using: &generator)
    let estimate = 4 * Double(inside) / Double(pointsPerTrial)
    print("\(inside) of \(pointsPerTrial) points fell inside the circle: π ≈ \(estimate)")
    return estimate
}

//: ## Why it works
//: Math goes between dollars and is typeset by KaTeX. A point $(x, y)$ drawn uniformly from the
//: unit square lands inside the quarter circle $x^2 + y^2 \le 1$ with probability $p = \pi/4$,
//: so with $k$ of $n$ points inside
//: $$\hat\pi = \frac{4k}{n}, \qquad
//:   \operatorname{sd}(\hat\pi) = 4\sqrt{\frac{p\,(1-p)}{n}} \approx \frac{1.64}{\sqrt{n}}.$$

//: ## A cached cell with a progress bar
//: `cached: true` stores what the cell returns (any `Codable` value), what it printed and the
//: figures it showed. Run the notebook again and the cell replays in milliseconds. Edit it, or
//: any code above it, or change `--profile`, `--seed`, `--trials` or `--data`, and it runs
//: again; edits to the prose never do, and `--fresh` runs everything.
//:
//: Long work reports to `notebook.progress`: a bar with an ETA on the terminal, of which the
//: report keeps only the summary line. A checkpoint saved every trial lets a run that was
//: killed resume at the trial it had reached.
struct Convergence: Codable {
    /// The number of points after which each trial's estimate was read.
    var counts: [Int]
    /// `estimates[t][i]`: trial t's estimate after `counts[i]` points.
    var estimates: [[Double]] = []
}

let convergence = try notebook.cell("Watch the estimate converge", cached: true) {
    let step = pointsPerTrial / 20
    let counts = Array(stride(from: step, through: pointsPerTrial, by: step))
    let checkpoint = notebook.checkpoint(Convergence.self)
    var state = checkpoint.restore() ?? Convergence(counts: counts)
    notebook.progress.begin("Trials", total: trials)
    while state.estimates.count < trials {
        var generator = notebook.generator("trial \(state.estimates.count)")
        var inside = 0
        var thrown = 0
        var curve: [Double] = []
        notebook.progress.begin("Points", total: counts.count)
        for count in counts {
            inside += pointsInside(count - thrown, using: &generator)
            thrown = count
            curve.append(4 * Double(inside) / Double(thrown))
            let estimate = String(format: "%.4f", curve.last ?? 0)
            notebook.progress.update(completed: curve.count, detail: "π ≈ \(estimate)")
        }
        notebook.progress.end(summary: "")
        state.estimates.append(curve)
        try checkpoint.save(state)
        notebook.progress.update(completed: state.estimates.count, detail: "")
    }
    notebook.progress.end(summary: "\(trials) trials of \(pointsPerTrial) points each")
    return state
}

//: ## A figure
//: `notebook.show(figure)` draws any `Figure` (here a `LinePlot` of the Figures library) into
//: `figures/` beside the report and shows it: inside a cell among its output, between cells
//: (as here) under the code that called it.
let errors = convergence.estimates.map { curve in curve.map { abs($0 - Double.pi) } }
let meanError = convergence.counts.indices.map { i in
    errors.map { $0[i] }.reduce(0, +) / Double(errors.count)
}
let theory = convergence.counts.map { 0.8 * 1.64 / Double($0).squareRoot() }  // E|N(0, σ)| ≈ 0.8σ
let errorPlot = LinePlot(
    title: "Mean absolute error of the estimate over \(trials) trials",
    xLabel: "Points thrown", yLabel: "|π̂ − π|",
    series: [
        LineSeries(name: "This run", x: convergence.counts.map(Double.init), y: meanError),
        LineSeries(
            name: "0.8 · 1.64/√n (theory)", x: convergence.counts.map(Double.init), y: theory,
            dashed: true, markers: false),
    ],
    xStyle: .compact, size: (680, 360))
try notebook.show(errorPlot)

//: ## A results table
//: Every study ends with a `ResultsTable`: what the original reported beside this run, as
//: mean ± standard deviation over the trials. `notebook.headline(_:)` sets the line the index
//: of all studies shows for this one. Try editing this cell and running again: the cached
//: cell above replays in milliseconds, and only the plain cells run.
try notebook.cell("Compare with the true value") {
    let finals = convergence.estimates.compactMap(\.last)
    var table = ResultsTable.comparison(
        "π from \(pointsPerTrial) points",
        notes: ["“Reported”: the true π, and the error theory predicts for one trial."])
    table.compare("Estimate of π", reported: Double.pi, thisRun: finals, as: .decimal(4))
    table.compare(
        "Absolute error", reported: 0.8 * 1.64 / Double(pointsPerTrial).squareRoot(),
        thisRun: finals.map { abs($0 - Double.pi) }, as: .decimal(4))
    try notebook.show(table)
    print("The first guess was off by \(abs(firstGuess - Double.pi)).")
    notebook.headline("π ≈ \(ResultsTable.meanAndSpread(finals, as: .decimal(4)))")
}

//: ## A study with the kit
//: Everything above is the notebook runtime alone. A study of active learning needs more, and
//: the study kit (`import StudyKit`) has it, so a whole study fits in the fifty lines below:
//: a plan per profile, declared once (`ProfilePlans`, with `--trials` applied in one place); one
//: `LearnerJob` per strategy and trial, all run by a `LearnerRun`, which checkpoints every round
//: so a killed run resumes where it stopped; the learning curves drawn with their spread; and a
//: verdict computed from the numbers, never typed in. It asks, on a small scale, what the five
//: studies ask at full scale: does *margin sampling* (label the images whose two likeliest
//: classes are closest) beat labelling at random, for a small dense network on 2 000 MNIST
//: digits, starting from two labels per class and buying 20 a round?
struct TourPlan {
    /// Rounds of 20 labels after the initial model, and trials of each strategy.
    var rounds: Int, trials: Int
}
let tourPlan = ProfilePlans(
    quick: TourPlan(rounds: 5, trials: 3), standard: TourPlan(rounds: 10, trials: 5),
    paper: TourPlan(rounds: 20, trials: 10), trials: \.trials
).plan(for: notebook)
let strategies: [(name: String, strategy: any QueryStrategy)] = [("margin", MarginSampling()), ("random", RandomSampling())]

let curves = try notebook.cell("Margin sampling against random on 2 000 digits", cached: true) {
    let mnist = try MNIST.load(dataFolder: notebook.dataFolder)
    let (pool, test) = (mnist.train.prefix(2_000), mnist.test.prefix(1_000))
    let jobs = (0..<tourPlan.trials).flatMap { trial in
        strategies.map { name, strategy in
            LearnerJob(
                name: "\(name), trial \(trial + 1)", rounds: tourPlan.rounds + 1, pool: LabelingPool(oracle: pool),
                initialLabels: { pool in
                    var draw = notebook.generator("initial labels \(trial)")
                    _ = try pool.labelStratified(perClass: 2, using: &draw)
                },
                test: test, strategy: strategy, configuration: .init(queriesPerRound: 20),
                generator: notebook.generator("trial \(trial)"),
                train: { progress in
                    { set, generator in
                        let model = try Sequential(
                            inputShape: [28, 28, 1], layers: [.flatten, .dense(units: 64, activation: .relu), .dense(units: 10)],
                            generator: &generator)
                        try model.fit(set, epochs: 30, batchSize: 16, generator: &generator, progress: progress)
                        return model
                    }
                })
        }
    }
    return try LearnerRun("Active-learning runs", jobs: jobs).run(in: notebook).map(\.state.curve)
}

try notebook.cell("Read off the curves") {
    let margin = stride(from: 0, to: curves.count, by: 2).map { curves[$0] }
    let random = stride(from: 1, to: curves.count, by: 2).map { curves[$0] }
    try notebook.show(LinePlot(
        title: "Test accuracy as labels are bought (mean ± sd over \(tourPlan.trials) trials)",
        xLabel: "Labels", yLabel: "Test accuracy",
        series: [LineSeries(name: "margin", curves: margin), LineSeries(name: "random", curves: random)],
        yStyle: .percent, size: (680, 360)))
    let finals = { (curves: [LearningCurve]) in curves.compactMap { $0.points.last?.accuracy } }
    print("At \(margin.first?.points.last?.labels ?? 0) labels, margin sampling against random:")
    Verdict.lines([("margin", finals(margin))], against: finals(random)).forEach { print($0) }
    let reach = { (curves: [LearningCurve]) in LabelsToReach(0.7, curves: curves).text }
    print("Labels to reach 70 % test accuracy: margin \(reach(margin)), random \(reach(random))")
}

notebook.finish()  // completes the report (a cell that throws ends the run, exit 1, before it gets here)
