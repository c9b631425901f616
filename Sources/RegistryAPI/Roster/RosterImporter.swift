import CryptoSupport
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
        /// The first thousand problems whole, every one counted.
        package var problems = ViolationReport()
    }

    /// A rejected import: the file had invalid lines and `skipInvalid` was off.
    package struct Rejected: Error, Sendable {
        package var report: Report
    }

    /// Imports `bytes`. `scope` limits which regions the importer may write (nil: anywhere). Each enterprise written
    /// is appended to the change feed as `enterprise.imported` at `now` (default: the system clock), in the
    /// import's transaction, and so is the `importer`'s audit entry (every import that writes is audited, from the
    /// API and the command line alike).
    /// - Throws: `Rejected` when lines are invalid and not skipped; `ValidationFailure` for undecodable text.
    package static func run(
        _ bytes: [UInt8], charset: String?, options: Options, scope: RegionCode?, storage: any RegistryStorage,
        importer: Importer, now: String = RegistryClock.system.timestamp
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
        let report = Report(
            lines: parsed.lineCount, valid: parsed.enterprises.count, invalid: parsed.invalidLines,
            dryRun: options.dryRun, problems: parsed.problems)
        if !parsed.problems.isEmpty && !options.skipInvalid { throw Rejected(report: report) }
        if options.dryRun {
            return try storage.read { reader in
                let (accepted, onRoster, checked) = try takeOverCheck(
                    parsed.enterprises, report, scope, options, reader)
                var done = checked
                done.updated = accepted.filter { onRoster[$0.uscc] != nil }.count
                done.created = accepted.count - done.updated
                return done
            }
        }
        return try await storage.write { writer in
            // Checked in the writing transaction itself, so no change in between can slip past it.
            let (accepted, onRoster, checked) = try takeOverCheck(parsed.enterprises, report, scope, options, writer)
            var done = checked
            done.created = try writer.upsert(accepted)
            done.updated = accepted.count - done.created
            for enterprise in accepted {
                let events = ChangeEvents.enterprise(
                    enterprise, kind: "imported", at: now, previous: onRoster[enterprise.uscc])
                for event in events { try writer.append(event) }
            }
            try writer.append(importer.auditEntry(of: bytes, at: now))
            return done
        }
    }

    /// Who imports, for the one audit entry an import that writes appends (`enterprise.import`, about every
    /// enterprise, its digest the file's SHA-256), whether from the API or the command line.
    package struct Importer: Sendable {
        package var actorToken: Int64?
        package var actorRole: String
        package var requestID: String
        /// The importer's region scope (nil: the whole registry).
        package var regionCode: RegionCode?
        package init(actorToken: Int64?, actorRole: String, requestID: String, regionCode: RegionCode?) {
            self.actorToken = actorToken
            self.actorRole = actorRole
            self.requestID = requestID
            self.regionCode = regionCode
        }

        /// The command line: no token, the role `cli`, no region limit.
        package static let commandLine = Importer(actorToken: nil, actorRole: "cli", requestID: "cli", regionCode: nil)

        func auditEntry(of bytes: [UInt8], at now: String) -> AuditEntry {
            AuditEntry(
                at: now, actorToken: actorToken, actorRole: actorRole, action: "enterprise.import",
                resource: "enterprise/", requestID: requestID, digest: SHA256.hex(bytes), regionCode: regionCode)
        }
    }

    /// Refuses the lines whose USCC is on the roster outside `scope`: an import may not take over another region's
    /// enterprise by giving it a region inside (a PATCH would be 404 for the same caller). Without `skipInvalid`
    /// such a line rejects the file; with it, the line is left out and reported. Returns the enterprises to write,
    /// the current region of those already on the roster, and the report with the refused lines counted.
    static func takeOverCheck(
        _ lines: [(line: Int, enterprise: Enterprise)], _ report: Report, _ scope: RegionCode?, _ options: Options,
        _ reader: any RegistryReader
    ) throws -> (accepted: [Enterprise], onRoster: [USCC: RegionCode], report: Report) {
        let onRoster = try reader.regionCodes(of: lines.map(\.enterprise.uscc))
        guard let scope else { return (lines.map(\.enterprise), onRoster, report) }
        var report = report
        var accepted: [Enterprise] = []
        var refused: [FieldViolation] = []
        for (line, enterprise) in lines {
            if let current = onRoster[enterprise.uscc], !scope.contains(current) {
                refused.append(
                    FieldViolation(
                        field: "uscc", code: "out_of_scope",
                        message: "this USCC is on the roster outside your token's region", line: line))
            } else {
                accepted.append(enterprise)
            }
        }
        guard !refused.isEmpty else { return (accepted, onRoster, report) }
        report.valid -= refused.count
        report.invalid += refused.count
        report.problems.merge(refused)
        if !options.skipInvalid { throw Rejected(report: report) }
        return (accepted, onRoster, report)
    }
}

extension RosterImporter.Report {
    /// The report as JSON (API.md: a per-line report).
    var json: [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.member("created", created)
        json.member("dry_run", dryRun)
        json.key("error_counts")
        json.beginObject()
        for (code, count) in problems.counts { json.member(code, count) }
        json.endObject()
        json.member("error_total", problems.total)
        json.key("errors")
        json.beginArray()
        for problem in problems.kept {
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
        report.problems.problem(title: "The roster has invalid lines", lines: report.lines, invalid: report.invalid)
    }
}
