import ActiveSync
import Foundation
import MIME
import TernStore
import WBXML

/// An email's `<airsync:ApplicationData>` (MS-ASEMAIL 2.2.2), in the order of the MS-ASEMAIL
/// 4.1 and MS-ASCMD 4.10 examples:
///
/// ```xml
/// <email:To>"Ann" &lt;ann@example.com&gt;</email:To> <email:Cc/> <email:From/> <email:Subject/>
/// <email:ReplyTo/> <email:DateReceived>2026-12-01T09:48:17.000Z</email:DateReceived>
/// <email:DisplayTo>Ann</email:DisplayTo> <email:ThreadTopic/> <email:Importance>1</email:Importance>
/// <email:Read>0</email:Read> <airsyncbase:Attachments/> <airsyncbase:Body/> <airsyncbase:BodyPart/>
/// <email:MessageClass>IPM.Note</email:MessageClass> <email:InternetCPID>65001</email:InternetCPID>
/// <email:Flag/> <email:ContentClass>urn:content-classes:message</email:ContentClass>
/// <airsyncbase:NativeBodyType>2</airsyncbase:NativeBodyType>
/// <email2:ConversationId/> <email2:ConversationIndex/> <email:Categories/>
/// ```
///
/// ConversationId, ConversationIndex and Categories are 14.0+; BodyPart only when asked for (14.1+).
enum EmailApplicationData {
    static func encode(_ email: EmailItem, serverID: String, options: ItemEncodingOptions) -> [WBXMLElement] {
        let properties = email.properties
        let version = options.protocolVersion
        var list = ElementList()
        list.append("Email", "To", properties.to)
        list.append("Email", "Cc", properties.cc)
        list.append("Email", "From", properties.from)
        list.append("Email", "Subject", properties.subject)
        list.append("Email", "ReplyTo", properties.replyTo)
        list.append("Email", "DateReceived", properties.dateReceived, .extended)
        list.append("Email", "DisplayTo", properties.to.map(displayNames))
        list.append("Email", "ThreadTopic", properties.subject.map(ConversationID.baseSubject))
        list.append("Email", "Importance", properties.importance)
        list.append("Email", "Read", properties.read)
        if !properties.attachments.isEmpty {
            var attachments = ElementList()
            for attachment in properties.attachments {
                attachments.append(attachmentElement(attachment, serverID: serverID))
            }
            list.append(attachments.element("AirSyncBase", "Attachments"))
        }
        let body = EmailBody.choose(for: email, options: options)
        list.append(body.element)
        if let preference = options.bodyPartPreference {
            list.append(EmailBody.part(for: email, preference: preference, options: options))
        }
        list.append("Email", "MessageClass", properties.messageClass)
        list.append("Email", "InternetCPID", 65001)
        list.append(flagElement(properties.flag))
        list.append("Email", "ContentClass", "urn:content-classes:message")
        list.append("AirSyncBase", "NativeBodyType", body.nativeType)
        if version >= .v14_0 {
            if let conversationID = properties.conversationID {
                list.append(
                    WBXMLElement(Email2Tag.conversationId, children: [.opaque(Array(conversationID))]))
            }
            list.append(
                WBXMLElement(
                    Email2Tag.conversationIndex,
                    children: [.opaque(conversationIndex(properties.dateReceived))]))
            list.append("Email", "Categories", "Category", properties.categories)
        }
        return list.elements
    }

    /// A Change may set only Read, Flag and Categories (MS-ASEMAIL 3.1.5.3); the rest is the
    /// message itself and is ignored. An absent element leaves its property as it was.
    static func change(_ email: EmailItem, with data: WBXMLElement) throws(ApplicationDataError) -> EmailItem {
        var email = email
        if let read = try data.bool("Email", "Read") { email.properties.read = read }
        if let flag = data.child("Email", "Flag") { email.properties.flag = try decodeFlag(flag) }
        if let categories = try data.strings("Email", "Categories", "Category") {
            email.properties.categories = categories
        }
        return email
    }

    /// A device adds an email only as a 16.0+ draft (MS-ASEMAIL 3.1.5.3.1): To, Cc, Bcc,
    /// Subject, Importance and the body become a minimal RFC 5322 message.
    static func addDraft(_ data: WBXMLElement, protocolVersion: ProtocolVersion) throws(ApplicationDataError)
        -> EmailItem
    {
        guard protocolVersion >= .v16_0 else {
            throw ApplicationDataError(.classNotAllowed, "a device adds email only as a draft, from 16.0 on")
        }
        var headers: [(String, String)] = [("MIME-Version", "1.0")]
        for (namespace, name, field) in [("Email", "To", "To"), ("Email", "Cc", "Cc"), ("Email2", "Bcc", "Bcc")] {
            if let value = try data.nonEmptyString(namespace, name) { headers.append((field, headerText(value))) }
        }
        if let subject = try data.nonEmptyString("Email", "Subject") {
            headers.append(("Subject", encodedWord(headerText(subject))))
        }
        switch try data.int("Email", "Importance", in: 0...2) {
        case 0: headers.append(("Importance", "low"))
        case 2: headers.append(("Importance", "high"))
        default: break
        }
        let subtype = BodyElement.type(in: data) == 2 ? "html" : "plain"
        headers.append(("Content-Type", "text/\(subtype); charset=utf-8"))
        headers.append(("Content-Transfer-Encoding", "8bit"))
        let body = (try BodyElement.text(in: data) ?? "").split(separator: "\n", omittingEmptySubsequences: false)
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

    /// The draft fields a 16.0+ Change may rewrite (MS-ASEMAIL 3.1.5.3.2).
    private static let draftFields = [
        ("Email", "To"), ("Email", "Cc"), ("Email2", "Bcc"), ("Email", "Subject"), ("Email", "Importance"),
        ("AirSyncBase", "Body"),
    ]

    /// Whether a Change rewrites a draft's content, not only its flags.
    static func changesDraftContent(_ data: WBXMLElement) -> Bool {
        draftFields.contains { data.child($0.0, $0.1) != nil }
    }

    /// A 16.0+ Change of a draft: the fields it sends replace the draft's, the ones it leaves
    /// out are taken from the stored message, and the draft is written again; Read, Flag and
    /// Categories change as in any Change.
    static func changeDraft(_ draft: EmailItem, with data: WBXMLElement, protocolVersion: ProtocolVersion)
        throws(ApplicationDataError) -> EmailItem
    {
        let stored = try? MIMEMessage(accepting: Array(draft.raw))
        var merged = data.elements
        func keep(_ namespace: String, _ name: String, _ value: String?) {
            guard data.child(namespace, name) == nil, let value, !value.isEmpty else { return }
            merged.append(WBXMLElement(WBXMLTag(namespace, name), text: value))
        }
        keep("Email", "To", stored?.headers.decodedValue(named: "To"))
        keep("Email", "Cc", stored?.headers.decodedValue(named: "Cc"))
        keep("Email2", "Bcc", stored?.headers.decodedValue(named: "Bcc"))
        keep("Email", "Subject", stored?.subject)
        keep("Email", "Importance", stored.map { String($0.importance.rawValue) })
        if data.child("AirSyncBase", "Body") == nil, let stored {
            let html = stored.plainTextBody == nil ? stored.htmlBody : nil
            merged.append(
                WBXMLElement(
                    AirSyncBaseTag.body,
                    elements: [
                        WBXMLElement(AirSyncBaseTag.type, text: html == nil ? "1" : "2"),
                        WBXMLElement(AirSyncBaseTag.data, text: html ?? stored.plainTextBody ?? ""),
                    ]))
        }
        var rewritten = try addDraft(WBXMLElement(data.tag, elements: merged), protocolVersion: protocolVersion)
        rewritten.properties.flag = draft.properties.flag
        rewritten.properties.categories = draft.properties.categories
        return try change(rewritten, with: data)
    }

    /// The recipients' names, or addresses where there is no name, `; `-separated (MS-ASEMAIL 2.2.2.31).
    private static func displayNames(_ to: String) -> String {
        AddressList.parse(to).map { $0.name ?? $0.address }.joined(separator: "; ")
    }

    /// MS-ASAIRS 2.2.2.7 Attachment; Method 1 is a regular attachment.
    private static func attachmentElement(_ attachment: EmailAttachment, serverID: String) -> WBXMLElement {
        var list = ElementList()
        list.append("AirSyncBase", "DisplayName", attachment.fileName)
        list.append(
            "AirSyncBase", "FileReference", FileReference(serverID: serverID, attachmentIndex: attachment.index).text)
        list.append("AirSyncBase", "Method", 1)
        list.append("AirSyncBase", "EstimatedDataSize", attachment.size)
        list.append("AirSyncBase", "ContentId", attachment.contentID)
        list.append("AirSyncBase", "IsInline", attachment.isInline ? true : nil)
        return list.element("AirSyncBase", "Attachment")
    }

    /// MS-ASEMAIL 2.2.2.34 Flag: `<email:Flag/>` when there is none, which also clears a
    /// flag the device holds. Start and due dates travel in the Tasks namespace, local and UTC.
    private static func flagElement(_ flag: EmailFlag?) -> WBXMLElement {
        var list = ElementList()
        if let flag {
            list.append("Email", "Status", flag.status)
            list.append("Email", "FlagType", flag.flagType)
            list.append("Tasks", "StartDate", flag.startDate, .extended)
            list.append("Tasks", "UtcStartDate", flag.startDate, .extended)
            list.append("Tasks", "DueDate", flag.dueDate, .extended)
            list.append("Tasks", "UtcDueDate", flag.dueDate, .extended)
            list.append("Email", "CompleteTime", flag.completeTime, .extended)
            list.append("Tasks", "DateCompleted", flag.completeTime, .extended)
        }
        return list.element("Email", "Flag")
    }

    /// An empty Flag clears the flag; UTC dates win over local ones, since Tern keeps UTC.
    private static func decodeFlag(_ flag: WBXMLElement) throws(ApplicationDataError) -> EmailFlag? {
        guard !flag.elements.isEmpty else { return nil }
        guard let status = try flag.int("Email", "Status", in: 0...2) else { throw .missing("Email:Status") }
        let start = try flag.date("Tasks", "UtcStartDate")
        let localStart = try flag.date("Tasks", "StartDate")
        let due = try flag.date("Tasks", "UtcDueDate")
        let localDue = try flag.date("Tasks", "DueDate")
        let complete = try flag.date("Email", "CompleteTime")
        let completed = try flag.date("Tasks", "DateCompleted")
        return EmailFlag(
            status: status, flagType: try flag.nonEmptyString("Email", "FlagType"), startDate: start ?? localStart,
            dueDate: due ?? localDue, completeTime: complete ?? completed)
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
