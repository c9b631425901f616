import RegistryDomain
import RegistryStore

/// The demo city's filings: appointments in every status over 2021–2025, moved through the domain's own
/// transitions (so every record is one the registry could have made), people with valid resident ID numbers.
extension DemoCity {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁")
    static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌宁欣怡嘉俊浩然")
    static let positions = ["质量副总经理", "总经理", "董事长", "总工程师", "质量总监", "品质部经理", "生产副总经理"]
    static let actor = "demo"

    /// Files, and moves along, appointments for most of `roster`, in one transaction; returns how many.
    mutating func fileAppointments(for roster: [Enterprise], in registry: SQLiteRegistry, today: CivilDate) async throws
        -> Int
    {
        var plans: [(Enterprise, [Step])] = []
        for enterprise in roster where below(100) >= 15 {
            plans.append((enterprise, plan(for: enterprise, today: today)))
        }
        let work = plans
        return try await registry.write { writer in
            var count = 0
            for (enterprise, steps) in work {
                count += try Self.apply(steps, for: enterprise, writer: writer, today: today)
            }
            return count
        }
    }

    /// What happens to one enterprise's filings, decided up front so that the write closure stays pure.
    enum Step: Sendable {
        case file(AppointmentFiling)
        case returned(String)
        case resubmit
        case register(CivilDate)
        case dismiss(CivilDate)
        case exit(CivilDate)
    }

    mutating func plan(for enterprise: Enterprise, today: CivilDate) -> [Step] {
        // Every date of the demo's history lies in 2021–2025 (and never after today).
        let today = min(today, CivilDate(year: 2025, month: 12, day: 31) ?? today)
        let role: Role = enterprise.sizeClass == .micro && below(3) == 0 ? .safetyOfficer : .cqo
        let start = CivilDate(year: 2021, month: 1, day: 1) ?? today
        let appointedOn = start.adding(days: below(1_760))  // 2021-01-01 … 2025-10
        var steps: [Step] = [.file(filing(role: role, appointedOn: appointedOn))]
        let fate = below(100)
        if fate < 8 { return steps }  // submitted, awaiting review
        if fate < 17 {
            steps.append(.returned(["缺少任命决定", "承诺书未签字", "岗位不属于企业高层管理人员"][below(3)]))
            if fate >= 14 { steps.append(.resubmit) }  // resubmitted, awaiting review again
            return steps
        }
        let registeredOn = min(appointedOn.adding(days: 5 + below(35)), today)
        steps.append(.register(registeredOn))
        let later = fate % 10
        let end = min(registeredOn.adding(days: 200 + below(700)), today)
        switch later {
        case 0: steps.append(.dismiss(end))  // left; the post may now be vacant
        case 1 where fate > 60: steps.append(.exit(end))  // removed by a supervision action
        case 2, 3:
            // A successor, registered later, supersedes the first holder.
            steps.append(.file(filing(role: role, appointedOn: end)))
            steps.append(.register(min(end.adding(days: 10 + below(20)), today)))
        default: break
        }
        return steps
    }

    mutating func filing(role: Role, appointedOn: CivilDate) -> AppointmentFiling {
        let name =
            String(Self.surnames[below(Self.surnames.count)])
            + String((0..<(1 + below(2))).map { _ in Self.givenNames[below(Self.givenNames.count)] })
        let birth = CivilDate(year: 1965 + below(31), month: 1 + below(12), day: 1 + below(28)) ?? appointedOn
        let digits = birth.description.replacingOccurrences(of: "-", with: "")
        let sequence = String(100 + below(900))
        let first17 = "442000" + digits + sequence
        let idNumber = (try? ResidentIDNumber(first17 + String(ResidentIDNumber.checkCharacter(for: first17) ?? "0")))
        let phone = try? PhoneNumber("13" + String(100_000_000 + below(900_000_000)))
        guard let idNumber, let phone else { preconditionFailure("a demo person is invalid") }
        return AppointmentFiling(
            role: role, person: PersonDetails(name: name, idNumber: idNumber, phone: phone),
            position: Self.positions[below(Self.positions.count)], isPrincipal: below(4) == 0, appointedOn: appointedOn)
    }

    /// Runs one enterprise's steps through the domain's transitions; returns how many appointments it filed.
    static func apply(_ steps: [Step], for enterprise: Enterprise, writer: any RegistryWriter, today: CivilDate) throws
        -> Int
    {
        var current: Appointment?
        var filed = 0
        var lastDay = CivilDate(daysSinceEpoch: 0)
        for step in steps {
            // Each transition is stamped on its own day (01:30 UTC, 09:30 in China), so history reads plausibly.
            let day: CivilDate =
                switch step {
                case .file(let filing): filing.appointedOn.adding(days: 1)
                case .returned, .resubmit: (current?.appointedOn ?? today).adding(days: 8)
                case .register(let date), .dismiss(let date), .exit(let date): date
                }
            lastDay = max(min(day, today), lastDay)
            let at = Instant(utc: lastDay, hour: 1, minute: 30)
            switch step {
            case .file(let filing):
                let personID = try writer.personID(for: filing.person)
                current = try writer.insert(
                    .filed(id: 0, uscc: enterprise.uscc, personID: personID, filing: filing, by: actor, at: at))
                filed += 1
            case .returned(let reason):
                current = try current.map { try $0.returnFiling(reason: reason, by: actor, at: at) }
            case .resubmit:
                current = try current.map { try $0.resubmit(filing: $0.filing, by: actor, at: at) }
            case .register(let date):
                guard let appointment = current else { continue }
                let (registered, superseded) = try appointment.registerSuperseding(
                    try writer.appointments(of: enterprise.uscc), registeredOn: max(date, appointment.appointedOn),
                    today: today, by: actor, at: at)
                for old in superseded { try writer.save(old) }
                current = registered
            case .dismiss(let date):
                current = try current.map {
                    try $0.dismiss(endedOn: date, reason: "离职", today: today, by: actor, at: at)
                }
            case .exit(let date):
                guard let appointment = current else { continue }
                current = try appointment.remove(occurredOn: date, reason: "严重失职", today: today, by: actor, at: at)
                _ = try writer.insert(
                    SupervisionAction(
                        id: 0, appointmentID: appointment.id, kind: .exit, reason: "严重失职", occurredOn: date),
                    actor: actor, at: at.description)
            }
            if case .file = step { continue }
            if let current { try writer.save(current) }
        }
        return filed
    }
}
