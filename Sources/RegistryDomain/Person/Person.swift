/// The person named in a filing (001 §(十五); 003 §3.1): name, resident ID number, phone and, optionally, e-mail.
///
/// Personal information under PIPL: see `Masking` for what those who may not see it whole get.
public struct PersonDetails: Hashable, Sendable {
    /// The longest name accepted, in characters (grapheme clusters).
    public static let maximumNameLength = 50

    /// The name, trimmed of surrounding white space: 1–50 characters, no control characters.
    public var name: String
    public var idNumber: ResidentIDNumber
    public var phone: PhoneNumber
    public var email: EmailAddress?

    public init(name: String, idNumber: ResidentIDNumber, phone: PhoneNumber, email: EmailAddress? = nil) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.email = email
    }

    /// The wire fields of a person as decoded, every one optional, so that validation can report all that is wrong.
    public struct Draft: Hashable, Sendable {
        public var name: String?
        public var idNumber: String?
        public var phone: String?
        public var email: String?

        public init(name: String? = nil, idNumber: String? = nil, phone: String? = nil, email: String? = nil) {
            self.name = name
            self.idNumber = idNumber
            self.phone = phone
            self.email = email
        }
    }

    /// Validates a draft, naming fields `<prefix>.name`, `<prefix>.id_number`, `<prefix>.phone`, `<prefix>.email`.
    /// - Throws: every violation found, at once.
    public static func validated(_ draft: Draft, prefix: String = "person") throws(ValidationFailure) -> PersonDetails {
        var collector = ViolationCollector()
        let person = validate(draft, prefix: prefix, into: &collector)
        try collector.throwIfAny()
        guard let person else { throw ValidationFailure(collector.violations) }
        return person
    }

    /// Validates a draft inside a larger input, adding violations to `collector`; nil when there is any.
    /// An empty e-mail string counts as absent.
    public static func validate(_ draft: Draft, prefix: String, into collector: inout ViolationCollector)
        -> PersonDetails?
    {
        let before = collector.violations.count
        let name = collector.check { () throws(ValidationFailure) in
            try validatedName(draft.name, field: "\(prefix).name")
        }
        let idNumber = collector.check { () throws(ValidationFailure) in
            guard let text = draft.idNumber, !text.isEmpty else {
                throw .required("\(prefix).id_number", "the resident ID number is required")
            }
            return try ResidentIDNumber(text, field: "\(prefix).id_number")
        }
        let phone = collector.check { () throws(ValidationFailure) in
            guard let text = draft.phone, !text.isEmpty else {
                throw .required("\(prefix).phone", "a phone number is required")
            }
            return try PhoneNumber(text, field: "\(prefix).phone")
        }
        let email = collector.check { () throws(ValidationFailure) -> EmailAddress? in
            guard let text = draft.email, !text.isEmpty else { return nil }
            return try EmailAddress(text, field: "\(prefix).email")
        }
        guard collector.violations.count == before, let name, let idNumber, let phone else { return nil }
        return PersonDetails(name: name, idNumber: idNumber, phone: phone, email: email ?? nil)
    }

    /// Trims white space; requires 1–50 characters and no control characters.
    static func validatedName(_ text: String?, field: String) throws(ValidationFailure) -> String {
        let name = (text ?? "").trimmingWhitespace
        guard !name.isEmpty else { throw .required(field, "a name is required") }
        guard name.count <= maximumNameLength else {
            throw ValidationFailure(field: field, code: "length", message: "a name has at most 50 characters")
        }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationFailure(field: field, code: "charset", message: "a name may not contain control characters")
        }
        return name
    }
}
