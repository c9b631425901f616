/// Whatever turns a request into a response: a `Router`, or anything else an application supplies.
///
/// The server calls `respond` on its worker pool for each complete request, in order per connection.
/// It never throws: errors are the responder's to turn into responses (a `Router` maps them to problems).
package protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse
}
