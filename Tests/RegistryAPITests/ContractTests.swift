import Foundation
import Logging
import RegistryAPI
import RegistryTesting
import Testing

/// openapi.yaml and the router agree: every documented operation is routed, and every route is documented.
@Suite struct ContractTests {
    static func documentedOperations() throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../openapi.yaml")
        let text = try String(contentsOf: url.standardized, encoding: .utf8)
        var operations = Set<String>()
        var inPaths = false
        var currentPath: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("paths:") { inPaths = true; continue }
            if inPaths, let first = line.first, first != " " { break }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                currentPath = String(line.dropFirst(2).dropLast())
            } else if let path = currentPath, line.hasPrefix("    "), !line.hasPrefix("     ") {
                let key = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ":", with: "")
                if ["get", "post", "put", "patch", "delete"].contains(key) {
                    operations.insert("\(key.uppercased()) \(path)")
                }
            }
        }
        return operations
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() throws {
        let database = try TemporaryDatabase.migrated()
        let router = RegistryApplication.responder(
            storage: database.registry, isReady: { true }, logger: Logger(label: "test"))
        let routed = Set(router.registeredRoutes.map { "\($0.method.rawValue) \($0.pattern)" })
        let documented = try Self.documentedOperations()
        #expect(routed.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
        #expect(documented.subtracting(routed).sorted() == [], "documented operations without a route")
        #expect(documented.count > 5)
    }
}
