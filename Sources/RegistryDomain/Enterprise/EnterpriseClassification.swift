/// Size class (大型/中型/小型/微型) under 统计上大中小微型企业划分办法 (2017).
public enum SizeClass: String, CaseIterable, Codable, Sendable {
    case large, medium, small, micro

    /// The industrial classification: large ≥ 1,000 employees and ≥ 400 million CNY revenue; medium ≥ 300 and
    /// ≥ 20 million; small ≥ 20 and ≥ 3 million; otherwise micro. Both thresholds must be met.
    public static func derived(employees: Int, revenueCNY: Int64) -> SizeClass {
        if employees >= 1_000 && revenueCNY >= 400_000_000 { return .large }
        if employees >= 300 && revenueCNY >= 20_000_000 { return .medium }
        if employees >= 20 && revenueCNY >= 3_000_000 { return .small }
        return .micro
    }
}

/// Field of the CQO system (产品/工程/服务 领域).
public enum Sector: String, CaseIterable, Codable, Sendable {
    case product, engineering, service
}

/// An industry code of GB/T 4754-2017: a section letter A–T, then 0, 2, 3 or 4 digits (section, division,
/// group, class): `C`, `C38`, `C385`, `C3857`.
public struct IndustryCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: some StringProtocol, field: String = "industry_code") throws(ValidationFailure) {
        guard IndustryCode.isValid(text) else {
            throw ValidationFailure(
                field: field, code: "format",
                message: "a GB/T 4754-2017 code is a section letter A–T followed by 2, 3 or 4 digits, e.g. C3857")
        }
        value = String(text)
    }

    /// A whole code or a prefix of one: a section letter A–T then up to four digits.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "T"),
            [1, 3, 4, 5].contains(bytes.count)
        else { return false }
        return bytes.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Manufacturing (制造业) is section C: divisions 13–43.
    public var isManufacturing: Bool { value.hasPrefix("C") }

    public var description: String { value }
}

/// Above-scale industrial enterprise (规模以上工业企业): annual main-business revenue ≥ 20 million CNY.
public enum AboveScale {
    public static let revenueThresholdCNY: Int64 = 20_000_000

    public static func derived(revenueCNY: Int64) -> Bool { revenueCNY >= revenueThresholdCNY }
}
