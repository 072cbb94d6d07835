import ActiveSync
import Foundation
import WBXML

extension DeviceSession {
    /// Sends `message` with SendMail (MS-ASCMD 2.2.1.17), keeping a copy in Sent Items. The
    /// WBXML form needs 14.0 or later; 12.1 posts raw MIME, which this device does not.
    public func send(_ message: OutgoingMessage) async throws {
        guard profile.record.version >= .v14_0 else {
            throw ClientError(
                .usage, "send needs protocol 14.0 or later; this device speaks \(profile.record.protocolVersion)")
        }
        let request = ComposeMailRequest(clientID: UUID().uuidString.replacing("-", with: ""), mime: message.mime())
        do {
            // Success is an empty body; a refusal is a common status, which the transport throws.
            _ = try await exchange(.sendMail, request.element)
        } catch let error as ClientError {
            guard let status = error.status, let reason = Self.reason(status) else { throw error }
            throw ClientError(
                .server, "the server did not send the message: \(reason) (SendMail Status \(status.rawValue))",
                status: status)
        }
    }

    /// What a SendMail status means for the person sending, when it is one a server gives for
    /// a message it will not send (MS-ASCMD 2.2.2).
    private static func reason(_ status: CommonStatus) -> String? {
        switch status {
        case .invalidMIME: "the server cannot read it as a message"
        case .messageRecipientUnresolved: "a recipient is not on this server and it has no relay"
        case .messagePreviouslySent: "it was sent before"
        case .messageHasNoRecipient: "it has no recipient"
        case .mailSubmissionFailed: "it is over the server's limits"
        default: nil
        }
    }

    /// Searches the mailbox on the server (MS-ASCMD 2.2.1.16) for mail holding `text`.
    public func search(_ text: String, limit: Int = 50) async throws -> [SearchHit] {
        guard let root = try await exchange(.search, MailboxSearchRequest(text: text, limit: limit).element),
            let response = SearchResponse(root)
        else {
            throw ClientError(.server, "the server's Search response is not one")
        }
        guard response.status == 1, response.storeStatus ?? 1 == 1 else {
            throw ClientError(.server, "Search failed with Status \(response.storeStatus ?? response.status)")
        }
        return response.results.map(SearchHit.init)
    }
}
