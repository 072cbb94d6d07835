public import ActiveSync
import Foundation
import MIME
import WBXML

extension DeviceSession {
    /// Sends `message` with SendMail (MS-ASCMD 2.2.1.17), keeping a copy in Sent Items.
    public func send(_ message: OutgoingMessage) async throws {
        try await submit(.sendMail, message, source: nil)
    }

    /// Answers the cached message `serverID` with SmartReply (MS-ASCMD 2.2.1.19): to its sender,
    /// "Re: " and its subject; the server quotes the original. Returns the recipient.
    public func reply(to serverID: String, body: String) async throws -> String {
        let original = try item(serverID)
        guard let sender = original.property(EmailTag.from).flatMap({ AddressList.parse($0).first?.address }) else {
            throw ClientError(.usage, "item \(serverID) has no sender to reply to")
        }
        let subject = original.property(EmailTag.subject) ?? ""
        let message = OutgoingMessage(
            to: [sender], subject: subject.lowercased().hasPrefix("re:") ? subject : "Re: " + subject, body: body)
        try await submit(.smartReply, message, source: original)
        return sender
    }

    /// Forwards the cached message `serverID` with SmartForward (MS-ASCMD 2.2.1.20): the server
    /// adds the original's text and every attachment.
    public func forward(_ serverID: String, to recipients: [String], body: String) async throws {
        let original = try item(serverID)
        let message = OutgoingMessage(
            to: recipients, subject: "Fwd: " + (original.property(EmailTag.subject) ?? ""), body: body)
        try await submit(.smartForward, message, source: original)
    }

    /// SendMail, SmartReply or SmartForward in the 14.0+ ComposeMail form (12.1 posts raw MIME,
    /// which this device does not), with a fresh ClientId.
    private func submit(_ kind: ComposeMailRequest.Kind, _ message: OutgoingMessage, source: CachedItem?) async throws {
        guard profile.record.version >= .v14_0 else {
            throw ClientError(
                .usage, "sending needs protocol 14.0 or later; this device speaks \(profile.record.protocolVersion)")
        }
        let request = ComposeMailRequest(
            kind: kind, clientID: UUID().uuidString.replacing("-", with: ""),
            source: source.map { ComposeMailRequest.Source(folderID: $0.folderID, itemID: $0.serverID) },
            mime: message.mime())
        let command = kind.command
        do {
            // Success is an empty body; a refusal is a common status, which the transport throws.
            _ = try await exchange(command, request.element)
        } catch let error as ClientError {
            guard let status = error.status, let reason = Self.reason(status) else { throw error }
            throw ClientError(
                .server, "the server did not send the message: \(reason) (\(command) Status \(status.rawValue))",
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
        case .itemNotFound: "the message it answers is no longer on the server"
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
        guard response.status == .success, response.storeStatus == .success else {
            throw ClientError(
                .server, "Search failed with Status \((response.storeStatus ?? response.status).rawValue)")
        }
        // A search without matches answers one empty Result.
        return response.results.filter { $0.longID != nil }.map(SearchHit.init)
    }

    /// Looks people up in the server's address book (Search of the GAL store) by the start of
    /// a name, alias or address.
    public func lookup(_ text: String, limit: Int = 50) async throws -> [GALEntry] {
        guard let root = try await exchange(.search, GALSearchRequest(text: text, limit: limit).element),
            let response = SearchResponse(root)
        else {
            throw ClientError(.server, "the server's Search response is not one")
        }
        guard response.status == .success, response.storeStatus == .success else {
            throw ClientError(
                .server, "the GAL search failed with Status \((response.storeStatus ?? response.status).rawValue)")
        }
        return response.results.compactMap { $0.properties.flatMap(GALEntry.init(properties:)) }
    }
}
