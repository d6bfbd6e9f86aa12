//: # Bayesian active learning on MNIST with Monte Carlo dropout
//: How few labelled digits does a small convolutional network need to reach 95 % test accuracy,
//: if it may choose which digits to ask for? The original study started from 20 labelled MNIST
//: images, asked for 10 more at a time, and chose them by the *max entropy* of a Bayesian
//: prediction obtained with Monte Carlo dropout. It reported 95 % test accuracy after about 450
//: acquired images. This notebook reruns that protocol and puts three other acquisition functions
//: beside max entropy in the same run: BALD, variation ratios, and labelling at random, which is
//: what every clever choice has to beat. Each is repeated over several experiments (different
//: initial sets and weights), so every number comes with its spread.
//:
//: One deliberate difference: the original code never took the acquired images out of the pool,
//: so a later step could draw (and pay for) an image it already had. Here an acquired image
//: leaves the pool for good.

import StudyKit

let notebook = Notebook(host: .studies)

//: ## The protocol, and how each profile cuts it
//: The paper profile is the original protocol: 98 acquisition steps of 10 images, each step
//: scoring 2 000 random pool images with 100 stochastic passes, a fresh network trained for 50
//: epochs after every step, three experiments. That is $4 \times 3 \times 99 = 1\,188$
//: trainings on sets of up to 1 000 images, some 30 million image-epochs: many hours on two
//: shared cores. The standard profile keeps what defines the method — the network, its 50 epochs
//: of training from scratch, the 2 000 candidates, the 100 passes, the full test set, the three
//: experiments — and buys the labels up to 500 (past the original's 95 % mark) in 8 steps of
//: 60 instead of 48 steps of 10. Large batches cost greedy acquisition functions a little: the
//: 60 best-scoring candidates of one step tend to resemble each other, and none of them was
//: chosen knowing the other 59 labels. So its curves lean pessimistic for the three uncertainty
//: functions and not for random. The quick profile only shows that every cell works.
/// The numbers of one run: everything a profile changes.
struct Plan: Codable {
    /// Initial labelled images per class, drawn from the initial source.
    var initialPerClass: Int
    /// Acquisition steps after the initial model.
    var steps: Int
    /// Images labelled per step.
    var batch: Int
    /// Random pool images scored per step.
    var candidates: Int
    /// Monte Carlo dropout passes per candidate.
    var passes: Int
    /// Training epochs of each fresh model.
    var epochs: Int
    /// MNIST test images every model is scored on (the first ones).
    var testImages: Int
    /// Experiments (independent initial sets and weights) per acquisition function.
    var experiments: Int

    /// Labels spent by the end: the initial set plus every step's batch.
    var finalLabels: Int { 10 * initialPerClass + steps * batch }
}

let plans = ProfilePlans(
    quick: Plan(initialPerClass: 2, steps: 2, batch: 10, candidates: 200, passes: 20, epochs: 20, testImages: 1_000, experiments: 2),
    standard: Plan(initialPerClass: 2, steps: 8, batch: 60, candidates: 2_000, passes: 100, epochs: 50, testImages: 10_000, experiments: 3),
    paper: Plan(initialPerClass: 2, steps: 98, batch: 10, candidates: 2_000, passes: 100, epochs: 50, testImages: 10_000, experiments: 3),
    trials: \.experiments)
/// This run's plan: `--profile`'s, with `--trials` experiments if given.
let plan = plans.plan(for: notebook)
let experiments = plan.experiments
/// Images labelled before any acquisition.
let initialCount = 10 * plan.initialPerClass

try notebook.cell("The three profiles") {
    let rows: [ProfilePlans<Plan>.Row] = [
        ("Initial labelled images", { "\(10 * $0.initialPerClass), balanced" }),
        ("Acquisition steps × images per step", { "\($0.steps) × \($0.batch)" }),
        ("Labels at the end", { ResultsTable.Format.count.string(Double($0.finalLabels)) }),
        ("Pool images scored per step", { ResultsTable.Format.count.string(Double($0.candidates)) }),
        ("Monte Carlo dropout passes", { "\($0.passes)" }),
        ("Training epochs per model", { "\($0.epochs)" }),
        ("Test images", { ResultsTable.Format.count.string(Double($0.testImages)) }),
        ("Experiments per function", { "\($0.experiments)" }),
    ]
    try notebook.show(plans.table(
        rows: rows, current: notebook.profile,
        notes: ["Every profile trains the same network with Adam, batch 128, a fresh model after every step."]))
    if experiments != plans[notebook.profile].experiments { print("--trials \(experiments): \(experiments) experiments per function.") }
}

//: ## The data
//: The MNIST training set is shuffled once with a fixed seed and cut as the original cut it:
//: images 0–9 999 are the *initial source* the first labels are drawn from, 10 000–14 999 a
//: validation set, and 20 000–59 999 the *pool* the acquisition functions choose from. The
//: original only watched the validation set during training; nothing here depends on it, so it is
//: kept aside unused (as are images 15 000–19 999, which the original also left out). Every model
//: is scored on the MNIST test set.
let initialSource = 0..<10_000
let poolRange = 20_000..<60_000

let data = try notebook.cell("Load MNIST and cut the shuffled training set") {
    let mnist = try MNIST.load(dataFolder: notebook.dataFolder)
    var generator = notebook.generator("shuffle the training set")
    let order = Array(0..<mnist.train.count).shuffled(using: &generator)
    let train = mnist.train.subset(order)
    let test = mnist.test.prefix(plan.testImages)
    print("training set \(train.count) images (shuffled), test set \(test.count) images")
    print("initial source \(initialSource.count), validation 5000 (unused), pool \(poolRange.count)")
    return TrainTestSplit(train: train, test: test)
}

//: ## The first 20 labels
//: Each experiment starts from two images of every digit drawn at random from the initial source,
//: so that the first model has seen every class once or twice. The four acquisition functions of
//: one experiment share its initial set, its initial weights and the candidates drawn at each
//: step, so their differences within an experiment come from the choices alone.
let initialSets = try notebook.cell("Draw the initial labelled sets") {
    try (0..<experiments).map { experiment in
        var pool = LabelingPool(oracle: data.train, unlabeled: poolRange)
        var generator = notebook.generator("initial set \(experiment)")
        return try pool.labelStratified(
            perClass: plan.initialPerClass, from: Array(initialSource), using: &generator)
    }
}
try notebook.show(ImageGrid(
    title: "The initial \(initialCount) labelled images of experiment 1", images: data.train, indices: initialSets[0],
    columns: 10))

//: ## The model, and a Bayesian prediction from dropout
//: The network is small: two 3×3 convolutions of 32 filters, a 5×5 max-pool, dropout .25, a dense
//: layer of 128 units and dropout .5 before the ten-way softmax. Gal and Ghahramani showed that
//: training with dropout fits an approximate posterior over the weights, and that leaving dropout
//: on at test time draws from it: each pass $t$ uses weights $\hat\omega_t$ with a fresh random
//: mask. Averaging $T$ passes estimates the Bayesian predictive distribution,
//: $$p(y = c \mid x) \approx \bar p_c(x) = \frac{1}{T}\sum_{t=1}^{T} p(y = c \mid x, \hat\omega_t).$$
//: The dense layer's L2 weight decay $3.5/N$ plays the prior: it shrinks as the labelled set
//: of $N$ images grows, so the data count for more and more.
//:
//: A step scores 2 000 candidates with $T = 100$ passes. Done naively that is 200 000 forward
//: passes, but nothing random happens before the first dropout layer: the two convolutions and
//: the pool, 99 % of the multiply-adds, give the same output on every pass. The library computes
//: them once per image and samples only the dense head 100 times, drawing the same masks in the
//: same order as full passes would. Its test
//: (`Tests/LearningTests/MonteCarloDropoutTests.swift`,
//: `reusingTheDeterministicLayersGivesTheSameSamplesAsFullPasses`) checks that both paths give
//: identical samples; the cell below repeats the check on real digits and times both.
let monteCarloCheck = try notebook.cell("Check the Monte Carlo shortcut") {
    var weights = notebook.generator("shortcut check")
    let model = try StudyModels.bayesianCNN(labelledCount: initialCount, generator: &weights)
    print(model)
    let images = data.test.prefix(notebook.profile == .quick ? 50 : 200).images
    var timings: [Double] = []
    var samples: [Tensor] = []
    for path in [Sequential.MonteCarloPath.reuseDeterministicLayers, .fullPasses] {
        var masks = notebook.generator("shortcut masks")
        let stopwatch = Stopwatch()
        samples.append(model.predictStochastic(images, passes: plan.passes, generator: &masks, batchSize: 256, path: path))
        timings.append(stopwatch.wallSeconds)
    }
    let difference = zip(samples[0].scalars, samples[1].scalars).map { abs($0 - $1) }.max() ?? 0
    print(
        String(
            format: "%d images × %d passes: shortcut %.2f s, full passes %.2f s (%.0f× faster), largest difference %g",
            images.rows, plan.passes, timings[0], timings[1], timings[1] / timings[0], difference))
    return difference
}

//: ## Four ways to choose
//: Each acquisition function ranks a candidate $x$ by a score computed from the $T$ sampled
//: distributions $p^t_c = p(y = c \mid x, \hat\omega_t)$; the 10 best-scoring candidates are
//: labelled.
//:
//: - **Max entropy** (the original's choice) asks where the averaged prediction is most spread:
//:   $$\mathbb{H}[y \mid x] = -\sum_c \bar p_c \log \bar p_c.$$
//:   It is high both for digits that every pass finds ambiguous (a 4 that might be a 9, with
//:   every mask agreeing on 50/50) and for digits the passes disagree about.
//: - **BALD** (Bayesian active learning by disagreement) keeps only the second kind. It is the
//:   mutual information between the label and the weights: the entropy of the mean minus the mean
//:   of the entropies,
//:   $$\mathbb{I}[y; \omega \mid x] \approx -\sum_c \bar p_c \log \bar p_c + \frac{1}{T}\sum_{t,c} p^t_c \log p^t_c.$$
//:   An image every pass calls 50/50 scores zero: its label would not teach the weights anything
//:   they disagree about. An image where half the passes say 4 with confidence and half say 9
//:   scores $\log 2$.
//: - **Variation ratios** counts votes: each pass votes for its most probable class, and with
//:   $f_m$ votes for the most popular class the score is $1 - f_m / T$, zero when all passes
//:   agree.
//: - **Random** draws 10 candidates uniformly: the baseline.
let functions: [(name: String, strategy: any QueryStrategy, passes: Int?)] = [
    ("max entropy", MaxEntropy(), plan.passes),
    ("BALD", BALD(), plan.passes),
    ("variation ratios", VariationRatios(), plan.passes),
    ("random", RandomSampling(), nil),
]

/// A trainer of fresh study-4 networks, reporting its epochs to `progress`: each trains on its
/// set for `epochs` (batch 128), its weights, shuffling and dropout masks drawn from the
/// generator it is handed.
func freshModels(epochs: Int) -> (_ progress: any ProgressObserver) -> ActiveLearner.Trainer {
    { progress in
        { set, generator in
            let model = try StudyModels.bayesianCNN(labelledCount: set.count, generator: &generator)
            try model.fit(set, epochs: epochs, batchSize: 128, generator: &generator, progress: progress)
            return model
        }
    }
}

//: ## Acquire, label, retrain
//: The expensive cell. For each experiment and each function an `ActiveLearner` trains the
//: initial model, then repeats the step: draw the candidates from the pool, score them, label the
//: best, retrain a fresh model on every label so far, score it on the test set. After every step
//: the learners' states are checkpointed, with the model each step trained, so a run that is
//: killed resumes at the step it reached without training that model again.
/// One job per experiment and function, experiment 1's functions first: the functions of an
/// experiment share its initial set and its random streams.
let runs = try notebook.cell("Run the acquisition loops", cached: true) {
    let jobs = (0..<experiments).flatMap { experiment in
        functions.map { function in
            LearnerJob(
                name: "experiment \(experiment + 1), \(function.name)", rounds: plan.steps + 1,
                pool: LabelingPool(oracle: data.train, unlabeled: poolRange),
                initialLabels: { pool in _ = try pool.label(initialSets[experiment]) }, test: data.test,
                strategy: function.strategy,
                configuration: .init(
                    queriesPerRound: plan.batch, candidatesPerRound: plan.candidates, monteCarloPasses: function.passes),
                generator: notebook.generator("experiment \(experiment)"), train: freshModels(epochs: plan.epochs))
        }
    }
    return try LearnerRun("Acquisition runs", jobs: jobs).run(in: notebook).map(\.state)
}

/// `states[function][experiment]`, in the order of `functions`.
let states = functions.indices.map { function in
    (0..<experiments).map { runs[$0 * functions.count + function] }
}
/// Acquired images (labels beyond the initial set) `function` needed to reach `target`.
func acquiredToReach(_ target: Double, _ function: Int) -> LabelsToReach {
    LabelsToReach(target, curves: states[function].map(\.curve), offset: initialCount)
}

//: ## Learning curves
//: Test accuracy against the number of acquired images, the mean over experiments with a band
//: of ± one standard deviation. The dotted lines mark 90 % and 95 %, the hollow circle the
//: original's report for max entropy.
try notebook.cell("Plot the learning curves") {
    var series = functions.indices.map { function in
        LineSeries(
            name: functions[function].name, curves: states[function].map(\.curve), labelsOffset: initialCount,
            markers: plan.steps <= 30)
    }
    if plan.steps * plan.batch >= 450 {
        series.append(LineSeries(name: "original, max entropy", x: [450], y: [0.95], dashed: true, color: .gray))
    }
    try notebook.show(LinePlot(
        title: "Test accuracy as images are acquired (mean ± sd over \(experiments) experiments)",
        xLabel: "Images acquired beyond the initial \(initialCount)", yLabel: "Test accuracy", series: series,
        targets: [TargetLine(0.95, label: "95 %"), TargetLine(0.90, label: "90 %")], yStyle: .percent,
        size: (760, 460)))
    for (function, entry) in functions.enumerated() {
        let finals = states[function].compactMap { $0.curve.points.last?.accuracy }
        let accuracy = ResultsTable.meanAndSpread(finals, as: .percent(2), countingTrials: false)
        print("\(entry.name): final test accuracy \(accuracy) (\(finals.count) experiments)")
    }
}

//: ### A dent that is not the acquisition
//: Keras, and this library, train on the labelled set in batches of 128 and end every epoch
//: with whatever is left over. With 260 labels that is two batches of 128 and one of 4: every
//: epoch ends with an Adam step as large as the others on the gradient of only 4 images. A dent
//: in the curves at 240 acquired images, shared by every function, would be this. To tell it
//: apart from the acquisition, the cell below trains the same network on random labelled sets of
//: 256, 260 and 264 images (leftover batches of 0, 4 and 8). The original's steps of 10 meet
//: such sizes too, every 13 steps or so (130, 260, 390, … labels).
let leftoverSizes = [256, 260, 264]
let leftoverCheck = try notebook.cell("Train on random sets of 256, 260 and 264 images", cached: true) {
    let seeds = notebook.profile.choose(quick: 1, standard: 3, paper: 3)
    let train = freshModels(epochs: plan.epochs)(notebook.progress.barOnly)
    let pool = LabelingPool(oracle: data.train, unlabeled: poolRange)
    notebook.progress.begin("Random labelled sets", total: leftoverSizes.count * seeds)
    let accuracies = try leftoverSizes.enumerated().map { index, size in
        try (0..<seeds).map { seed in
            var generator = notebook.generator("leftover batch \(size) \(seed)")
            let chosen = pool.randomUnlabeledSubset(size, using: &generator)
            let model = try train(data.train.subset(chosen), &generator)
            notebook.progress.update(completed: index * seeds + seed + 1, detail: "\(size) images")
            return Accuracy.of(model, on: data.test)
        }
    }
    notebook.progress.end(summary: "")
    var table = ResultsTable(
        "Test accuracy after training on random labelled sets (\(seeds) draws each)",
        columns: ["Labelled images", "Batches per epoch", "Test accuracy"])
    for (size, values) in zip(leftoverSizes, accuracies) {
        let leftover = size % 128
        table.append([
            "\(size)", "\(size / 128) of 128" + (leftover > 0 ? " + 1 of \(leftover)" : ""),
            ResultsTable.meanAndSpread(values, as: .percent(1), countingTrials: false),
        ])
    }
    try notebook.show(table)
    let means = accuracies.map { $0.reduce(0, +) / Double($0.count) }
    print(
        String(
            format: "260 images scored %.1f points below the mean of 256 and 264.",
            100 * ((means[0] + means[2]) / 2 - means[1])))
    return accuracies
}

//: ## What each function asked for
//: The first images each function acquired in experiment 1, in the order it chose them, with
//: the digit's true label and the function's score (entropy and BALD in nats; random has no
//: score). The uncertainty-driven functions go for odd shapes and digits the 20 initial images do
//: not cover well; random takes whatever comes. The first model has seen 20 images, so many
//: candidates get an almost flat prediction: max entropy's first picks all score close to
//: $\log 10 \approx 2.30$ nats, the most any ten-way prediction can, and are told apart only in
//: decimals the captions do not show.
try notebook.cell("Show the first acquisitions") {
    let shown = min(10, plan.steps * plan.batch)
    let picks = functions.indices.flatMap { function in
        states[function][0].rounds.dropFirst().flatMap { round in
            round.queried.indices.map { (index: round.queried[$0], score: round.scores?[$0]) }
        }.prefix(shown)
    }
    let captions = picks.map { pick in
        let label = data.train.labels[pick.index]
        return pick.score.map { String(format: "%d · %.2f", label, $0) } ?? "\(label)"
    }
    try notebook.show(ImageGrid(
        title: "The first \(shown) images each function acquired (experiment 1; caption: label · score)",
        images: data.train, indices: picks.map(\.index), columns: shown, captions: captions,
        rowLabels: functions.map(\.name), pixelSize: 2))
}

//: ## Results
//: The acquired images each function needed to reach 90 % and 95 % test accuracy, read off each
//: experiment's curve (interpolated between steps) and given as mean ± sd over experiments, next
//: to what the original reported.
try notebook.cell("Compare with the original") {
    let steps = plan.steps == plans.paper.steps && plan.batch == plans.paper.batch
        ? "the original's \(plan.steps) steps of \(plan.batch)"
        : "\(plan.steps) steps of \(plan.batch) images (the original: \(plans.paper.steps) of \(plans.paper.batch))"
    var table = ResultsTable(
        "Acquired images needed to reach a test accuracy",
        columns: ["Acquisition function", "To reach 90\u{00A0}%", "To reach 95\u{00A0}%", "Original, to reach 95\u{00A0}%", "Accuracy at the end"],
        notes: [
            "Mean ± sd over \(experiments) experiments, \(steps); acquired images exclude the initial \(initialCount)"
                + " and are interpolated between steps.",
            "“k of n”: the target was reached in only k of the n experiments; the mean is over those.",
            "The original code never removed acquired images from the pool; this run does.",
            monteCarloCheck == 0
                ? "The Monte Carlo shortcut gave exactly the samples of full passes."
                : "The Monte Carlo shortcut differed from full passes by up to \(monteCarloCheck).",
        ])
    for (function, entry) in functions.enumerated() {
        let finals = states[function].compactMap { $0.curve.points.last?.accuracy }
        table.append([
            entry.name, acquiredToReach(0.90, function).text, acquiredToReach(0.95, function).text, function == 0 ? "about 450" : "—",
            ResultsTable.meanAndSpread(finals, as: .percent(1), countingTrials: false),
        ])
    }
    try notebook.show(table)
    let acquired = ResultsTable.Format.count.string(Double(plan.steps * plan.batch))
    if functions.indices.allSatisfy({ acquiredToReach(0.95, $0).neverReached }) {
        notebook.headline(
            "No acquisition function reached 95 % test accuracy within \(acquired) acquired images"
                + " (the original's max entropy: about 450)")
    } else {
        let others = [2, 1, 3].map { "\(functions[$0].name) \(acquiredToReach(0.95, $0).text)" }.joined(separator: ", ")
        notebook.headline(
            "Acquired images to reach 95 % test accuracy: max entropy \(acquiredToReach(0.95, 0).text) (original: about 450); "
                + "\(others) (of \(acquired) acquired)")
    }
}

//: ### Reading the table
//: The cell below sets each function's accuracy at the last step beside random's. A difference
//: counts only when it is larger than the larger of the two standard deviations over experiments
//: (sd below); otherwise it says no evidence either way. Last, it sets max entropy's count
//: beside the original's 450.
try notebook.cell("Read off the results") {
    let finals = functions.indices.map { function in states[function].compactMap { $0.curve.points.last?.accuracy } }
    let random = functions.count - 1
    let acquired = ResultsTable.Format.count.string(Double(plan.steps * plan.batch))
    print("After \(acquired) acquired images, each function against random's \(ResultsTable.Format.percent(2).string(TrialSpread(finals[random]).mean)):")
    let arms = functions.indices.dropLast().map { (name: functions[$0].name, values: finals[$0]) }
    for line in Verdict.lines(arms, against: finals[random]) { print(line) }
    let maxEntropy = acquiredToReach(0.95, 0).reached
    guard maxEntropy.count == experiments else {
        print("Max entropy reached 95 % in \(maxEntropy.count) of \(experiments) experiments: nothing to set beside 450.")
        return
    }
    let spread = TrialSpread(maxEntropy)
    guard experiments > 1 else {
        print(String(format: "Max entropy: 95 %% after %.0f acquired in one experiment (the original: about 450).", spread.mean))
        return
    }
    let gap = spread.mean - 450
    print(
        String(format: "Max entropy: 95 %% after %.0f ± %.0f acquired; ", spread.mean, spread.standardDeviation)
            + (abs(gap) <= spread.standardDeviation
                ? "the original's 450 is within one sd."
                : String(format: "%.0f %@ than the original's 450, beyond one sd.", abs(gap), gap < 0 ? "fewer" : "more")))
}

notebook.finish()
