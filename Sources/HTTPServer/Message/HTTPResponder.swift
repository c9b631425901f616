/// Whatever turns a request into a response: a `Router`, or anything else an application supplies.
///
/// The server calls `admit` on the event loop as soon as a request's head is decoded, before it reads a byte of
/// the body, then `respond` with the whole request, in order per connection. Neither throws: errors are the
/// responder's to turn into responses (a `Router` maps them to problems).
package protocol HTTPResponder: Sendable {
    /// Decides from the head alone (`head.body` is empty) whether the body is read, and how much of it: a refusal
    /// is sent at once (for `Expect: 100-continue`, instead of the `100`) and the body is never read. It runs on
    /// the event loop, so it must be quick and must not block. The default admits every head at the server's
    /// `maxBodySize`.
    func admit(_ head: HTTPRequest) -> HeadAdmission

    /// Answers a complete request; `request.admission` carries what `admit` learnt.
    func respond(to request: HTTPRequest) async -> HTTPResponse
}

extension HTTPResponder {
    package func admit(_ head: HTTPRequest) -> HeadAdmission { .admit() }
}
