public import WBXML

/// Why a command's request could not be read, and the Status the command answers it with: each
/// request decoder throws it with its own command's status type, so a handler never picks the
/// number itself.
public struct RequestDecodingError<Status: CommandStatus>: Error, Hashable, CustomStringConvertible {
    public let status: Status
    /// What was wrong, for the log.
    public let reason: String

    public init(_ status: Status, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    public var description: String { "\(reason) (\(status))" }
}

/// A command's request as a device sends it, read from its body.
public protocol DecodableRequest: Sendable {
    associatedtype Status: CommandStatus
    /// The root element of the request's body.
    static var rootTag: WBXMLTag { get }
    /// The Status a body that is not this request, or no body, is answered with.
    static var malformedStatus: Status { get }

    init(_ root: WBXMLElement) throws(RequestDecodingError<Status>)
}

extension DecodableRequest {
    /// The error for a body that is not this request.
    public static func malformed(_ reason: String) -> RequestDecodingError<Status> {
        RequestDecodingError(malformedStatus, reason)
    }

    /// Refuses a body whose root is not `rootTag`.
    static func requireRoot(_ root: WBXMLElement) throws(RequestDecodingError<Status>) {
        guard root.tag == rootTag else { throw malformed("the root is \(root.tag), not \(rootTag)") }
    }
}

extension CommandStatus {
    /// A common status (MS-ASCMD 2.2.2) in this command's Status element, as 14.0+ allows.
    public init(_ common: CommonStatus) { self.init(rawValue: common.rawValue) }

    /// Whether this is one of the common status codes (101 and up), which a 14.0+ server
    /// sends in any command and an older one answers with an HTTP status instead.
    public var isCommon: Bool { rawValue > 100 }
}

extension WBXMLElement {
    /// The text of the first child `tag`, or `Request`'s refusal when there is none.
    func requiredText<Request: DecodableRequest>(_ tag: WBXMLTag, for _: Request.Type) throws(RequestDecodingError<
        Request.Status
    >) -> String {
        guard let text = firstElement(tag)?.text else { throw Request.malformed("no \(tag) in \(self.tag)") }
        return text
    }
}

/// An error a command answers with nothing but its Status, whatever the command: what the
/// server catches from a handler to answer `<Root><Status>n</Status></Root>`.
public protocol CommandRefusal: Error {
    associatedtype Status: CommandStatus
    var status: Status { get }
}

extension RequestDecodingError: CommandRefusal {}
