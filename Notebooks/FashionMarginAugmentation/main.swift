//: # Margin sampling with data augmentation on Fashion-MNIST
//: Can a convolutional network reach 90 % test accuracy on Fashion-MNIST with a small fraction of
//: the 60 000 training labels, if it chooses which images to have labelled and doubles every
//: labelled image with a randomly warped copy? The original study said yes: starting from 2 000
//: labels and buying 400 more per round, it reported 90.07 % after nine rounds, with 5 600 labels
//: (9.3 % of the training set).
//:
//: That run had no control. A curve that climbs with labels says nothing about the choice of
//: labels until it is set beside a curve that bought the same number at random, and nothing about
//: augmentation until it is set beside one without it. This notebook reruns the original protocol
//: and, in the same run, trains those two controls:
//:
//: - **margin + augmentation**: the original's method;
//: - **margin alone**: the same queries, no augmented copies;
//: - **random + augmentation**: augmented copies, but the 400 images of each round drawn at random.
//:
//: Each control changes one thing, so the gap between it and the original's method measures that
//: one thing.

import StudyKit

let notebook = Notebook(host: .studies)

//: ## Why these two ideas
//: **Margin sampling.** A trained model gives each unlabelled image a distribution over the ten
//: classes. Its *margin* is the gap between the two largest probabilities,
//: $$m(x) = p(\hat y_1 \mid x) - p(\hat y_2 \mid x),$$
//: near 0 when the model cannot decide between two classes (a shirt or a T-shirt?) and near 1 when
//: it is sure. The images of smallest margin sit on the model's decision boundaries, and a label
//: there moves a boundary; a label for an image the model already gets right with confidence
//: teaches it little. Margin looks only at the top two classes, which suits Fashion-MNIST, whose
//: mistakes come in pairs and triples (shirt, T-shirt, pullover, coat).
//:
//: **Augmentation.** A flipped, turned, shifted or zoomed coat is still a coat, so each labelled
//: image can train the model twice at no labelling cost. The copies teach invariances the small
//: labelled set cannot show on its own. Some are unrealistic (Fashion-MNIST's garments are all
//: upright, and a shoe upside down is never seen at test time); whether they help on balance is one
//: of the things the controls measure.

//: ## The protocol, and how each profile cuts it
//: The original, which the `paper` profile follows: 200 random training images of every class
//: are labelled first (2 000), and the rest of the 60 000 is the pool. Every round a fresh network
//: is trained for 40 epochs on all labelled images plus one augmented copy of each, scored on the
//: 10 000 test images, and used to rank the whole pool by margin; the 400 of smallest margin are
//: labelled and leave the pool. Nine rounds bring the labels to 5 600.
//:
//: Three strategies of ten trainings each, on up to 11 200 images for 40 epochs, is about
//: 7.6 million image passes: hours on this machine's two cores, where the network trains at a few
//: hundred images a second. The `standard` profile keeps the model, the initial set, the label
//: budget and every strategy, and cuts three things: it buys the 3 600 labels in three rounds of
//: 1 200 (at 3 200, 4 400 and 5 600 labels, all points the original reported), trains each model
//: for 5 epochs instead of 40 — or for as many as make 1 000 steps of 32 images, where 5 epochs
//: would make fewer — and ranks a random 10 000 of the pool each round instead of all of it.
//:
//: The floor of 1 000 steps is there because of batch normalisation. At test time each of its
//: layers normalises by running averages of the batch statistics, which forget at 1 % a step and
//: so lag behind the weights by about a hundred steps. A first trial with a flat 6 epochs showed
//: what that costs: the 2 000 images of margin alone make only 375 steps, and that model, which
//: got 84 % of its training batches right, scored 15 % on the test set. A thousand steps let the averages
//: settle; they also give the strategy without copies as many steps as the others at the start.
//:
//: Larger batches are known to cost margin sampling a little (the 1 200 chosen at once are more
//: alike than three batches of 400 chosen in turn), and fewer epochs cost every strategy accuracy,
//: augmentation more than the others since its copies are harder to fit; so the standard profile's
//: numbers sit below the original's, and its margin-versus-random gap is if anything understated.
//: The `quick` profile only shows that every cell works: with 100 labels and two epochs the
//: network has barely started to learn (its normalisation statistics have hardly moved from their
//: starting values), so its accuracies are near chance and mean nothing.
/// The numbers of one run: everything a profile changes.
struct Plan: Codable {
    /// Images of each class labelled before the first round.
    var initialPerClass: Int
    /// Query rounds after the initial model.
    var rounds: Int
    /// Labels bought per round.
    var queriesPerRound: Int
    /// Training epochs of each fresh model.
    var epochs: Int
    /// Steps of 32 images each model trains for at least, adding epochs to `epochs` where the set
    /// is small; nil trains for `epochs` alone.
    var minimumSteps: Int?
    /// Pool images ranked by margin each round, drawn at random; nil ranks the whole pool.
    var candidates: Int?
    /// Test images every model is scored on (the first ones of the test set).
    var testImages: Int
    /// Independent trials (initial set, weights, augmented copies) of every strategy.
    var trials: Int

    /// Labels before the first round.
    var initialLabels: Int { 10 * initialPerClass }
    /// Labels after the last round.
    var finalLabels: Int { initialLabels + rounds * queriesPerRound }
    /// Labels after round `round` (0: the initial model).
    func labels(afterRound round: Int) -> Int { initialLabels + round * queriesPerRound }
    /// The epochs a model trains for on `images` images: `epochs`, or enough for `minimumSteps`.
    func epochs(forImages images: Int) -> Int {
        guard let minimumSteps, images > 0 else { return epochs }
        return max(epochs, (minimumSteps * 32 + images - 1) / images)
    }
}

let plans = ProfilePlans(
    quick: Plan(
        initialPerClass: 10, rounds: 2, queriesPerRound: 50, epochs: 2, minimumSteps: nil, candidates: 300,
        testImages: 500, trials: 2),
    standard: Plan(
        initialPerClass: 200, rounds: 3, queriesPerRound: 1_200, epochs: 5, minimumSteps: 1_000, candidates: 10_000,
        testImages: 10_000, trials: 1),
    paper: Plan(
        initialPerClass: 200, rounds: 9, queriesPerRound: 400, epochs: 40, minimumSteps: nil, candidates: nil,
        testImages: 10_000, trials: 1),
    trials: \.trials)
/// This run's plan: `--profile`'s, with `--trials` trials if given.
let plan = plans.plan(for: notebook)
let trials = plan.trials

/// What the original reported for margin + augmentation: labels after each round, test accuracy.
let reported = LearningCurve(
    labels: Array(stride(from: 2_000, through: 5_600, by: 400)),
    accuracies: [0.8494, 0.8605, 0.8624, 0.8683, 0.8738, 0.8809, 0.8829, 0.8961, 0.8626, 0.9007])

/// One arm of the comparison: how it chooses and whether it trains on augmented copies.
struct Arm {
    var name: String
    var strategy: any QueryStrategy
    var augmented: Bool
}

let arms = [
    Arm(name: "margin + augmentation", strategy: MarginSampling(), augmented: true),
    Arm(name: "margin alone", strategy: MarginSampling(), augmented: false),
    Arm(name: "random + augmentation", strategy: RandomSampling(), augmented: true),
]

/// Images passed through the network in training by one arm of one trial: every round's training
/// set (the labels, doubled when augmented) times its epochs.
func trainingPasses(_ plan: Plan, augmented: Bool) -> Int {
    (0...plan.rounds).reduce(0) { total, round in
        let images = plan.labels(afterRound: round) * (augmented ? 2 : 1)
        return total + images * plan.epochs(forImages: images)
    }
}

try notebook.cell("The three profiles") {
    let count = { (value: Int) in ResultsTable.Format.count.string(Double(value)) }
    let rows: [ProfilePlans<Plan>.Row] = [
        ("Initial labels (stratified)", { "\(count($0.initialLabels)) (\($0.initialPerClass) per class)" }),
        ("Rounds × labels per round", { "\($0.rounds) × \(count($0.queriesPerRound))" }),
        ("Labels at the end", { count($0.finalLabels) }),
        ("Epochs per model", { profile in
            profile.minimumSteps.map { "\(profile.epochs), or more to make \(count($0)) steps" } ?? "\(profile.epochs)"
        }),
        ("Pool images ranked per round", { $0.candidates.map(count) ?? "all (58 000 → 54 400)" }),
        ("Test images", { count($0.testImages) }),
        ("Trials", { "\($0.trials)" }),
        ("Training image passes, all strategies", { profile in
            count(profile.trials * arms.reduce(0) { $0 + trainingPasses(profile, augmented: $1.augmented) })
        }),
    ]
    try notebook.show(plans.table(
        rows: rows, current: notebook.profile,
        notes: [
            "Every profile trains the same network with Adam (learning rate 1e-3, decay 1e-6), batch 32,"
                + " a fresh model every round, and runs all three strategies."
        ]))
    if trials != plans[notebook.profile].trials { print("--trials \(trials): \(trials) trials of every strategy.") }
}

//: ## The data
//: Fashion-MNIST: 28×28 grey photographs of ten kinds of garment, 60 000 for training and 10 000
//: for testing, pixels scaled from 0–255 to $[0, 1]$. The training labels play the oracle: a label
//: is read only when a strategy pays for it.
let data = try notebook.cell("Load Fashion-MNIST") {
    let fashion = try FashionMNIST.load()
    let test = fashion.test.prefix(plan.testImages)
    print("training set \(fashion.train.count) images, test set \(test.count) of \(fashion.test.count) images")
    print("classes: \(fashion.train.classNames.joined(separator: ", "))")
    return TrainTestSplit(train: fashion.train, test: test)
}
let classNames = data.train.classNames

//: ## The first 2 000 labels
//: Each trial draws its initial set at random, 200 images of every class, so that the first model
//: has seen every kind of garment equally often. The three strategies of a trial share its
//: initial set and its random streams (weights, shuffling, dropout, augmented copies), so the two
//: augmented strategies start from the very same model and their curves part only where their
//: choices do; margin alone trains its first model on the 2 000 images without copies.
let initialSets = try notebook.cell("Draw the initial labelled sets") {
    try (0..<trials).map { trial in
        var pool = LabelingPool(oracle: data.train)
        var generator = notebook.generator("initial set \(trial)")
        let chosen = try pool.labelStratified(perClass: plan.initialPerClass, using: &generator)
        print("trial \(trial + 1): \(chosen.count) labels, \(pool.unlabeledIndices.count) images left in the pool")
        return chosen
    }
}
/// The first `shownPerClass` images of each class in trial 1's initial set, class 0's first.
let shownPerClass = min(8, plan.initialPerClass)
let initialShown = (0..<classNames.count).flatMap { label in
    initialSets[0].filter { data.train.labels[$0] == label }.prefix(shownPerClass)
}
try notebook.show(ImageGrid(
    title: "Part of trial 1's initial labelled set: \(shownPerClass) of the \(plan.initialPerClass) images of each class",
    images: data.train, indices: initialShown, columns: shownPerClass, captions: [], rowLabels: classNames))

//: ## The augmenter
//: Each copy is one draw of four random transformations in Keras's sense: a left–right and a
//: top–bottom flip, each with probability ½; a rotation by up to ±0.15 of a turn (±54°); a shift
//: by up to ±15 % of the height and of the width; and a zoom in or out by up to 15 %, the same
//: on both axes. The four are chained into one map and the image is resampled once,
//: bilinearly; where the map reaches outside the image the pixels are mirrored back in (Keras's
//: "reflect" fill), so no black corners appear that the test images never have.
//:
//: Every labelled image gets exactly one copy, drawn once and kept for all later rounds, with its
//: own label and no labelling cost: a training set of $2L$ images for $L$ labels.
let augmenter = Augmenter([
    RandomFlip(.horizontalAndVertical), RandomRotation(factor: 0.15),
    RandomTranslation(heightFactor: 0.15, widthFactor: 0.15), RandomZoom(heightFactor: 0.15),
])
try notebook.cell("Show augmented copies beside their originals") {
    /// Two images of every class from trial 1's initial set, each with one augmented copy.
    let originals = (0..<classNames.count).flatMap { label in
        initialSets[0].filter { data.train.labels[$0] == label }.prefix(2)
    }
    var generator = notebook.generator("augmentation examples")
    let set = data.train.subset(originals)
    let copies = augmenter.augment(set, using: &generator)
    let half = originals.count / 2
    /// Rows: originals 0..<10, their copies, originals 10..<20, their copies.
    let order = [
        Array(0..<half), Array(0..<half).map { $0 + originals.count },
        Array(half..<originals.count), Array(half..<originals.count).map { $0 + originals.count },
    ].flatMap { $0 }
    try notebook.show(ImageGrid(
        title: "Training images (rows 1 and 3) and one augmented copy of each (rows 2 and 4)",
        images: set.appending(copies), indices: order, columns: half, classNames: true,
        rowLabels: ["original", "copy", "original", "copy"]))
}

//: ## The network, and how fast it trains here
//: Three convolution blocks, each a 3×3 convolution ('same' padding, ReLU) of 64, 128 and then
//: 256 filters, batch normalisation, 2×2 max-pooling and dropout .25; then dense layers of 1 024
//: and 512 units (ReLU, dropout .25 each) and the ten-way softmax. It trains with Adam at learning
//: rate $10^{-3}$ on the categorical cross-entropy in batches of 32. The original also set Keras's
//: legacy `decay` of $10^{-6}$, which lowers the learning rate after $t$ steps to
//: $10^{-3}/(1 + 10^{-6}\,t)$: only 1.4 % lower at the end of the longest training (14 000 steps),
//: but kept for fidelity.
//:
//: The cell times one short training on this machine and projects what the chosen profile's
//: training will cost (scoring the pool and the test set comes on top).
/// A trainer of fresh networks, reporting its epochs to `progress`: each trains on its set for the
/// plan's epochs, its weights, shuffling and dropout masks drawn from the generator it is handed.
func freshNetworks(_ progress: any ProgressObserver) -> ActiveLearner.Trainer {
    { set, generator in
        let model = try StudyModels.fashionCNN(generator: &generator)
        try model.fit(set, epochs: plan.epochs(forImages: set.count), batchSize: 32, generator: &generator, progress: progress)
        return model
    }
}

try notebook.cell("Time the network") {
    var generator = notebook.generator("timing")
    let model = try StudyModels.fashionCNN(generator: &generator)
    print("\(ResultsTable.Format.count.string(Double(model.parameterCount))) trainable parameters")
    let sample = data.train.prefix(notebook.profile == .quick ? 128 : 512)
    let stopwatch = Stopwatch()
    try model.fit(sample, epochs: 1, batchSize: 32, generator: &generator)
    let rate = Double(sample.count) / stopwatch.wallSeconds
    let passes = plan.trials * arms.reduce(0) { $0 + trainingPasses(plan, augmented: $1.augmented) }
    print(String(
        format: "training: %.0f images/s on this machine now; the %@ profile trains %d image passes, about %.0f minutes",
        rate, notebook.profile.rawValue, passes, Double(passes) / rate / 60))
}

//: ## Query, label, augment, retrain
//: The expensive cell. Each strategy of each trial is a learner job: round 0 trains on the
//: initial labels; every later round ranks the candidates by the last model's margin (or, for the
//: random arm, draws them at random), labels the chosen ones, adds their augmented copies, trains a
//: fresh network on everything, and scores it on the test set. The jobs run one after another,
//: trial 1's three strategies first; each draws from its own copy of its trial's random streams,
//: so the order changes no number. After every round a job's state is checkpointed with the
//: round's trained network and its Adam moments (some 130 MB, several seconds to write): a killed
//: run resumes each job at the round it reached and queries with that network, as an
//: uninterrupted run would. When a job's last round ends, its network's confusion matrix on the
//: test set is kept for the per-class comparison below.
/// One finished arm of one trial: the learner's record and its last model's confusion matrix.
struct ArmRun: Codable {
    var arm: Int
    var trial: Int
    var state: ActiveLearnerState
    var confusion: ConfusionMatrix
}

let runs = try notebook.cell("Run the three strategies", cached: true) {
    let pairs = (0..<trials).flatMap { trial in arms.indices.map { (trial: trial, arm: $0) } }
    let jobs = pairs.map { trial, arm in
        let name = "trial \(trial + 1) · \(arms[arm].name)"
        return LearnerJob<ConfusionMatrix?>(
            name: name, rounds: plan.rounds + 1, pool: LabelingPool(oracle: data.train),
            initialLabels: { pool in _ = try pool.label(initialSets[trial]) }, test: data.test,
            strategy: arms[arm].strategy,
            configuration: .init(
                queriesPerRound: plan.queriesPerRound,
                // the random arm reads no prediction: scoring exactly the images it draws costs nothing
                candidatesPerRound: arms[arm].strategy is RandomSampling ? plan.queriesPerRound : plan.candidates,
                augmenter: arms[arm].augmented ? augmenter : nil),
            generator: notebook.generator("trial \(trial)"), train: freshNetworks, notes: nil,
            afterRound: { finished, confusion in
                let record = finished.record
                print(String(
                    format: "%@ · round %d: %d labels, %d training images × %d epochs, accuracy %.4f (%.0f s)",
                    name, record.round, record.labelsSpent, record.trainingSetSize,
                    plan.epochs(forImages: record.trainingSetSize), record.accuracy, record.seconds))
                if record.round == plan.rounds, let model = finished.learner.model {
                    confusion = ConfusionMatrix(model, on: data.test)
                }
            })
    }
    let finished = try LearnerRun("Strategies × trials", jobs: jobs).run(in: notebook)
    return zip(pairs, finished).map { pair, run in
        guard let confusion = run.notes else {
            preconditionFailure("\(run.name) ended at round \(run.state.round) without its confusion matrix")
        }
        var state = run.state
        state.model = nil  // 130 MB of JSON: the figures below need the records only
        return ArmRun(arm: pair.arm, trial: pair.trial, state: state, confusion: confusion)
    }
}

/// The runs of arm `arm`, one per trial.
func runs(of arm: Int) -> [ArmRun] { runs.filter { $0.arm == arm } }
/// Trial 1's margin + augmentation run: the one the figures of single runs show.
let showcase = runs(of: 0)[0]

//: ## What margin sampling asks for
//: The images each round of trial 1's margin + augmentation run bought first, the ten of smallest
//: margin, with their true class and their margin under the model of the round before. They are
//: mostly the garments a person also hesitates over: coats, pullovers, shirts and T-shirts, whose
//: outlines differ by a collar, a zip or the length of a sleeve, and the odd boot that might be a
//: sneaker.
try notebook.cell("Show each round's most uncertain queries") {
    let shown = 10
    let rounds = showcase.state.rounds.dropFirst()
    let indices = rounds.flatMap { $0.queried.prefix(shown) }
    let captions = rounds.flatMap { record in
        zip(record.queried.prefix(shown), (record.scores ?? []).prefix(shown)).map { index, margin in
            "\(classNames[data.train.labels[index]])\n" + (margin < 0.0001 ? "m < 0.0001" : String(format: "m = %.4f", margin))
        }
    }
    try notebook.show(ImageGrid(
        title: "The \(shown) smallest-margin queries of each round (true class, margin)",
        images: data.train, indices: indices, columns: shown, captions: captions,
        rowLabels: rounds.map { "Round \($0.round)" }))
    for record in rounds {
        let margins = record.scores ?? []
        print(String(
            format: "round %d: %d queried, margins from %.5f to %.4f", record.round, record.queried.count,
            margins.first ?? 0, margins.last ?? 0))
    }
}

//: Which classes the labels went to: each row counts a round's queries by true class. Random
//: sampling would spread them evenly, 10 % to every class; margin sampling spends most on the few
//: classes the model confuses.
try notebook.cell("Count the queries by class") {
    let rounds = Array(showcase.state.rounds.dropFirst())
    let counts = rounds.map { record in
        (0..<classNames.count).map { label in Double(record.queried.filter { data.train.labels[$0] == label }.count) }
    }
    try notebook.show(HeatMap(
        title: "Margin + augmentation, trial 1: labels bought per round and class", values: counts,
        rowLabels: rounds.map { "Round \($0.round)" }, columnLabels: classNames, rowTitle: "round",
        columnTitle: "true class of the queried images", size: (720, 120 + 40 * Double(rounds.count))))
}

//: ## Learning curves
//: Test accuracy against labels bought, for the three strategies (the mean over trials, with a
//: band of ± one standard deviation when there is more than one), and the original's reported
//: curve for margin + augmentation, dashed.
try notebook.cell("Plot the learning curves") {
    var series = arms.indices.map { arm in
        var line = LineSeries(name: arms[arm].name, curves: runs(of: arm).map(\.state.curve), color: Color.series(arm))
        if trials == 1 { line.band = nil }  // one trial has no spread to shade
        return line
    }
    series.append(LineSeries(
        name: "margin + augmentation, reported by the original", x: reported.points.map { Double($0.labels) },
        y: reported.points.map(\.accuracy), dashed: true, color: Color.series(0)))
    try notebook.show(LinePlot(
        title: "Test accuracy against labels bought", xLabel: "labels bought (the initial set included)",
        yLabel: "test accuracy", series: series, targets: [TargetLine(0.90, label: "90 % target")],
        yStyle: .percent, size: (760, 440)))
}

//: ## Which classes stay hard
//: Test accuracy within each class for the last model of every strategy (its recall), and where
//: the last margin + augmentation model puts the images it gets wrong. Trousers, bags, sandals,
//: sneakers and boots have shapes of their own; the upper-body garments share one outline and take
//: most of the errors.
try notebook.cell("Compare the classes") {
    let series = arms.indices.map { arm in
        let perClass = runs(of: arm).map { $0.confusion.perClassAccuracy.map { $0 ?? 0 } }
        let spreads = (0..<classNames.count).map { label in TrialSpread(perClass.map { $0[label] }) }
        return BarChart.Series(
            name: arms[arm].name, values: spreads.map(\.mean),
            errors: trials > 1 ? spreads.map(\.standardDeviation) : nil, color: Color.series(arm))
    }
    try notebook.show(BarChart(
        title: "Per-class test accuracy of each strategy's last model (\(ResultsTable.Format.count.string(Double(plan.finalLabels))) labels)",
        categories: classNames, series: series, yLabel: "test accuracy within the class", yRange: .fixed(0, 1), yStyle: .percent,
        showsValues: false, size: (860, 420)))
    try notebook.show(HeatMap.confusionMatrix(
        title: "Margin + augmentation, trial 1: the last model's confusion matrix (test set)",
        counts: showcase.confusion.counts, classes: classNames, size: (700, 620)))
}

//: ## Results
//: Test accuracy after every round: the original's reported figure beside this run's three
//: strategies (mean ± standard deviation where several trials ran). Below them, the labels each
//: curve needed to reach 88 % and 90 %: where it first crosses the target, read by linear
//: interpolation between the rounds on either side (the original's 90 % falls just short of its
//: last round, at 5 593). Where only some trials get there, the count is their mean and says how
//: many did ("(2 of 3)"); a curve that never gets there says so, with its best accuracy instead.
/// The labels `arm` needed to reach `target`: "4 120 ± 90" over the trials, "(2 of 3)" when
/// only some got there, and when none did, the best accuracy it saw instead.
func labelsNeeded(_ target: Double, arm: Int) -> String {
    let curves = runs(of: arm).map(\.state.curve)
    let needed = LabelsToReach(target, curves: curves)
    guard needed.neverReached else { return needed.text }
    return "not reached (best \(ResultsTable.Format.percent(1).string(curves.compactMap(\.bestAccuracy).max() ?? 0)))"
}
/// Each arm's test accuracies at the last round, one per trial, in the order of `arms`.
let finals = arms.indices.map { arm in runs(of: arm).compactMap { $0.state.curve.points.last?.accuracy } }

try notebook.cell("Compare with the original") {
    let labels = Set(reported.points.map(\.labels) + (0...plan.rounds).map(plan.labels(afterRound:))).sorted()
    var table = ResultsTable(
        "Test accuracy by labels bought: the original against this run (\(notebook.profile.rawValue) profile)",
        columns: ["Labels bought", "Reported by the original"] + arms.map(\.name),
        notes: [
            "This run: \(trials == 1 ? "one trial" : "mean ± sd over \(trials) trials") of each strategy;"
                + " \(plan.epochs) epochs per model\(plan.minimumSteps.map { " (at least \($0) steps)" } ?? "") (the original: 40); "
                + (plan.candidates.map { "\($0) random pool images ranked per round" } ?? "the whole pool ranked every round")
                + "; \(plan.testImages) test images.",
            "The original ran margin + augmentation only. “—”: no round ended at that label count.",
        ])
    let percent = ResultsTable.Format.percent(trials == 1 ? 2 : 1)
    for count in labels {
        let original = reported.points.first { $0.labels == count }.map { ResultsTable.Format.percent(2).string($0.accuracy) } ?? "—"
        let ours = arms.indices.map { arm in
            let values = runs(of: arm).compactMap { run in run.state.curve.points.first { $0.labels == count }?.accuracy }
            return values.isEmpty ? "—" : ResultsTable.meanAndSpread(values, as: percent, countingTrials: false)
        }
        table.append([ResultsTable.Format.count.string(Double(count)), original] + ours)
    }
    let original = { (target: Double) in reported.labelsToReach(target).map { ResultsTable.Format.count.string($0) } ?? "not reached" }
    for target in [0.88, 0.90] {
        table.append(
            ["Labels to reach \(Int(target * 100))\u{202F}%", original(target)] + arms.indices.map { labelsNeeded(target, arm: $0) })
    }
    try notebook.show(table)

    let final = { (arm: Int) in ResultsTable.meanAndSpread(finals[arm], as: .percent(1), countingTrials: false) }
    notebook.headline(
        "Margin + augmentation: \(final(0)) with \(ResultsTable.Format.count.string(Double(plan.finalLabels))) labels"
            + " (original 90.1 %); margin alone \(final(1)), random + augmentation \(final(2))")
}

//: ## What the numbers say
//: Each control changes one thing, so two differences at the last round answer the study's two
//: questions: margin + augmentation against random + augmentation measures the *choice* of
//: labels, and margin + augmentation against margin alone measures the *copies*. A difference
//: is only evidence if it is larger than the noise of a single training. With several trials
//: the standard deviation measures that noise; with one, the cell takes as its yardstick the
//: largest fall of any curve from one round to the next: accuracy that drops while labels grow
//: is the training's own scatter, not the labels. Five-epoch models (the standard profile)
//: scatter more than forty-epoch ones, and augmented sets, twice as large and harder to fit,
//: suffer most from short training, so the standard profile understates what the copies do.
try notebook.cell("Read off the two effects") {
    let noise = trials > 1
        ? finals.map { TrialSpread($0).standardDeviation }.max() ?? 0
        : Verdict.largestFall(in: runs.map(\.state.curve))
    let yardstick = trials > 1
        ? String(format: "the largest standard deviation over the %d trials, %.1f points", trials, 100 * noise)
        : String(format: "the largest fall of a curve between two rounds, %.1f points", 100 * noise)
    print("At \(ResultsTable.Format.count.string(Double(plan.finalLabels))) labels; noise yardstick: \(yardstick).")
    for (question, other) in [("choosing by margin (against random + augmentation)", 2), ("the augmented copies (against margin alone)", 1)] {
        let verdict = Verdict(finals[0], against: finals[other], yardstick: noise)
        let call = switch verdict.call {
        case .ahead: "helps"
        case .behind: "hurts"
        default: "within the noise: no evidence either way"
        }
        print("  \(question): \(NumberStyle.plain.formatSigned(100 * verdict.difference, decimals: 1)) points, \(call)")
    }
    let means = finals.map { TrialSpread($0).mean }
    let best = arms.indices.max { means[$0] < means[$1] } ?? 0
    print("  Highest at the last round: \(arms[best].name), \(ResultsTable.Format.percent(1).string(means[best])) (original 90.1 %).")
}

notebook.finish()
