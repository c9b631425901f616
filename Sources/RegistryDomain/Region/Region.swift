/// The name of a division code (区划代码): a province, a city, a town or subdistrict (镇街). Dashboards and exports
/// show the name beside the code; a code without a name still works everywhere.
public struct Region: Hashable, Sendable {
    public static let maximumNameLength = 100

    public var code: RegionCode
    public var name: String
    /// The region a listing places this one under (`GET /v1/regions?parent=`): a proper prefix of `code`, or nil
    /// for a top level. Zhongshan's towns sit under 4420, which has no districts.
    public var parentCode: RegionCode?

    public init(code: RegionCode, name: String, parentCode: RegionCode? = nil) {
        self.code = code
        self.name = name
        self.parentCode = parentCode
    }

    /// The wire fields as decoded, every one optional.
    public struct Draft: Hashable, Sendable {
        public var name: String?
        public var parentCode: String?

        public init(name: String? = nil, parentCode: String? = nil) {
            self.name = name
            self.parentCode = parentCode
        }
    }

    /// Validates a decoded region for `code`: `name` is required (at most 100 characters); `parent_code`, when
    /// given, is a proper prefix of `code`; without it the region goes under `defaultParent`.
    public static func validated(_ draft: Draft, code: RegionCode, defaultParent: RegionCode?)
        throws(ValidationFailure) -> Region
    {
        var collector = ViolationCollector()
        let name = collector.check { () throws(ValidationFailure) in
            try TextField.required(draft.name, field: "name", maximum: maximumNameLength)
        }
        var parent = defaultParent
        if let text = draft.parentCode {
            parent = collector.check { () throws(ValidationFailure) in
                let parent = try RegionCode(text, field: "parent_code")
                guard parent.contains(code), parent != code else {
                    throw ValidationFailure(
                        field: "parent_code", code: "not_prefix", message: "parent_code is a proper prefix of the code")
                }
                return parent
            }
        }
        try collector.throwIfAny()
        guard let name else { throw ValidationFailure(collector.violations) }
        return Region(code: code, name: name, parentCode: parent)
    }
}
