// A study's three sizes as data: each profile's plan declared once, the run's plan chosen by
// `--profile` with `--trials` applied in one place, and the report's "What each profile runs"
// table generated from the same values, so the table can never disagree with what ran.

/// The plan of each profile (`quick`, `standard`, `paper`) of a study; `Plan` is the study's own
/// struct of numbers (rounds, batch, epochs, trials, …).
///
/// ```swift
/// let plans = ProfilePlans(
///     quick: Plan(steps: 2, epochs: 20, experiments: 2),
///     standard: Plan(steps: 8, epochs: 50, experiments: 3),
///     paper: Plan(steps: 98, epochs: 50, experiments: 3),
///     trials: \.experiments)
/// let plan = plans.plan(for: notebook)          // --profile chosen, --trials applied
/// try notebook.show(plans.table(rows: [("Acquisition steps", { "\($0.steps)" })], current: notebook.profile))
/// ```
public struct ProfilePlans<Plan> {
    /// A row of the profile table: what it shows, and how one plan writes it.
    public typealias Row = (label: String, value: (Plan) -> String)

    /// The smoke run's plan.
    public var quick: Plan
    /// The default, cut-down comparison's plan.
    public var standard: Plan
    /// The original protocol's plan.
    public var paper: Plan
    /// The field `--trials` overrides (trials, experiments, draws), or nil if none does.
    public var trials: WritableKeyPath<Plan, Int>?

    /// The three plans, and the field that counts trials (nil: `--trials` changes nothing).
    public init(quick: Plan, standard: Plan, paper: Plan, trials: WritableKeyPath<Plan, Int>?) {
        self.quick = quick
        self.standard = standard
        self.paper = paper
        self.trials = trials
    }

    /// The plan of `profile` as declared.
    public subscript(profile: Profile) -> Plan {
        profile.choose(quick: quick, standard: standard, paper: paper)
    }

    /// The plan of `profile` with its trials set to `trials` when given (`--trials`).
    public func plan(for profile: Profile, trials override: Int?) -> Plan {
        var plan = self[profile]
        if let field = trials, let override { plan[keyPath: field] = override }
        return plan
    }

    /// The plan this run follows: the notebook's `--profile`, with `--trials` applied (and
    /// recorded for the report, as `notebook.trials` does).
    @MainActor public func plan(for notebook: Notebook) -> Plan {
        var plan = self[notebook.profile]
        if let field = trials {
            plan[keyPath: field] = notebook.trials(
                quick: quick[keyPath: field], standard: standard[keyPath: field], paper: paper[keyPath: field])
        }
        return plan
    }

    /// The "What each profile runs" table: one row per entry of `rows`, one column per profile
    /// (paper marked as the original), the current profile named in the title.
    public func table(rows: [Row], current: Profile, notes: [String] = []) -> ResultsTable {
        var table = ResultsTable(
            "What each profile runs (this run: \(current.rawValue))",
            columns: ["", "quick", "standard", "paper (the original)"], notes: notes)
        for row in rows { table.append([row.label, row.value(quick), row.value(standard), row.value(paper)]) }
        return table
    }
}
