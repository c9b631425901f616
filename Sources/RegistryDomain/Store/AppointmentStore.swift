/// An appointment as stored, with the region of its enterprise (what scope checks need).
public struct AppointmentRecord: Sendable, Hashable {
    public var appointment: Appointment
    /// The enterprise's `region_code`, for scope checks and the change feed.
    public var regionCode: RegionCode

    public init(appointment: Appointment, regionCode: RegionCode) {
        self.appointment = appointment
        self.regionCode = regionCode
    }
}

/// Which appointments a list asks for. Every region prefix must match (the caller's scope and its filter).
public struct AppointmentQuery: Sendable, Hashable {
    public var regionPrefixes: [RegionCode] = []
    public var uscc: USCC?
    public var personID: Int64?
    public var status: AppointmentStatus?
    public var role: Role?
    /// `vacant_over_days=N`: only the appointment whose end opened a vacancy of its role (`cqo` when `role` is
    /// nil) that has lasted more than N days on `day`, one per enterprise still on the roster (see `Vacancy`).
    public var vacantOverDays: Int?
    /// Keyset cursor: only appointments whose id is greater.
    public var afterID: Int64?
    public var limit: Int = 50
    /// The day vacancies are judged on.
    public var day: CivilDate

    public init(day: CivilDate) { self.day = day }
}

public protocol AppointmentReader {
    /// The appointment with `id` (person details and history included), or nil.
    func appointment(id: Int64) throws -> AppointmentRecord?
    /// Appointments matching `query`, in id order, at most `query.limit`.
    func appointments(_ query: AppointmentQuery) throws -> [AppointmentRecord]
    /// Every appointment of one enterprise, in id order (what supersession and vacancy judge).
    func appointments(of uscc: USCC) throws -> [Appointment]
    /// Every appointment of each of `usccs` (a page of the roster), in id order, in one query.
    func appointments(ofEach usccs: [USCC]) throws -> [Appointment]
}

public protocol AppointmentWriter {
    /// The id of the person with `details.idNumber` (one per resident ID number, whichever enterprises file them),
    /// added first if new. The name, phone and e-mail are each filing's own, kept with its appointment: one
    /// enterprise's filing never changes what another filed for the same person.
    func personID(for details: PersonDetails) throws -> Int64
    /// Stores a new appointment (its `id` is ignored) with its history; returns it with its id.
    func insert(_ appointment: Appointment) throws -> Appointment
    /// Stores the appointment's current fields and appends the transitions of `history` not stored yet.
    /// - Throws: `StoreError.notFound`; `StoreError.duplicate` when it would make a second registered `cqo`.
    func save(_ appointment: Appointment) throws
}
