import HTTPServer
import RegistryDomain

/// Certificates: public verification for anyone, renewal for trainers and regulators.
///
/// - `GET  /v1/certificates/{number}`        open (per-address limit)  `number`, `status`, masked `holder_name`;
///   a malformed number (its check symbol catches a mistyped one) is 404 before any lookup, as is an unknown one
/// - `POST /v1/certificates/{number}/renew`  renewCertificate          trainer, regulator: a new validity from the
///   old expiry with the configured continuing-education hours since the issue or the last renewal
struct CertificateController {
    let services: Services
    var training: TrainingUseCases { TrainingUseCases(configuration: services.configuration) }

    func register(_ routes: inout Routes) {
        let services = self.services
        routes.open(.get, "/v1/certificates/{number}") { request, parameters in
            try Self.verify(request, parameters, services: services)
        }
        routes.protected(.post, "/v1/certificates/{number}/renew", .renewCertificate, renewCertificate)
    }

    static func verify(_ request: HTTPRequest, _ parameters: RouteParameters, services: Services) throws
        -> HTTPResponse
    {
        guard let number = parameters["number"].flatMap({ CertificateNumber($0) }) else {
            throw Problem.notFound("no such certificate")
        }
        let found = try services.storage.read { reader -> (Certificate, String)? in
            guard let record = try reader.certificate(number: number),
                let name = try reader.latestFiledName(ofPerson: record.certificate.personID)
            else { return nil }
            return (record.certificate, name)
        }
        guard let (certificate, name) = found else { throw Problem.notFound("no such certificate") }
        var response = EntityTag.respond(
            to: request, body: CertificateJSON.verification(certificate, holderName: name, today: services.clock.today))
        // The status changes with the date and with revocations: a cache must ask again.
        response.headers.add("Cache-Control", "no-cache")
        return response
    }

    @Sendable func renewCertificate(_ context: RequestContext) async throws -> HTTPResponse {
        guard let number = context.parameters["number"].flatMap({ CertificateNumber($0) }) else {
            throw Problem.notFound("no such certificate")
        }
        var fields = JSONFields(try JSONBody.optionalObject(context.request))
        fields.refuseUnread()
        try fields.problems.throwIfAny()
        let training = self.training
        let today = context.today
        return try await services.perform(
            context,
            respond: { record in
                let body = CertificateJSON.encode(record, today: today)
                return HTTPResponse(
                    status: .ok, headers: ["Content-Type": "application/json", "ETag": EntityTag.of(body)], bytes: body)
            }
        ) { writer in try training.renewCertificate(number, in: writer, context) }
    }
}
