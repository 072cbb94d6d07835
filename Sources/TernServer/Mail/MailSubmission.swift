import ActiveSync
import Foundation
import MIME
import TernStore

/// Sends what a device submits (SendMail and, with the original added, SmartReply and
/// SmartForward): the sender's own address as From, a copy in each local recipient's Inbox
/// without Bcc, one in the sender's Sent Items when asked, all committed in one transaction
/// with the ClientId, and the message for recipients on other servers in the outbound queue,
/// before the device is answered. Without a relay, a recipient who is not a user of this
/// server refuses the whole message: nothing is sent to anyone.
struct MailSubmission {
    let store: any Store
    let limits: SubmissionLimits
    /// The relay's queue; nil when there is no relay.
    let outbound: OutboundQueue?

    /// Sends what `request` holds for `user`; throws `SubmissionRefusal` with the status to answer.
    func send(_ request: ComposeMailRequest, from user: User, at date: Date = Date()) async throws {
        // A resent request is answered 118 before anything else can have changed its answer
        // (the original deleted, a recipient gone): it was sent.
        if let clientID = request.clientID, try await store.isSubmitted(clientID: clientID, by: user.id) {
            throw SubmissionRefusal(.messagePreviouslySent, "ClientId \(clientID) was sent before")
        }
        var message = try parse(request.mime)
        guard !message.headers.fields.isEmpty else { throw SubmissionRefusal(.invalidMIME, "no header fields") }
        if let kind = request.kind.addedOriginal, !request.replaceMime {
            let original = try await original(named: request.source, of: user)
            guard original.raw.count + message.raw.count <= limits.maxMessageBytes else {
                throw SubmissionRefusal(.mailSubmissionFailed, "the original and the new text are over the size limit")
            }
            message = try parse(ComposedReply.compose(message, original: original, as: kind))
        }
        let recipients = Self.recipients(of: message)
        guard !recipients.isEmpty else { throw SubmissionRefusal(.messageHasNoRecipient, "no To, Cc or Bcc address") }
        guard recipients.count <= limits.maxRecipients else {
            throw SubmissionRefusal(
                .mailSubmissionFailed, "\(recipients.count) recipients, over the limit of \(limits.maxRecipients)")
        }
        var recipientUsers: [User.ID: User] = [:]
        var remoteRecipients: [String] = []
        for address in recipients {
            if let recipient = try await store.user(address: address) {
                recipientUsers[recipient.id] = recipient
                continue
            }
            guard outbound != nil else {
                throw SubmissionRefusal(
                    .messageRecipientUnresolved, "\(address) is not a user here and there is no relay")
            }
            guard SMTPClient.isSafeInCommand(address) else {
                throw SubmissionRefusal(.messageRecipientUnresolved, "\(address) is not an address mail can go to")
            }
            remoteRecipients.append(address)
        }

        let fields = try Self.headerFields(of: message, from: user, at: date)
        var copies: [Submission.Copy] = []
        let sent = message.rewritingHeaders(removing: ["Bcc"], setting: fields.set, adding: fields.add)
        let sentMessage = try Self.rewritten(sent)
        let delivered = EmailItem(message: sentMessage, receivedAt: date)
        for recipient in recipientUsers.values.sorted(by: { $0.id < $1.id }) {
            guard let inbox = try await store.folders(of: recipient.id).first(where: { $0.type == .inbox }) else {
                throw SubmissionRefusal(.mailSubmissionFailed, "\(recipient.login) has no Inbox")
            }
            copies.append(Submission.Copy(folderID: inbox.id, content: .email(delivered)))
        }
        if request.saveInSentItems,
            let sent = try await store.folders(of: user.id).first(where: { $0.type == .sentItems })
        {
            var copy = EmailItem(
                message: try Self.rewritten(message.rewritingHeaders(setting: fields.set, adding: fields.add)),
                receivedAt: date)
            copy.properties.read = true
            copies.append(Submission.Copy(folderID: sent.id, content: .email(copy)))
        }
        let relayed =
            remoteRecipients.isEmpty
            ? nil : OutboundMessage(sender: fields.sender, recipients: remoteRecipients, raw: sent)
        let outcome = try await store.submit(
            Submission(userID: user.id, clientID: request.clientID, copies: copies, outbound: relayed))
        if case .previouslySent = outcome {
            throw SubmissionRefusal(.messagePreviouslySent, "ClientId \(request.clientID ?? "") was sent before")
        }
        if relayed != nil { outbound?.wake() }
        if sentMessage.calendarPart != nil {
            let scheduler = MeetingScheduler(store: store)
            for recipient in recipientUsers.values { await scheduler.schedule(sentMessage, deliveredTo: recipient) }
        }
    }

    /// `mime` read as a message within the size limit; Status 120 past it, 107 when it is not MIME.
    private func parse(_ mime: [UInt8]) throws -> MIMEMessage {
        guard mime.count <= limits.maxMessageBytes else {
            throw SubmissionRefusal(
                .mailSubmissionFailed, "a message of \(mime.count) bytes, over the limit of \(limits.maxMessageBytes)")
        }
        do {
            return try MIMEMessage(parsing: mime, limits: MIMELimits(maxBytes: limits.maxMessageBytes))
        } catch {
            throw SubmissionRefusal(.invalidMIME, "the message is not MIME: \(error)")
        }
    }

    /// The message a SmartReply or SmartForward names, which must be one of `user`'s own
    /// (Status 150 otherwise, whatever another user holds under that id).
    private func original(named source: ComposeMailRequest.Source?, of user: User) async throws -> MIMEMessage {
        guard let (folderID, itemID) = source?.item?.location,
            let folder = try await store.folder(of: user.id, serverID: folderID),
            let item = try await store.item(in: folder.id, serverID: itemID), case .email(let email) = item.content,
            let original = try? MIMEMessage(accepting: Array(email.raw))
        else {
            throw SubmissionRefusal(
                .itemNotFound, "no message \(source?.itemID ?? source?.longID ?? "?") in the user's mailbox")
        }
        return original
    }

    /// Every To, Cc and Bcc address, each once (compared without regard to case), in the order
    /// and case written: another server may tell `Anna@` from `anna@` (RFC 5321 2.4).
    static func recipients(of message: MIMEMessage) -> [String] {
        var seen = Set<String>()
        return (message.to + message.cc + message.bcc).map(\.address).filter { address in
            !address.isEmpty && seen.insert(address.lowercased()).inserted
        }
    }

    /// From set to the sender's own address unless the message already names one of them;
    /// Date and Message-ID added when the device left them out; the envelope sender, the From address.
    private static func headerFields(of message: MIMEMessage, from user: User, at date: Date) throws
        -> (set: [(name: String, value: String)], add: [(name: String, value: String)], sender: String)
    {
        guard let primary = user.emailAddresses.first else {
            throw SubmissionRefusal(.mailSubmissionFailed, "\(user.login) has no address to send from")
        }
        let own = Set(user.emailAddresses.map { $0.lowercased() })
        let from = message.from
        var set: [(name: String, value: String)] = []
        var sender = from.first?.address ?? primary
        if from.count != 1 || !own.contains(from[0].address.lowercased()) {
            set.append(("From", fromValue(name: user.displayName, address: primary)))
            sender = primary
        }
        let domain = primary.split(separator: "@").last.map(String.init) ?? "tern"
        let add = [
            (name: "Date", value: MessageDate.format(date)),
            (name: "Message-ID", value: "<\(UUID().uuidString.lowercased())@\(domain)>"),
        ]
        return (set, add, sender)
    }

    /// `"Anna Meyer" <anna@example.org>`, or an encoded word for a name that is not ASCII
    /// (RFC 2047 5: an encoded word is never quoted).
    private static func fromValue(name: String, address: String) -> String {
        guard !name.isEmpty else { return address }
        let encoded = EncodedWord.encode(name)
        return encoded == name ? MailAddress(name: name, address: address).description : "\(encoded) <\(address)>"
    }

    /// The message with its header rewritten, read again; Status 107 if that fails.
    private static func rewritten(_ raw: [UInt8]) throws -> MIMEMessage {
        do {
            return try MIMEMessage(accepting: raw)
        } catch {
            throw SubmissionRefusal(.invalidMIME, "the rewritten message is not MIME: \(error)")
        }
    }
}

extension ComposeMailRequest.Kind {
    /// How the original is added to the device's message: nil for SendMail, which has none.
    var addedOriginal: ComposedReply.Kind? {
        switch self {
        case .sendMail: nil
        case .smartReply: .reply
        case .smartForward: .forward
        }
    }
}

/// The bounds of one submitted message.
public struct SubmissionLimits: Sendable {
    /// The largest message sent, in bytes (a larger one gets Status 120).
    public var maxMessageBytes: Int
    /// The most distinct To, Cc and Bcc addresses (Exchange's default; more gets Status 120).
    public var maxRecipients: Int

    public init(maxMessageBytes: Int = 25 << 20, maxRecipients: Int = 500) {
        self.maxMessageBytes = maxMessageBytes
        self.maxRecipients = maxRecipients
    }
}
