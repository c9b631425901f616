/// A mainland China contact telephone number, stored exactly as given.
///
/// Accepted shapes:
/// - mobile: `1`, then `3`–`9`, then 9 digits (11 digits in all), e.g. `13812345678`;
/// - landline: `0`, a 2–3 digit area code remainder, an optional `-`, then a 7–8 digit local number,
///   e.g. `020-12345678`, `0760-8888888`, `076088888888`.
/// No spaces, country code or extension: the registry wants a number a regulator can dial.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// - Throws: a `ValidationFailure` on `field` with code `format`.
    public init(_ text: some StringProtocol, field: String = "phone") throws(ValidationFailure) {
        guard PhoneNumber.isValid(text) else {
            throw ValidationFailure(
                field: field, code: "format",
                message:
                    "a phone number is a mobile number (1[3-9] and 9 more digits) or a landline such as 020-12345678")
        }
        value = String(text)
    }

    public static func isValid(_ text: some StringProtocol) -> Bool {
        isMobile(Array(text.utf8)) || isLandline(Array(text.utf8))
    }

    static func isMobile(_ bytes: [UInt8]) -> Bool {
        bytes.count == 11 && bytes.allSatisfy(isDigit) && bytes[0] == UInt8(ascii: "1")
            && bytes[1] >= UInt8(ascii: "3")
    }

    static func isLandline(_ bytes: [UInt8]) -> Bool {
        guard bytes.first == UInt8(ascii: "0") else { return false }
        if let hyphen = bytes.firstIndex(of: UInt8(ascii: "-")) {
            let area = bytes[..<hyphen]
            let local = bytes[(hyphen + 1)...]
            return (3...4).contains(area.count) && area.allSatisfy(isDigit)
                && (7...8).contains(local.count) && local.allSatisfy(isDigit)
        }
        // Without a hyphen: 0 + (2…3) + (7…8) digits.
        return (10...12).contains(bytes.count) && bytes.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    public var description: String { value }
}
