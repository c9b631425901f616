import HTTPServer
import RegistryDomain

extension ChangeEvents {
    /// `direct_report.filed`, `direct_report.acknowledged`, `direct_report.closed`, in the enterprise's region. The
    /// payload names the report, never its text.
    static func directReport(_ report: DirectReport, kind: String, region: RegionCode, at: String) -> ChangeEvent {
        event("direct_report.\(kind)", resource: "/v1/reports/\(report.id)", region: region, at: at) { json in
            json.member("id", Int(report.id))
            json.member("severity", report.severity.rawValue)
            json.member("status", report.status.rawValue)
            json.member("uscc", report.uscc.value)
        }
    }
}
