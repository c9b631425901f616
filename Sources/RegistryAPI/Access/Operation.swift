/// Every protected operation, with exactly the roles API.md's table gives it. One place decides who may do
/// what; every route declares its operation, and a role outside the set gets 403.
enum Operation: String, CaseIterable, Sendable {
    case createEnterprise, readEnterprise, updateEnterprise, listEnterprises, importEnterprises, exportEnterprises
    case createToken, listTokens, revokeToken
    case listAuditEvents, readMetrics
    case fileAppointment, listEnterpriseAppointments, listAppointments, readAppointment
    case registerAppointment, returnAppointment, resubmitAppointment, dismissAppointment
    case createSupervisionAction, listSupervisionActions
    case uploadDocument, downloadDocument
    case readPerson
    case listEvents
    case readCoverageTargets, manageCoverageTargets, readCoverage, readCoverageWorklist
    case createTrainingSession, listTrainingSessions, readTrainingSession, replaceAttendance
    case recordExam, importExams, renewCertificate, listTalentPool
    case fileDirectReport, listDirectReports, readDirectReport, acknowledgeDirectReport, closeDirectReport
    case listRecognitions, listEnterpriseRecognitions, readRecognition, manageRecognitions
    case readRegions, manageRegions

    /// The roles that may attempt the operation (scope is checked per object afterwards).
    var allowedRoles: Set<AccessRole> {
        switch self {
        case .createEnterprise, .updateEnterprise, .importEnterprises, .exportEnterprises: [.admin, .regulator]
        case .readEnterprise, .listEnterprises: [.admin, .regulator, .enterprise, .trainer]
        case .createToken, .listTokens, .revokeToken, .listAuditEvents, .readMetrics: [.admin]
        case .fileAppointment, .dismissAppointment, .uploadDocument: [.enterprise, .regulator]
        case .listEnterpriseAppointments, .listAppointments, .readAppointment, .readPerson:
            [.admin, .regulator, .enterprise, .trainer]
        // Documents carry ID numbers whole (API.md): never for trainers or viewers.
        case .downloadDocument: [.admin, .regulator, .enterprise]
        case .registerAppointment, .returnAppointment, .createSupervisionAction, .listSupervisionActions: [.regulator]
        case .resubmitAppointment: [.enterprise]
        case .listEvents: [.admin, .regulator]
        case .readCoverageTargets, .readCoverage: [.admin, .regulator, .enterprise, .trainer, .viewer]
        case .manageCoverageTargets: [.admin]
        case .readCoverageWorklist: [.admin, .regulator]
        case .createTrainingSession, .listTrainingSessions, .readTrainingSession, .replaceAttendance, .recordExam,
            .importExams, .renewCertificate:
            [.trainer, .regulator]
        case .listTalentPool: [.admin, .regulator, .enterprise, .trainer]
        // API.md: "an enterprise with a registered CQO" files; "that enterprise (its own), regulator" read.
        case .fileDirectReport: [.enterprise]
        case .listDirectReports, .readDirectReport: [.enterprise, .regulator]
        case .acknowledgeDirectReport, .closeDirectReport: [.regulator]
        case .listRecognitions, .listEnterpriseRecognitions, .readRecognition:
            [.admin, .regulator, .enterprise, .trainer]
        case .manageRecognitions: [.regulator]
        case .readRegions: [.admin, .regulator, .enterprise, .trainer, .viewer]
        case .manageRegions: [.admin]
        }
    }
}
