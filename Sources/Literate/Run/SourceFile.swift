// Reading a notebook's own main.swift at run time. The report shows its prose and code and the
// cache keys hash it, so it must be the code that runs. A program moved to another machine
// cannot find it; one started directly after its source was edited (without rebuilding) would
// show and hash code it does not run, and cache stale results under the new code's keys. Either
// way the run goes on, since its results are right, with a note at the top of the report and
// the cache off: refusing would throw away a run that is otherwise sound, caching would store
// results under code that did not make them.
import Foundation

/// A notebook's source as read at run time, and what is wrong with it, if anything.
struct SourceFile: Equatable {
    /// The text (invalid UTF-8 repaired), nil when the file cannot be read.
    var text: String?
    /// Why the report cannot show the code that ran, or the cache cannot be trusted: said once
    /// on the terminal and at the top of the report. Nil when all is well.
    var problem: String?

    /// Reads the source at `path` of the program at `executable` (the running one by default),
    /// checking that the source is not newer than the program built from it.
    static func read(_ path: String, executable: String? = runningExecutable) -> SourceFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "it is not there"
            return SourceFile(
                text: nil,
                problem: "The notebook's source \(path) could not be read (\(reason); was the program moved "
                    + "from the machine it was built on?): the report shows no code, and no cell was cached or replayed.")
        }
        let text = String(decoding: data, as: UTF8.self)
        if let executable, let built = modified(executable), let edited = modified(path), edited > built {
            return SourceFile(
                text: text,
                problem: "\(path) was edited after this program was built, so the code the report shows is not the "
                    + "code that ran, and no cell was cached or replayed: rebuild it (swift run does) and run again.")
        }
        return SourceFile(text: text, problem: nil)
    }

    /// The file of the running program.
    static var runningExecutable: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
    }

    private static func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}
