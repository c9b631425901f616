/// The provincial talent pool (人才库, 001 §(七)): the people holding a valid, unrevoked certificate.
public enum TalentPool {
    /// The ids of the people in the pool on `date`, in ascending order.
    public static func members(certificates: [Certificate], on date: CivilDate) -> [Int64] {
        Set(certificates.filter { $0.isValid(on: date) }.map(\.personID)).sorted()
    }

    /// Whether the person with `personID` is in the pool on `date`.
    public static func contains(_ personID: Int64, certificates: [Certificate], on date: CivilDate) -> Bool {
        certificates.contains { $0.personID == personID && $0.isValid(on: date) }
    }
}
