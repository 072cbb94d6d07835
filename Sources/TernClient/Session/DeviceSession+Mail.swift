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
        let request = SendMailRequest(clientID: UUID().uuidString.replacing("-", with: ""), mime: message.mime())
        if let root = try await exchange(.sendMail, request.element), let status = SendMailRequest.status(of: root) {
            throw ClientError(.server, "the server did not send the message (SendMail Status \(status))")
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
