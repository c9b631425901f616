/// An entry of a person's credit record (个人诚信档案): a serious supervision action.
public struct CreditRecordEntry: Sendable, Hashable {
    public var action: SupervisionAction
    public var uscc: USCC
    public var regionCode: RegionCode

    public init(action: SupervisionAction, uscc: USCC, regionCode: RegionCode) {
        self.action = action
        self.uscc = uscc
        self.regionCode = regionCode
    }
}
