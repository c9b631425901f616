import HTTPServer
import RegistryDomain

/// The roster import use case, shared by `POST /v1/enterprises/import` and `cqo-registry import enterprises`.
///
/// All-or-nothing by default: any invalid line rejects the whole file and nothing is written. With
/// `skipInvalid` the valid lines are written and the invalid ones reported. `dryRun` writes nothing either way.
/// Enterprises are upserted by USCC, so importing the same file twice changes nothing the second time.
package enum RosterImporter {
    package struct Options: Sendable {
        package var dryRun = false
        package var skipInvalid = false
        package init(dryRun: Bool = false, skipInvalid: Bool = false) {
            self.dryRun = dryRun
            self.skipInvalid = skipInvalid
        }
    }

    /// What an import did (or, on a dry run, would do).
    package struct Report: Sendable {
        package var lines = 0
        package var valid = 0
        package var invalid = 0
        package var created = 0
        package var updated = 0
        package var dryRun = false
        package var problems: [FieldViolation] = []
    }

    /// A rejected import: the file had invalid lines and `skipInvalid` was off.
    package struct Rejected: Error, Sendable {
        package var report: Report
    }

    /// Imports `bytes`. `scope` limits which regions the importer may write (nil: anywhere). Each enterprise written
    /// is appended to the change feed as `enterprise.imported` at `now` (default: the system clock), in the
    /// import's transaction.
    /// - Throws: `Rejected` when lines are invalid and not skipped; `ValidationFailure` for undecodable text.
    package static func run(
        _ bytes: [UInt8], charset: String?, options: Options, scope: RegionCode?, storage: any RegistryStorage,
        audit: (@Sendable (Report) -> AuditEntry)? = nil, now: String = RegistryClock.system.timestamp
    ) async throws -> Report {
        // Decoding and validating a large file takes seconds: off the event loop that received it.
        let parsed = try await OffLoop.run { () throws -> RosterImport.Parsed in
            let text: String
            do { text = try RosterTextDecoding.decode(bytes, declaredCharset: charset) } catch {
                throw ValidationFailure(
                    field: "body", code: "encoding", message: "the file is neither UTF-8 nor GB18030 text")
            }
            return RosterImport.parse(text) { enterprise in scope?.contains(enterprise.regionCode) ?? true }
        }
        var report = Report(
            lines: parsed.lineCount, valid: parsed.enterprises.count, invalid: parsed.invalidLines.count,
            dryRun: options.dryRun, problems: parsed.problems)
        if !parsed.problems.isEmpty && !options.skipInvalid { throw Rejected(report: report) }
        let enterprises = parsed.enterprises.map(\.enterprise)
        if options.dryRun {
            let existing = try storage.read { reader in
                try enterprises.filter { try reader.enterprise($0.uscc, on: CivilDate(daysSinceEpoch: 0)) != nil }.count
            }
            report.created = enterprises.count - existing
            report.updated = existing
            return report
        }
        let finalReport = report
        return try await storage.write { writer in
            var done = finalReport
            done.created = try writer.upsert(enterprises)
            done.updated = enterprises.count - done.created
            for enterprise in enterprises {
                try writer.append(ChangeEvents.enterprise(enterprise, kind: "imported", at: now))
            }
            if let audit { try writer.append(audit(done)) }
            return done
        }
    }
}

extension RosterImporter.Report {
    /// The report as JSON (API.md: a per-line report).
    var json: [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("created", created)
        json.member("dry_run", dryRun)
        json.key("errors")
        json.beginArray()
        for problem in problems {
            json.beginObject()
            json.member("code", problem.code)
            if !problem.field.isEmpty { json.member("field", problem.field) }
            if let line = problem.line { json.member("line", line) }
            json.member("message", problem.message)
            json.endObject()
        }
        json.endArray()
        json.member("invalid", invalid)
        json.member("lines", lines)
        json.member("updated", updated)
        json.member("valid", valid)
        json.endObject()
        return json.bytes
    }
}

extension RosterImporter.Rejected: ProblemConvertible {
    package var problem: Problem {
        Problem(
            .unprocessableContent, type: ProblemType.validation, title: "The roster has invalid lines",
            detail: "\(report.invalid) of \(report.lines) lines are invalid; nothing was written",
            errors: report.problems.map {
                Problem.FieldError(
                    field: $0.field.isEmpty ? nil : $0.field, code: $0.code, message: $0.message, line: $0.line)
            })
    }
}
