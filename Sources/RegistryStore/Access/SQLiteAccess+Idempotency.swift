import Foundation
import GRDB
import RegistryDomain

extension SQLiteAccess {
    func idempotentResponse(tokenID: Int64, key: String, notBefore: String) throws -> IdempotentResponse? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT request_hash, status, headers, body FROM idempotent_response
                WHERE token_id = ? AND key = ? AND created_at >= ?
                """,
            arguments: [tokenID, key, notBefore]
        ).map { row in
            IdempotentResponse(
                requestHash: try row.decode(forColumn: "request_hash"), status: try row.decode(forColumn: "status"),
                headers: try row.decode(forColumn: "headers"),
                body: [UInt8](try row.decode(Data.self, forColumn: "body")))
        }
    }

    func save(_ response: IdempotentResponse, tokenID: Int64, key: String, at: String) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO idempotent_response (token_id, key, request_hash, status, headers, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [tokenID, key, response.requestHash, response.status, response.headers, Data(response.body), at])
    }

    func removeIdempotentResponses(before: String) throws {
        // idempotent_response_created (migration 0003) makes this a range delete, usually of nothing.
        let statement = try db.cachedStatement(sql: "DELETE FROM idempotent_response WHERE created_at < ?")
        try statement.execute(arguments: [before])
    }
}
