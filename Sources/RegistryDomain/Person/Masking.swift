/// Masked forms of personal information for those who may not see it whole (DOMAIN.md "Personal data"; PIPL).
///
/// Masking works on characters (grapheme clusters), never bytes, so a Chinese name or an emoji stays whole.
public enum Masking {
    /// The mask character.
    public static let mask: Character = "*"

    /// Keeps the first `leading` and last `trailing` characters and replaces the rest with `*`:
    /// `440***********1234`, `138****5678`.
    ///
    /// Decision: a text too short to hide at least one character while keeping both ends
    /// (`count ≤ leading + trailing`) is masked whole, so a short value is never shown in full.
    public static func keepingEnds(_ text: some StringProtocol, leading: Int = 3, trailing: Int = 4) -> String {
        let characters = Array(text)
        guard characters.count > leading + trailing else { return String(repeating: mask, count: characters.count) }
        let hidden = characters.count - leading - trailing
        return String(characters.prefix(leading)) + String(repeating: mask, count: hidden)
            + String(characters.suffix(trailing))
    }

    /// The name shown by public certificate verification: the first character kept, each following character
    /// but the last replaced by `*`, the last kept (张三明 → 张*明, 欧阳娜娜 → 欧**娜); a two-character name
    /// keeps only its first (张明 → 张*).
    ///
    /// Decision: a one-character name becomes `*` (keeping it would show the whole name); an empty name stays
    /// empty. Surrounding white space is not part of the name and is dropped.
    public static func name(_ text: some StringProtocol) -> String {
        let characters = Array(text.trimmingWhitespace)
        switch characters.count {
        case 0: return ""
        case 1: return String(mask)
        case 2: return String(characters[0]) + String(mask)
        default:
            return String(characters[0]) + String(repeating: mask, count: characters.count - 2)
                + String(characters[characters.count - 1])
        }
    }
}

extension ResidentIDNumber {
    /// `440***********1234`: the first 3 and last 4 characters kept.
    public var masked: String { Masking.keepingEnds(value) }
}

extension PhoneNumber {
    /// `138****5678`: the first 3 and last 4 characters kept.
    public var masked: String { Masking.keepingEnds(value) }
}

extension EmailAddress {
    /// `z***@example.com`: the first character of the local part kept, the rest of it hidden, the domain kept.
    public var masked: String {
        guard let at = value.lastIndex(of: "@"), let first = value.first else { return Masking.keepingEnds(value) }
        return String(first) + "***" + String(value[at...])
    }
}

extension PersonDetails {
    /// `440***********1234`.
    public var maskedIDNumber: String { idNumber.masked }
    /// `138****5678`.
    public var maskedPhone: String { phone.masked }

    /// The person as shown to a reader who may not see personal data whole (DOMAIN.md "Personal data").
    ///
    /// Decision: the name is masked as public verification masks it (张三明 → 张*明), because the 3-and-4 rule
    /// for ID numbers and phones would show almost every Chinese name whole; the e-mail keeps its first character
    /// and its domain.
    public var masked: MaskedPerson {
        MaskedPerson(name: Masking.name(name), idNumber: idNumber.masked, phone: phone.masked, email: email?.masked)
    }
}

/// A person's details with every personal field masked; see `PersonDetails.masked`.
public struct MaskedPerson: Hashable, Sendable {
    public var name: String
    public var idNumber: String
    public var phone: String
    public var email: String?

    public init(name: String, idNumber: String, phone: String, email: String?) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.email = email
    }
}
