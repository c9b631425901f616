import Foundation
import PackagePlugin

/// Turns files that must travel inside the binary into Swift source, so the executable works from any directory.
///
/// - `RegistryStore`: every `Migrations/NNNN_name.sql`, in name order, as `EmbeddedMigrations.all`.
/// - `RegistryAPI`: `openapi.yaml` and every file in `Sources/RegistryAPI/Resources/`, as `EmbeddedResources`.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let root = context.package.directoryURL
        let inputs: [URL]
        let kind: String
        switch target.name {
        case "RegistryStore":
            kind = "migrations"
            inputs = try files(in: root.appending(path: "Migrations"), withExtension: "sql")
        case "RegistryAPI":
            kind = "resources"
            let resources = root.appending(path: "Sources/RegistryAPI/Resources")
            inputs = [root.appending(path: "openapi.yaml")] + (try files(in: resources, withExtension: nil))
        default:
            return []
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "Embedded_\(target.name).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: [kind, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }

    private func files(in directory: URL, withExtension ext: String?) throws -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return
            names
            .filter { name in !name.hasPrefix(".") && ext.map { name.hasSuffix(".\($0)") } ?? true }
            .sorted()
            .map { directory.appending(path: $0) }
    }
}
