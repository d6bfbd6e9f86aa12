// Profiles as data: the plan a run follows and the table the report shows come from one value.
import Testing

@testable import StudyKit

private struct Plan: Equatable {
    var steps: Int
    var experiments: Int
}

private var plans: ProfilePlans<Plan> { ProfilePlans(
    quick: Plan(steps: 2, experiments: 2), standard: Plan(steps: 8, experiments: 3),
    paper: Plan(steps: 98, experiments: 3), trials: \.experiments) }

@Suite struct ProfilePlansTests {
    @Test(arguments: [
        (Profile.quick, Int?.none, Plan(steps: 2, experiments: 2)),
        (.standard, nil, Plan(steps: 8, experiments: 3)),
        (.paper, nil, Plan(steps: 98, experiments: 3)),
        (.quick, 5, Plan(steps: 2, experiments: 5)),
        (.paper, 1, Plan(steps: 98, experiments: 1)),
    ])
    fileprivate func theProfileChoosesThePlanAndTrialsOverrideItsTrialField(profile: Profile, trials: Int?, plan: Plan) {
        #expect(plans.plan(for: profile, trials: trials) == plan)
    }

    @Test func withoutATrialFieldTrialsChangeNothing() {
        var fixed = plans
        fixed.trials = nil
        #expect(fixed.plan(for: .standard, trials: 7) == Plan(steps: 8, experiments: 3))
    }

    @Test func theTableHasOneRowPerDescriptionAndOneColumnPerProfile() {
        let table = plans.table(
            rows: [("Steps", { "\($0.steps)" }), ("Experiments", { "\($0.experiments)" })], current: .quick,
            notes: ["Same network everywhere."])
        #expect(table.title == "What each profile runs (this run: quick)")
        #expect(table.columns == ["", "quick", "standard", "paper (the original)"])
        #expect(table.rows == [["Steps", "2", "8", "98"], ["Experiments", "2", "3", "3"]])
        #expect(table.notes == ["Same network everywhere."])
    }
}
