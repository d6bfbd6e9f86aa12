// A build tool plugin that writes, into the target it is applied to, the digest of every source
// file of the package's own library targets that target is built from (itself included). The
// notebook runtime adds it to each cached cell's key, so a change to a kernel or a strategy
// reruns the cells instead of replaying numbers the old code computed.
import Foundation
import PackagePlugin

@main
struct LibraryFingerprint: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.standardizedFileURL.path
        var files: [URL] = []
        for library in [target] + target.recursiveTargetDependencies {
            let folder = library.directoryURL.standardizedFileURL.path
            // the package's own library code only: not the checkouts of its dependencies
            guard folder.hasPrefix(root + "/Sources/") else { continue }
            files += Self.codeFiles(under: library.directoryURL)
        }
        files.sort { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("LibraryFingerprint+Linked.swift")
        return [
            .buildCommand(
                displayName: "Fingerprinting the library sources of \(target.name)",
                executable: try context.tool(named: "FingerprintSources").url,
                arguments: [root, output.path] + files.map(\.path),
                inputFiles: files, outputFiles: [output])
        ]
    }

    /// The kinds of file whose content is code: Swift, C and its headers, module maps. A
    /// documentation catalog or a README beside them changes no result.
    static let codeExtensions: Set<String> = ["swift", "c", "h", "cc", "cpp", "modulemap"]

    /// Every file of code under `folder`, however deep (C headers in include/ among them).
    static func codeFiles(under folder: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? []).filter {
            codeExtensions.contains($0.pathExtension)
                && (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }
}
