import Foundation
import RegistryDomain

/// Time as the registry sees it. Civil dates are China Standard Time (UTC+8); instants are RFC 3339 UTC.
/// Tests pass a fixed clock; production uses the system's.
package struct RegistryClock: Sendable {
    /// Milliseconds since the Unix epoch.
    package var epochMilliseconds: @Sendable () -> Int64

    package init(epochMilliseconds: @escaping @Sendable () -> Int64) { self.epochMilliseconds = epochMilliseconds }

    package static let system = RegistryClock { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    /// A clock stopped at `instant` milliseconds.
    package static func fixed(_ milliseconds: Int64) -> RegistryClock { RegistryClock { milliseconds } }

    /// Today's date in China Standard Time.
    package var today: CivilDate { Self.chinaDate(epochMilliseconds()) }

    /// Now, as `YYYY-MM-DDTHH:MM:SS.sssZ`: fixed width, so instants also sort as text.
    package var timestamp: String { Self.rfc3339(epochMilliseconds()) }

    package static func chinaDate(_ milliseconds: Int64) -> CivilDate {
        Instant(millisecondsSinceEpoch: milliseconds).civilDateInChina
    }

    package static func rfc3339(_ milliseconds: Int64) -> String {
        let days = milliseconds.floorDivided(by: 86_400_000)
        let rest = Int(milliseconds - days * 86_400_000)
        let date = CivilDate(daysSinceEpoch: Int(days))
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let time =
            "\(pad(rest / 3_600_000, 2)):\(pad(rest / 60_000 % 60, 2)):\(pad(rest / 1000 % 60, 2)).\(pad(rest % 1000, 3))"
        return "\(date)T\(time)Z"
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
