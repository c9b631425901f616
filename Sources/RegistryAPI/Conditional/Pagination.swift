import Foundation
import HTTPServer
import RegistryDomain

/// Keyset pagination (API.md, Lists): `?limit=` (default 50, max 500) and an opaque `?cursor=`; the body is
/// `{ "data": [...], "next_cursor": … }` and a `Link: <…>; rel="next"` header comes only with a next page.
/// The cursor names the last key served, so rows inserted between pages never shift or repeat others.
struct Page {
    static let defaultLimit = 50
    static let maximumLimit = 500

    var limit: Int
    /// The decoded cursor: the last key of the previous page.
    var after: String?

    /// Reads `limit` and `cursor`, adding violations to `problems`.
    init(_ query: QueryParameters, problems: inout ViolationCollector) {
        limit = Self.defaultLimit
        if let text = query["limit"] {
            if let value = Int(text), (1...Self.maximumLimit).contains(value) {
                limit = value
            } else {
                problems.add("limit", "range", "limit is a whole number from 1 to \(Self.maximumLimit)")
            }
        }
        if let cursor = query["cursor"] {
            after = Self.decode(cursor)
            if after == nil { problems.add("cursor", "format", "cursor is not one this server gave out") }
        }
    }

    static func encode(_ key: String) -> String {
        Data(("k1:" + key).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) -> String? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("k1:")
        else { return nil }
        return String(text.dropFirst(3))
    }

    /// The list document and its headers. `items` are pre-encoded JSON objects; `nextKey` the last key when
    /// the page is full and more may follow.
    static func response(request: HTTPRequest, items: [[UInt8]], nextKey: String?) -> HTTPResponse {
        var body: [UInt8] = Array(#"{"data":["#.utf8)
        for (index, item) in items.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += item
        }
        body += Array(#"],"next_cursor":"#.utf8)
        var headers: HTTPHeaders = [:]
        if let nextKey {
            let cursor = encode(nextKey)
            body += Array("\"\(cursor)\"}".utf8)
            headers.add("Link", "<\(nextLink(request, cursor: cursor))>; rel=\"next\"")
        } else {
            body += Array("null}".utf8)
        }
        return EntityTag.respond(to: request, body: body, extraHeaders: headers)
    }

    /// The same path and filters with the next cursor.
    static func nextLink(_ request: HTTPRequest, cursor: String) -> String {
        var parts = request.queryParameters.items.filter { $0.name != "cursor" }.map {
            "\(formEncode($0.name))=\(formEncode($0.value))"
        }
        parts.append("cursor=\(cursor)")
        return request.path + "?" + parts.joined(separator: "&")
    }

    static func formEncode(_ text: String) -> String {
        let unreserved = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

extension Page {
    /// The cursor as the id it names (lists keyed by a row id); a cursor that is not one is a `format` violation.
    func afterID(into problems: inout ViolationCollector) -> Int64? {
        guard let after else { return nil }
        guard let id = Int64(after) else {
            problems.add("cursor", "format", "cursor is not one this server gave out")
            return nil
        }
        return id
    }
}
