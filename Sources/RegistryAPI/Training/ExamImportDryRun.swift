import HTTPServer
import RegistryDomain

/// A dry run's result, thrown to roll its transaction back.
struct ExamImportDryRun: Error {
    var outcomes: [ExamOutcome]
}
