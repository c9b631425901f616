import HTTPServer
import Logging
import RegistryDomain

/// The registry's HTTP application: every controller's routes on one router.
///
/// ```swift
/// let responder = RegistryApplication.responder(storage: registry, isReady: registry.isReady, logger: logger)
/// let server = Server(configuration: .init(), responder: responder, logger: logger)
/// ```
package enum RegistryApplication {
    package static func responder(
        storage: any RegistryStorage, configuration: RegistryAPIConfiguration = .init(),
        clock: RegistryClock = .system, isReady: @escaping @Sendable () -> Bool, logger: Logger
    ) -> RegistryResponder {
        let services = Services(
            storage: storage, clock: clock, configuration: configuration, isReady: isReady, logger: logger)
        var routes = Routes(router: Router(logger: logger), services: services)
        let metrics = RequestMetrics()
        HealthController(services: services).register(&routes)
        MetricsController(services: services, metrics: metrics).register(&routes)
        RosterController(services: services).register(&routes)
        EnterpriseController(services: services).register(&routes)
        TokenController(services: services).register(&routes)
        AuditController(services: services).register(&routes)
        AppointmentController(services: services).register(&routes)
        AppointmentActionController(services: services).register(&routes)
        PersonController(services: services).register(&routes)
        EventController(services: services).register(&routes)
        DocumentController(services: services).register(&routes)
        SupervisionController(services: services).register(&routes)
        TrainingSessionController(services: services).register(&routes)
        ExamController(services: services).register(&routes)
        CertificateController(services: services).register(&routes)
        TalentPoolController(services: services).register(&routes)
        CoverageTargetController(services: services).register(&routes)
        CoverageController(services: services).register(&routes)
        DashboardController(services: services).register(&routes)
        DirectReportController(services: services).register(&routes)
        DirectReportActionController(services: services).register(&routes)
        RecognitionController(services: services).register(&routes)
        RegionController(services: services).register(&routes)
        return RegistryResponder(router: routes.router, metrics: metrics, changes: services.changes)
    }
}
