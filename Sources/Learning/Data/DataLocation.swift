import Foundation

/// Where the data sets live. Data never lives in the repository: MNIST is fetched by the set-up
/// script into `data/` at the package root, Fashion-MNIST comes from Debian's
/// dataset-fashion-mnist, and CIFAR-10 is wherever the user puts it.
public enum DataLocation {
    /// The package root, found from this source file's path at build time.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Data, Learning, Sources, root
        return url.path
    }()

    /// The folder the set-up script fills: `$ACTIVE_LEARNING_DATA` if set, else `<package>/data`.
    public static var dataFolder: String {
        if let custom = ProcessInfo.processInfo.environment["ACTIVE_LEARNING_DATA"], !custom.isEmpty {
            return custom
        }
        return packageRoot + "/data"
    }

    /// Debian's Fashion-MNIST folder (package dataset-fashion-mnist).
    public static let fashionMNISTFolder = "/usr/share/datasets/fashion-mnist"

    /// The command that installs every data set and library the project uses, into the default
    /// data folder.
    public static var setupCommand: String { setupCommand(dataFolder: dataFolder) }

    /// The command that installs every data set and library the project uses, with the data
    /// sets in `dataFolder` (a notebook's `--data`, which the set-up script takes as
    /// `ACTIVE_LEARNING_DATA`).
    public static func setupCommand(dataFolder folder: String) -> String {
        let target = folder == packageRoot + "/data" ? "" : "ACTIVE_LEARNING_DATA=\(folder) "
        return "run `\(target)make setup` in \(packageRoot)"
    }
}
