import HTTPServer
import Testing

@Suite struct AccessLogTests {
    @Test func eachRequestIsLoggedWithoutItsQueryString() async throws {
        let (logger, records) = StreamLogHandler.make()
        try await withServer(logger: logger) { _, port in
            let client = try RawClient(port: port)
            try await client.send(
                "GET /people/search?name=Zhang%20San HTTP/1.1\r\nHost: t\r\nX-Request-Id: req-1\r\n\r\n")
            #expect(try await client.readResponse().status == 200)
            let record = await records.first { $0.message == "request" }
            #expect(record?.level == .info)
            #expect(record?.metadata["method"] == "GET")
            #expect(record?.metadata["path"] == "/people/search")
            #expect(record?.metadata["status"] == "200")
            #expect(record?.metadata["request_id"] == "req-1")
            #expect(record?.metadata["bytes"].flatMap { Int($0) }.map { $0 > 5 } == true)
            #expect(record?.metadata["duration_us"] != nil)
            #expect(record.map { !"\($0.metadata)".contains("Zhang") } == true)
        }
    }
}
