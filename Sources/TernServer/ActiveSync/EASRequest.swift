import ActiveSync
import TernStore
import WBXML

/// One authenticated, parsed EAS request, as the command handlers see it.
struct EASRequest: Sendable {
    let line: RequestLine
    let user: User
    var device: Device
    let protocolVersion: ProtocolVersion
    /// The policy key from `X-MS-PolicyKey` or the base64 query.
    let policyKey: UInt32?
    /// The decoded body; nil for commands sent without one.
    let body: WBXMLElement?
    /// A 12.1 SendMail, SmartReply or SmartForward's message, sent as the body itself.
    var mimeBody: [UInt8]?
    /// The device takes ItemOperations data as multipart parts (WBXML bodies only).
    var acceptsMultipart = false

    /// The body read as `Request`; no body at all is refused as a body of the wrong shape is.
    func decodedBody<Request: DecodableRequest>(as _: Request.Type = Request.self) throws(RequestDecodingError<
        Request.Status
    >) -> Request {
        guard let body else { throw Request.malformed("no body") }
        return try Request(body)
    }

    /// The same request without its body, for a held request to keep while it waits.
    var withoutBody: EASRequest {
        var copy = EASRequest(
            line: line, user: user, device: device, protocolVersion: protocolVersion, policyKey: policyKey, body: nil)
        copy.acceptsMultipart = acceptsMultipart
        return copy
    }
}

/// What a handler answers: a document in the request's form, a bare HTTP status, or a
/// request the push hub holds until there is something to answer.
enum EASResponse: Sendable {
    case document(WBXMLElement)
    /// A WBXML document followed by binary parts (MS-ASCMD 2.2.2.10.1).
    case multipart(WBXMLElement, parts: [[UInt8]])
    case httpStatus(Int)
    /// A body that is no EAS document: an attachment's bytes for GetAttachment.
    case content([UInt8], contentType: String)
    case held(HeldRequest)
}
