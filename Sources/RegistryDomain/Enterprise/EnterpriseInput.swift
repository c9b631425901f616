/// An enterprise as a client or a roster line gives it: every field optional and untrusted.
///
/// `validated()` checks every field at once and derives what the roster leaves out: the size class from
/// employees and revenue, above-scale from revenue (统计上大中小微型企业划分办法 2017).
public struct EnterpriseInput: Sendable, Hashable {
    public var uscc: String?
    public var name: String?
    public var regionCode: String?
    public var sizeClass: String?
    public var aboveScale: Bool?
    public var industryCode: String?
    public var sector: String?
    public var employees: Int?
    public var revenueCNY: Int64?
    public var registeredOn: String?
    public var deregisteredOn: String?

    /// Longest accepted enterprise name, in characters.
    public static let maximumNameLength = 200

    public init(
        uscc: String? = nil, name: String? = nil, regionCode: String? = nil, sizeClass: String? = nil,
        aboveScale: Bool? = nil, industryCode: String? = nil, sector: String? = nil, employees: Int? = nil,
        revenueCNY: Int64? = nil, registeredOn: String? = nil, deregisteredOn: String? = nil
    ) {
        self.uscc = uscc
        self.name = name
        self.regionCode = regionCode
        self.sizeClass = sizeClass
        self.aboveScale = aboveScale
        self.industryCode = industryCode
        self.sector = sector
        self.employees = employees
        self.revenueCNY = revenueCNY
        self.registeredOn = registeredOn
        self.deregisteredOn = deregisteredOn
    }

    /// The input as a valid enterprise, or every violation found.
    public func validated() throws(ValidationFailure) -> Enterprise {
        var problems = ViolationCollector()
        let uscc = problems.check { () throws(ValidationFailure) in try USCC(Self.required(self.uscc, "uscc")) }
        let name = problems.check { () throws(ValidationFailure) in try Self.validName(self.name) }
        let region = problems.check { () throws(ValidationFailure) in
            try RegionCode(Self.required(self.regionCode, "region_code"))
        }
        let industry = problems.check { () throws(ValidationFailure) in
            try IndustryCode(Self.required(self.industryCode, "industry_code"))
        }
        if let code = industry, code.value.count < 3 {
            problems.add("industry_code", "format", "an enterprise's industry code names at least a division, e.g. C38")
        }
        let sector = problems.check { () throws(ValidationFailure) in
            try Self.member(Sector.self, self.sector, "sector")
        }
        if let employees, employees < 0 { problems.add("employees", "range", "employees cannot be negative") }
        if let revenueCNY, revenueCNY < 0 { problems.add("revenue_cny", "range", "revenue cannot be negative") }
        let sizeClass = problems.check { () throws(ValidationFailure) in try self.resolvedSizeClass() }
        let aboveScale = problems.check { () throws(ValidationFailure) in try self.resolvedAboveScale() }
        let registeredOn = problems.check { () throws(ValidationFailure) in
            try Self.optionalDate(self.registeredOn, "registered_on")
        }
        let deregisteredOn = problems.check { () throws(ValidationFailure) in
            try Self.optionalDate(self.deregisteredOn, "deregistered_on")
        }
        if let start = registeredOn ?? nil, let end = deregisteredOn ?? nil, end < start {
            problems.add("deregistered_on", "range", "deregistration cannot come before registration")
        }
        try problems.throwIfAny()
        guard let uscc, let name, let region, let industry, let sector, let sizeClass, let aboveScale,
            let registeredOn, let deregisteredOn
        else { throw ValidationFailure(field: "", code: "invalid", message: "the enterprise is not valid") }
        return Enterprise(
            uscc: uscc, name: name, regionCode: region, sizeClass: sizeClass, aboveScale: aboveScale,
            industryCode: industry, sector: sector, employees: employees, revenueCNY: revenueCNY,
            registeredOn: registeredOn, deregisteredOn: deregisteredOn)
    }

    // MARK: - Derivations

    private func resolvedSizeClass() throws(ValidationFailure) -> SizeClass {
        if let sizeClass { return try Self.member(SizeClass.self, sizeClass, "size_class") }
        guard let employees, let revenueCNY else {
            throw ValidationFailure(
                field: "size_class", code: "required",
                message: "give size_class, or employees and revenue_cny to derive it from")
        }
        return SizeClass.derived(employees: employees, revenueCNY: revenueCNY)
    }

    private func resolvedAboveScale() throws(ValidationFailure) -> Bool {
        if let aboveScale { return aboveScale }
        guard let revenueCNY else {
            throw ValidationFailure(
                field: "above_scale", code: "required", message: "give above_scale, or revenue_cny to derive it from")
        }
        return AboveScale.derived(revenueCNY: revenueCNY)
    }

    // MARK: - Field checks

    static func required(_ value: String?, _ field: String) throws(ValidationFailure) -> String {
        guard let value, !value.isEmpty else {
            throw ValidationFailure(field: field, code: "required", message: "\(field) is required")
        }
        return value
    }

    static func validName(_ value: String?) throws(ValidationFailure) -> String {
        let name = try required(value, "name")
        guard !name.allSatisfy(\.isWhitespace) else {
            throw ValidationFailure(field: "name", code: "required", message: "name cannot be blank")
        }
        guard name.count <= maximumNameLength else {
            throw ValidationFailure(
                field: "name", code: "length", message: "name has at most \(maximumNameLength) characters")
        }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationFailure(field: "name", code: "charset", message: "name cannot contain control characters")
        }
        return name
    }

    static func member<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ value: String?, _ field: String)
        throws(ValidationFailure) -> T where T.RawValue == String
    {
        let raw = try required(value, field)
        guard let member = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure(field: field, code: "enum", message: "\(field) is one of: \(allowed)")
        }
        return member
    }

    static func optionalDate(_ value: String?, _ field: String) throws(ValidationFailure) -> CivilDate? {
        guard let value, !value.isEmpty else { return nil }
        guard let date = CivilDate(value) else {
            throw ValidationFailure(field: field, code: "format", message: "\(field) is a date YYYY-MM-DD")
        }
        return date
    }
}

extension EnterpriseInput {
    /// The input that describes `enterprise` exactly: the base a merge patch is applied to.
    public init(_ enterprise: Enterprise) {
        self.init(
            uscc: enterprise.uscc.value, name: enterprise.name, regionCode: enterprise.regionCode.value,
            sizeClass: enterprise.sizeClass.rawValue, aboveScale: enterprise.aboveScale,
            industryCode: enterprise.industryCode.value, sector: enterprise.sector.rawValue,
            employees: enterprise.employees, revenueCNY: enterprise.revenueCNY,
            registeredOn: enterprise.registeredOn?.description, deregisteredOn: enterprise.deregisteredOn?.description)
    }
}
