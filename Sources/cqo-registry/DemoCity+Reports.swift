import RegistryDomain
import RegistryStore

/// The demo city's direct reports (in every status, filed only by enterprises whose CQO is registered) and
/// recognitions, moved through the domain's own transitions.
extension DemoCity {
    static let reportSubjects: [(subject: String, body: String)] = [
        ("原料批次检测不合格", "入厂检验发现一批原料阻燃性能不达标，已封存并暂停使用。"),
        ("产品召回风险", "客户反馈一批次产品存在漏电隐患，已启动内部排查并准备召回方案。"),
        ("关键设备故障", "注塑生产线温控系统失灵，可能影响在产批次质量，已停线检修。"),
        ("供应商资质失效", "一家关键零部件供应商的生产许可证已过期，需更换供应来源。"),
        ("出口退运", "一批出口产品因标签不符被退运，正在核查原因。"),
    ]
    static let recognitionTitles: [(kind: RecognitionKind, title: String)] = [
        (.exemplaryCase, "首席质量官制度实施典型案例"), (.exemplaryCase, "质量提升典型案例"),
        (.demonstrationBase, "质量强市示范基地"), (.demonstrationBase, "首席质量官培训实践基地"),
    ]

    /// Files direct reports for about 1 in 20 of the enterprises whose CQO is registered on `today` (open,
    /// acknowledged and closed, of every severity) and adds recognitions to about 1 in 50; returns how many of each.
    mutating func fileReportsAndRecognitions(for roster: [Enterprise], in registry: SQLiteRegistry, today: CivilDate)
        async throws -> (reports: Int, recognitions: Int)
    {
        let usccs = roster.map(\.uscc)
        let appointments = try registry.read { try $0.appointments(ofEach: usccs) }
        let withCQO = Set(appointments.filter { $0.role == .cqo && $0.isRegistered(on: today) }.map(\.uscc))
        var reports: [(DirectReport, [(DirectReportError.Action, Instant, String?)])] = []
        var recognitions: [Recognition] = []
        for enterprise in roster {
            if withCQO.contains(enterprise.uscc), below(20) == 0 || reports.count < 3 {
                reports.append(plannedReport(enterprise.uscc, serial: reports.count, today: today))
            }
            if below(50) == 0 || recognitions.count < 2 {
                let (kind, title) = Self.recognitionTitles[below(Self.recognitionTitles.count)]
                let level = RecognitionLevel.allCases[below(RecognitionLevel.allCases.count)]
                recognitions.append(
                    Recognition(
                        id: 0, uscc: enterprise.uscc, kind: kind, level: level,
                        year: max(Recognition.earliestYear, min(today.year, 2021 + below(5))), title: title))
            }
        }
        let plannedReports = reports
        let plannedRecognitions = recognitions
        let at = Instant(utc: today).fixedWidthText
        try await registry.write { writer in
            for (report, steps) in plannedReports {
                var current = try writer.insert(report, filedBy: Self.actor, attachment: nil)
                for (action, instant, note) in steps {
                    let (next, step) = try current.applying(action, at: instant, by: Self.actor, note: note)
                    try writer.save(next, transition: step)
                    current = next
                }
            }
            for recognition in plannedRecognitions { _ = try writer.insert(recognition, actor: Self.actor, at: at) }
        }
        return (plannedReports.count, plannedRecognitions.count)
    }

    /// A report filed in the last 60 days and, by `serial`, left open, acknowledged, or acknowledged and closed.
    private mutating func plannedReport(_ uscc: USCC, serial: Int, today: CivilDate)
        -> (DirectReport, [(DirectReportError.Action, Instant, String?)])
    {
        let (subject, body) = Self.reportSubjects[below(Self.reportSubjects.count)]
        let filedAt = Instant(utc: today.adding(days: -below(60)), hour: 1 + below(8), minute: below(60))
        let severity = DirectReportSeverity.allCases[serial % DirectReportSeverity.allCases.count]
        let report = DirectReport(
            id: 0, uscc: uscc, subject: subject, body: body, severity: severity, filedAt: filedAt)
        let acknowledgedAt = filedAt.adding(milliseconds: Int64(1 + below(48)) * 3_600_000)
        let closedAt = acknowledgedAt.adding(milliseconds: Int64(1 + below(96)) * 3_600_000)
        switch serial % 3 {
        case 0: return (report, [])
        case 1: return (report, [(.acknowledge, acknowledgedAt, "已受理")])
        default:
            return (report, [(.acknowledge, acknowledgedAt, "已受理"), (.close, closedAt, "已核查，企业已完成整改")])
        }
    }
}
