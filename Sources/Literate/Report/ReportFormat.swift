// How a report writes durations and dates: short, human, and the same everywhere.
import Foundation

/// Formatting of times for reports and terminal lines.
enum ReportFormat {
    /// "0.04 s", "3.2 s", "41 s", "12 min 05 s", "2 h 03 min".
    static func duration(_ seconds: Double) -> String {
        switch seconds {
        case ..<1: return String(format: "%.2f s", max(seconds, 0))
        case ..<10: return String(format: "%.1f s", seconds)
        case ..<60: return String(format: "%.0f s", seconds)
        case ..<3600:
            let whole = Int(seconds.rounded())
            return String(format: "%d min %02d s", whole / 60, whole % 60)
        default:
            let minutes = Int((seconds / 60).rounded())
            return String(format: "%d h %02d min", minutes / 60, minutes % 60)
        }
    }

    /// "2025-11-21 07:02" in the machine's time zone.
    static func dateTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
