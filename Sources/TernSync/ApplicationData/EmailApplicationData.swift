import ActiveSync
import Foundation
import MIME
import TernStore

/// A stored email to and from its typed ApplicationData (`EmailData`, MS-ASEMAIL 2.2.2).
///
/// BodyPart is sent only when asked for (14.1+).
enum EmailApplicationData {
    static func encode(_ email: EmailItem, serverID: String, options: ItemEncodingOptions) -> EmailData {
        let properties = email.properties
        var data = EmailData()
        data.to = properties.to
        data.cc = properties.cc
        data.from = properties.from
        data.subject = properties.subject
        data.replyTo = properties.replyTo
        data.dateReceived = properties.dateReceived
        data.displayTo = properties.to.map(displayNames)
        data.threadTopic = properties.subject.map(ConversationID.baseSubject)
        data.importance = properties.importance
        data.read = properties.read
        data.attachments = properties.attachments.nilWhenEmpty?.map { attachment in
            AttachmentData(
                displayName: attachment.fileName,
                fileReference: FileReference(serverID: serverID, attachmentIndex: attachment.index).text,
                estimatedDataSize: attachment.size, contentID: attachment.contentID, isInline: attachment.isInline)
        }
        let body = EmailBody.choose(for: email, options: options)
        data.body = body.body
        data.bodyPart = options.bodyPartPreference.map { EmailBody.part(for: email, preference: $0, options: options) }
        data.messageClass = properties.messageClass
        data.meetingRequest = MeetingRequestMapping.data(for: email)
        data.internetCPID = 65001
        data.flag = properties.flag.map(FlagData.init) ?? FlagData()
        data.contentClass = "urn:content-classes:message"
        data.nativeBodyType = body.nativeType
        data.conversationID = properties.conversationID.map(Array.init)
        data.conversationIndex = conversationIndex(properties.dateReceived)
        data.categories = properties.categories
        return data
    }

    /// A Change may set only Read, Flag and Categories (MS-ASEMAIL 3.1.5.3); the rest is the
    /// message itself and is ignored. An absent element leaves its property as it was.
    static func change(_ email: EmailItem, with data: EmailData) -> EmailItem {
        var email = email
        if let read = data.read { email.properties.read = read }
        if let flag = data.flag { email.properties.flag = EmailFlag(flag) }
        if let categories = data.categories { email.properties.categories = categories }
        return email
    }

    /// A device adds an email only as a 16.0+ draft (MS-ASEMAIL 3.1.5.3.1): To, Cc, Bcc,
    /// Subject, Importance and the body become a minimal RFC 5322 message.
    static func addDraft(_ data: EmailData, protocolVersion: ProtocolVersion) throws(ApplicationDataError)
        -> EmailItem
    {
        guard protocolVersion >= .v16_0 else {
            throw ApplicationDataError(.classNotAllowed, "a device adds email only as a draft, from 16.0 on")
        }
        var headers: [(String, String)] = [("MIME-Version", "1.0")]
        for (field, value) in [("To", data.to), ("Cc", data.cc), ("Bcc", data.bcc)] {
            if let value = value.flatMap(nonEmpty) { headers.append((field, headerText(value))) }
        }
        if let subject = data.subject.flatMap(nonEmpty) {
            headers.append(("Subject", encodedWord(headerText(subject))))
        }
        switch data.importance {
        case 0: headers.append(("Importance", "low"))
        case 2: headers.append(("Importance", "high"))
        default: break
        }
        let subtype = data.body?.type == 2 ? "html" : "plain"
        headers.append(("Content-Type", "text/\(subtype); charset=utf-8"))
        headers.append(("Content-Transfer-Encoding", "8bit"))
        let body = (data.body?.text ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }.joined(separator: "\r\n")
        let raw = headers.map { "\($0): \($1)\r\n" }.joined() + "\r\n" + body
        let message: MIMEMessage
        do {
            message = try MIMEMessage(parsing: Array(raw.utf8))
        } catch {
            throw ApplicationDataError(.oversized, "the draft is larger than a message may be")
        }
        var item = EmailItem(message: message, receivedAt: Date())
        item.properties.isDraft = true
        item.properties.read = true
        return item
    }

    /// A 16.0+ Change of a draft: the fields it sends replace the draft's, the ones it leaves
    /// out are taken from the stored message, and the draft is written again; Read, Flag and
    /// Categories change as in any Change.
    static func changeDraft(_ draft: EmailItem, with data: EmailData, protocolVersion: ProtocolVersion)
        throws(ApplicationDataError) -> EmailItem
    {
        let stored = try? MIMEMessage(accepting: Array(draft.raw))
        var merged = data
        func keep(_ path: WritableKeyPath<EmailData, String?>, _ value: String?) {
            guard merged[keyPath: path] == nil, let value, !value.isEmpty else { return }
            merged[keyPath: path] = value
        }
        keep(\.to, stored?.headers.decodedValue(named: "To"))
        keep(\.cc, stored?.headers.decodedValue(named: "Cc"))
        keep(\.bcc, stored?.headers.decodedValue(named: "Bcc"))
        keep(\.subject, stored?.subject)
        if merged.importance == nil, let stored { merged.importance = stored.importance.rawValue }
        if merged.body == nil, let stored {
            let html = stored.plainTextBody == nil ? stored.htmlBody : nil
            merged.body = BodyData(type: html == nil ? 1 : 2, data: Array((html ?? stored.plainTextBody ?? "").utf8))
        }
        var rewritten = try addDraft(merged, protocolVersion: protocolVersion)
        rewritten.properties.flag = draft.properties.flag
        rewritten.properties.categories = draft.properties.categories
        return change(rewritten, with: data)
    }

    /// The recipients' names, or addresses where there is no name, `; `-separated (MS-ASEMAIL 2.2.2.31).
    private static func displayNames(_ to: String) -> String {
        AddressList.parse(to).map { $0.name ?? $0.address }.joined(separator: "; ")
    }

    /// The 5-byte conversation index of a thread's first message (MS-ASCON 2.2.2.4): bytes 1–5
    /// of the big-endian FILETIME (100 ns ticks since 1601) of when it was received.
    private static func conversationIndex(_ date: Date) -> [UInt8] {
        let ticks = UInt64(max(0, (date.timeIntervalSince1970 + 11_644_473_600) * 10_000_000))
        return Array(withUnsafeBytes(of: ticks.bigEndian, Array.init)[1..<6])
    }

    /// A header value on one line: line breaks a device sent would start new header fields.
    private static func headerText(_ value: String) -> String {
        String(value.map { $0.isNewline ? " " : $0 })
    }

    /// RFC 2047 B-encoding for a non-ASCII header value.
    private static func encodedWord(_ value: String) -> String {
        guard !value.allSatisfy(\.isASCII) else { return value }
        return "=?UTF-8?B?" + Data(value.utf8).base64EncodedString() + "?="
    }
}

extension FlagData {
    /// A stored flag as it is sent: its dates both local and UTC, since Tern keeps UTC.
    init(_ flag: EmailFlag) {
        self.init(
            status: flag.status, flagType: flag.flagType, startDate: flag.startDate, utcStartDate: flag.startDate,
            dueDate: flag.dueDate, utcDueDate: flag.dueDate, completeTime: flag.completeTime,
            dateCompleted: flag.completeTime)
    }
}

extension EmailFlag {
    /// nil for an empty Flag, which clears the flag; UTC dates win over local ones.
    init?(_ data: FlagData) {
        guard let status = data.status else { return nil }
        self.init(
            status: status, flagType: data.flagType, startDate: data.utcStartDate ?? data.startDate,
            dueDate: data.utcDueDate ?? data.dueDate, completeTime: data.completeTime ?? data.dateCompleted)
    }
}
