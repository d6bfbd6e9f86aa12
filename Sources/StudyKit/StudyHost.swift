// How this package's studies run as notebooks: what the study layer tells the notebook runtime
// (Literate, which knows nothing of models or BLAS) before the first cell.
import Learning
import Literate

extension NotebookHost {
    /// The host every study notebook runs with: `let notebook = Notebook(host: .studies)`.
    ///
    /// - OpenBLAS's fastest kernels for this CPU are chosen first (`BLASKernels.selectFastest`;
    ///   the process may re-execute itself once).
    /// - The data folder defaults to the project's (`DataLocation.dataFolder`).
    /// - The report's header names the BLAS kernels and the convolution kernels that ran.
    /// - The library sources the notebook is linked with are fingerprinted into every cached
    ///   cell's key, so a change to a kernel or a strategy reruns the cells and says which file.
    /// - Every data file the loaders read is recorded against the running cell
    ///   (`Notebook.dependsOn(dataFile:)`), so a changed data file reruns the cells that read it
    ///   and every cell after them.
    public static let studies = NotebookHost(
        prepareProcess: { BLASKernels.selectFastest() },
        defaultDataFolder: { DataLocation.dataFolder },
        facts: {
            let blas = BLASKernels.active
            let short = String(blas.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
            return [
                RunFact("BLAS", short, detail: blas),
                RunFact("Convolutions", DirectConvolution.active, wide: true),
            ]
        },
        library: .linked,
        started: { notebook in DataReads.observe { [weak notebook] path in notebook?.dependsOn(dataFile: path) } })
}

extension Notebook {
    /// A generator for the use named `stream` ("weights", "trial 3"), derived from `--seed`:
    /// the same seed and stream always give the same draws.
    nonisolated public func generator(_ stream: String) -> SeededGenerator {
        SeededGenerator(seed: seed).split(stream)
    }
}
