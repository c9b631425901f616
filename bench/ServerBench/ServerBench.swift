// Our HTTPServer alone, serving what ../shared/bench's peers serve, so that compare.sh can measure the
// server itself before the registry API exists:
//   GET /healthz                  {"status":"ok"}
//   GET /v1/enterprises/{uscc}    one row + its active appointment from the peers' SQLite file, read with a
//                                 synchronous GRDB `pool.read` (the registry's pattern), JSONEncoder like the peers
// usage: server-bench [PORT] [DB]      BENCH_LOG=info turns the access log on; BENCH_WORKERS=N sets the loops.
import Foundation
import GRDB
import HTTPServer
import Logging

struct Appointment: Encodable {
    var id: Int64
    var role: String
    var status: String
    var person_name: String
    var appointed_on: String
}

struct Enterprise: Encodable {
    var uscc: String
    var name: String
    var region_code: String
    var size_class: String
    var above_scale: Bool
    var industry: String
    var appointment: Appointment?

    enum CodingKeys: String, CodingKey { case uscc, name, region_code, size_class, above_scale, industry, appointment }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uscc, forKey: .uscc)
        try container.encode(name, forKey: .name)
        try container.encode(region_code, forKey: .region_code)
        try container.encode(size_class, forKey: .size_class)
        try container.encode(above_scale, forKey: .above_scale)
        try container.encode(industry, forKey: .industry)
        try container.encode(appointment, forKey: .appointment)
    }
}

let enterpriseSQL = """
    SELECT e.uscc, e.name, e.region_code, e.size_class, e.above_scale, e.industry,
           a.id, a.role, a.status, a.person_name, a.appointed_on
    FROM enterprises e
    LEFT JOIN appointments a ON a.uscc = e.uscc AND a.status = 'active'
    WHERE e.uscc = ?
    LIMIT 1
    """

@main
enum ServerBench {
    static func main() async throws {
        let arguments = CommandLine.arguments
        let port = arguments.count > 1 ? Int(arguments[1]) ?? 8080 : 8080
        let environment = ProcessInfo.processInfo.environment
        let dbPath =
            arguments.count > 2
            ? arguments[2] : (environment["BENCH_WORK"] ?? "/tmp/cqo-bench") + "/data/peers-200000.sqlite"
        var logger = Logger(label: "server-bench")
        logger.logLevel = environment["BENCH_LOG"] == "info" ? .info : .warning
        var dbConfig = Configuration()
        dbConfig.readonly = true
        dbConfig.maximumReaderCount = 4
        let pool = try DatabasePool(path: dbPath, configuration: dbConfig)

        var router = Router(logger: logger)
        let health = Array(#"{"status":"ok"}"#.utf8)
        router.on(.get, "/healthz") { _, _ in
            HTTPResponse(status: .ok, headers: ["Content-Type": "application/json"], bytes: health)
        }
        router.on(.get, "/v1/enterprises/{uscc}") { _, parameters in
            let uscc = parameters["uscc"] ?? ""
            let found: Enterprise? = try pool.read { db in
                let statement = try db.cachedStatement(sql: enterpriseSQL)
                guard let row = try Row.fetchOne(statement, arguments: [uscc]) else { return nil }
                var enterprise = Enterprise(
                    uscc: row[0], name: row[1], region_code: row[2], size_class: row[3],
                    above_scale: (row[4] as Int64) != 0, industry: row[5], appointment: nil)
                if let id: Int64 = row[6] {
                    enterprise.appointment = Appointment(
                        id: id, role: row[7], status: row[8], person_name: row[9], appointed_on: row[10])
                }
                return enterprise
            }
            guard let found else { throw Problem(.notFound) }
            return HTTPResponse(
                status: .ok, headers: ["Content-Type": "application/json"],
                bytes: Array(try JSONEncoder().encode(found)))
        }

        var configuration = Server.Configuration(host: "127.0.0.1", port: port)
        if let workers = environment["BENCH_WORKERS"].flatMap(Int.init) { configuration.workerCount = workers }
        let server = Server(configuration: configuration, responder: router, logger: logger)
        try await server.run()
    }
}
