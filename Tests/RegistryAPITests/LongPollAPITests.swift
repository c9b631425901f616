import Foundation
import RegistryDomain
import RegistryTesting
import Testing

/// `GET /v1/events?wait=` over the wire: a token's long-polls are capped, and a commit wakes the ones whose region
/// it concerns. (Which waiters a commit wakes is tested without a socket in `ChangeNotifierTests`.)
@Suite struct LongPollAPITests {
    @Test func aTokenHoldsAtMostFourLongPollsAndACommitInTheirScopeWakesThem() async throws {
        try await withTestServer { server in
            let regulator = try await server.client("regulator", region: "4420")
            let admin = try await server.client("admin", region: "44")
            let polls = try await withThrowingTaskGroup(of: TestReply.self) { group in
                for _ in 0..<4 { group.addTask { try await regulator.get("/v1/events?wait=30") } }
                // Until all four wait (no sleep; a failure detector bounds it).
                let giveUp = ContinuousClock.now.advanced(by: .seconds(30))
                while server.waitingLongPolls() < 4, ContinuousClock.now < giveUp { await Task.yield() }
                try #require(server.waitingLongPolls() == 4)
                let fifth = try await regulator.get("/v1/events?wait=30")
                #expect(fifth.status == 429)
                #expect(fifth[header: "retry-after"] == "1")
                #expect(try await regulator.get("/v1/events").status == 200, "a read that does not wait is fine")
                // A commit elsewhere wakes none of them; one in their region answers them all.
                #expect(
                    try await admin.post("/v1/enterprises", json: Self.enterprise(7, region: "440300100001"))
                        .status == 201)
                #expect(server.waitingLongPolls() == 4)
                #expect(
                    try await admin.post("/v1/enterprises", json: Self.enterprise(8, region: "442000100001"))
                        .status == 201)
                var replies: [TestReply] = []
                for try await reply in group { replies.append(reply) }
                return replies
            }
            #expect(polls.map(\.status) == [200, 200, 200, 200])
            #expect(polls.allSatisfy { EventFeedTests.kinds($0) == ["enterprise.created"] })
        }
    }

    static func enterprise(_ number: Int, region: String) -> String {
        EnterpriseAPITests.body.replacingOccurrences(of: USCC.fixture(7).value, with: USCC.fixture(number).value)
            .replacingOccurrences(of: "442000100001", with: region)
    }
}
