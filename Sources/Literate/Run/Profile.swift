// The three sizes of a study's run, one flag apart: a smoke run, the default, and the original
// protocol in full.
import ArgumentParser

/// How much work a notebook does: `--profile quick|standard|paper`.
public enum Profile: String, CaseIterable, Codable, Sendable, ExpressibleByArgument {
    /// Every cell in a couple of minutes, for CI and first contact.
    case quick
    /// The same comparison as the paper, cut down to about 20 minutes on 2 cores (the default).
    case standard
    /// The original protocol exactly, however long it takes.
    case paper

    /// The value for this profile: `notebook.profile.choose(quick: 2, standard: 5, paper: 9)`.
    public func choose<Value>(quick: Value, standard: Value, paper: Value) -> Value {
        switch self {
        case .quick: return quick
        case .standard: return standard
        case .paper: return paper
        }
    }
}

extension Profile {
    /// The folder under the output folder that holds `study`'s report of this profile: the study
    /// itself for the standard profile (the default), a folder inside it for the others.
    func reportFolder(of study: String) -> String {
        self == .standard ? study : "\(study)/\(rawValue)"
    }

    /// The order reports are listed in: the original protocol first.
    var listingOrder: Int { self == .paper ? 0 : self == .standard ? 1 : 2 }

    /// Set before a quick run's headline in the report and the index: the quick profile trains
    /// too little for its numbers to mean anything.
    static let smokeRunBadge =
        "<span class=\"smoke\" title=\"The quick profile only checks that every cell runs; its numbers are not results. Run the standard profile for those.\">smoke run</span> "
}

