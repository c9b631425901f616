/// A statistical division code or a prefix of one (区划代码): 1–12 digits. `44` Guangdong, `4420` Zhongshan.
///
/// Jurisdictions, roll-ups and access scopes all match by prefix: a region contains every code it prefixes.
public struct RegionCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: some StringProtocol, field: String = "region_code") throws(ValidationFailure) {
        guard RegionCode.isValid(text) else {
            throw ValidationFailure(field: field, code: "format", message: "a division code is 1 to 12 digits")
        }
        value = String(text)
    }

    public static func isValid(_ text: some StringProtocol) -> Bool {
        let utf8 = text.utf8
        return (1...12).contains(utf8.count) && utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// True when `other` lies within this region (this code is a prefix of it).
    public func contains(_ other: RegionCode) -> Bool { other.value.hasPrefix(value) }

    public var description: String { value }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.value < rhs.value }
}
