// What a layer above the notebook runtime (a study kit, a lab's own library) adds to every run:
// work to do before anything else, the default data folder, facts for the report's header, and
// the fingerprint of the library code the notebook is linked with. The runtime itself knows
// nothing of models, BLAS or data sets; a host tells it what a study needs.

/// The services a study layer gives a notebook run. Pass one to `Notebook(host:)`; the default
/// adds nothing (a plain notebook with no library and `data/` beside the package).
public struct NotebookHost: Sendable {
    /// Runs first of all, before the flags are read (choosing BLAS kernels, which may
    /// re-execute the process).
    public var prepareProcess: @Sendable () -> Void
    /// The data folder when `--data` is not given, or nil for `<package>/data`.
    public var defaultDataFolder: (@Sendable () -> String)?
    /// Facts about how this process computes, shown in the report's header after the machine
    /// ("BLAS": "OpenBLAS SkylakeX kernels"); read once the process is prepared.
    public var facts: @Sendable () -> [RunFact]
    /// The library sources the notebook was built with: a change to one of them reruns every
    /// cached cell and says which file changed. Nil: library changes go unnoticed.
    public var library: LibraryFingerprint?
    /// Called once the notebook is ready, before its first cell (to connect the data loaders to
    /// `Notebook.dependsOn(dataFile:)`, say).
    public var started: @MainActor @Sendable (Notebook) -> Void

    public init(
        prepareProcess: @escaping @Sendable () -> Void = {}, defaultDataFolder: (@Sendable () -> String)? = nil,
        facts: @escaping @Sendable () -> [RunFact] = { [] }, library: LibraryFingerprint? = nil,
        started: @escaping @MainActor @Sendable (Notebook) -> Void = { _ in }
    ) {
        self.prepareProcess = prepareProcess
        self.defaultDataFolder = defaultDataFolder
        self.facts = facts
        self.library = library
        self.started = started
    }
}

/// One line of the report header's facts: a short name and its value.
public struct RunFact: Codable, Equatable, Sendable {
    /// The label ("BLAS", "Convolutions").
    public var name: String
    /// The value as shown.
    public var value: String
    /// A longer form shown on hover (build details), if any.
    public var detail: String?
    /// Whether the value is long enough to take the header's full width.
    public var wide: Bool

    public init(_ name: String, _ value: String, detail: String? = nil, wide: Bool = false) {
        self.name = name
        self.value = value
        self.detail = detail
        self.wide = wide
    }
}
