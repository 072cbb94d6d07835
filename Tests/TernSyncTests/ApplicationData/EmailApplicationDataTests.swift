import ActiveSync
import Foundation
import TernStore
import Testing
import WBXML

@testable import TernSync

@Suite struct EmailApplicationDataTests {
    static let raw = """
        From: "Bob Smith" <bob@example.com>\r
        To: "Ann Lee" <ann@example.com>, carl@example.com\r
        Subject: Re: Plans\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="b1"\r
        \r
        --b1\r
        Content-Type: multipart/alternative; boundary="b2"\r
        \r
        --b2\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Hello Ann\r
        --b2\r
        Content-Type: text/html; charset=utf-8\r
        \r
        <p>Hello <b>Ann</b></p>\r
        --b2--\r
        --b1\r
        Content-Type: application/pdf; name="plan.pdf"\r
        Content-Disposition: attachment; filename="plan.pdf"\r
        Content-Transfer-Encoding: base64\r
        \r
        JVBERi0=\r
        --b1--\r

        """

    static func item(read: Bool = true, flag: EmailFlag? = nil, categories: [String] = []) -> EmailItem {
        EmailItem(
            raw: Data(raw.utf8),
            properties: EmailProperties(
                from: "\"Bob Smith\" <bob@example.com>", to: "\"Ann Lee\" <ann@example.com>, carl@example.com",
                cc: "dave@example.com", replyTo: "bob@example.org", subject: "Re: Plans",
                dateReceived: date("20261201T094817Z"), importance: 2, read: read, flag: flag,
                conversationID: Data(repeating: 7, count: 16), categories: categories,
                attachments: [
                    EmailAttachment(
                        index: 0, fileName: "plan.pdf", contentType: "application/pdf", contentID: "c1", isInline: true,
                        size: 5)
                ], preview: "Hello Ann"))
    }

    static func encode(_ email: EmailItem, _ options: ItemEncodingOptions) -> WBXMLElement {
        encodeElement(.email(email), serverID: "5:12", options: options)
    }

    /// The order of the MS-ASEMAIL 4.1.3.1 and MS-ASCMD 4.10.5.2 example responses.
    @Test func elementsComeInTheSpecificationsOrder() {
        let data = Self.encode(Self.item(categories: ["Red"]), options(.v16_1, BodyPreference(type: 2)))
        #expect(
            tags(data) == [
                "Email:To", "Email:Cc", "Email:From", "Email:Subject", "Email:ReplyTo", "Email:DateReceived",
                "Email:DisplayTo", "Email:ThreadTopic", "Email:Importance", "Email:Read", "AirSyncBase:Attachments",
                "AirSyncBase:Body", "Email:MessageClass", "Email:InternetCPID", "Email:Flag", "Email:ContentClass",
                "AirSyncBase:NativeBodyType", "Email2:ConversationId", "Email2:ConversationIndex", "Email:Categories",
            ])
        #expect(data.child("Email", "DateReceived")?.text == "2026-12-01T09:48:17.000Z")
        #expect(data.child("Email", "DisplayTo")?.text == "Ann Lee; carl@example.com")
        #expect(data.child("Email", "ThreadTopic")?.text == "Plans")
        #expect(xml(data.child("Email", "Flag")!) == "<email:Flag/>")
        #expect(data.child("Email", "InternetCPID")?.text == "65001")
        #expect(data.child("AirSyncBase", "NativeBodyType")?.text == "2")
        #expect(
            xml(data.child("AirSyncBase", "Attachments")!)
                == "<airsyncbase:Attachments><airsyncbase:Attachment><airsyncbase:DisplayName>plan.pdf</airsyncbase:DisplayName>"
                + "<airsyncbase:FileReference>5:12/0</airsyncbase:FileReference><airsyncbase:Method>1</airsyncbase:Method>"
                + "<airsyncbase:EstimatedDataSize>5</airsyncbase:EstimatedDataSize><airsyncbase:ContentId>c1</airsyncbase:ContentId>"
                + "<airsyncbase:IsInline>1</airsyncbase:IsInline></airsyncbase:Attachment></airsyncbase:Attachments>")
        #expect(
            xml(data.child("AirSyncBase", "Body")!)
                == "<airsyncbase:Body><airsyncbase:Type>2</airsyncbase:Type><airsyncbase:EstimatedDataSize>23"
                + "</airsyncbase:EstimatedDataSize><airsyncbase:Data>&lt;p&gt;Hello &lt;b&gt;Ann&lt;/b&gt;&lt;/p&gt;"
                + "</airsyncbase:Data></airsyncbase:Body>")
    }

    @Test func version12Leaves14ElementsOut() {
        let data = Self.encode(Self.item(categories: ["Red"]), options(.v12_1))
        #expect(!data.has("Email2", "ConversationId"))
        #expect(!data.has("Email2", "ConversationIndex"))
        #expect(!data.has("Email", "Categories"))
        #expect(data.child("AirSyncBase", "Body")?.child("AirSyncBase", "Data")?.text == "Hello Ann")
    }

    @Test func conversationIndexIsTheReceivedFileTime() {
        let data = Self.encode(Self.item(), options(.v14_0))
        // 2026-12-01T09:48:17Z is FILETIME 0x01DD_8179_1720_4680 (100 ns ticks since 1601).
        #expect(data.child("Email2", "ConversationIndex")?.contentBytes == [0xDD, 0x81, 0x79, 0x17, 0x20])
    }

    @Test func htmlOnlyPreferenceFallsBackToPlainWithoutHTMLPart() {
        var email = Self.item()
        email.raw = Data("Subject: x\r\n\r\nJust text\r\n".utf8)
        let body = Self.encode(email, options(.v14_1, BodyPreference(type: 2))).child("AirSyncBase", "Body")
        #expect(body?.child("AirSyncBase", "Type")?.text == "1")
        #expect(body?.child("AirSyncBase", "Data")?.text == "Just text\r\n")
    }

    @Test func aBodyPartPreferenceAddsTheMessagePartAsHTML() throws {
        let sent = try #require(
            WBXMLElement(
                AirSyncTag.options,
                elements: [
                    element("AirSyncBase", "BodyPreference", [element("AirSyncBase", "Type", "1")]),
                    element(
                        "AirSyncBase", "BodyPartPreference",
                        [
                            element("AirSyncBase", "Type", "2"), element("AirSyncBase", "TruncationSize", "12"),
                            element("AirSyncBase", "Preview", "5"),
                        ]),
                ]) as WBXMLElement?)
        let data = Self.encode(Self.item(), ItemEncodingOptions(options: SyncOptions(sent), protocolVersion: .v14_1))
        let part = try #require(data.child("AirSyncBase", "BodyPart"))
        #expect(
            xml(part)
                == "<airsyncbase:BodyPart><airsyncbase:Status>1</airsyncbase:Status><airsyncbase:Type>2</airsyncbase:Type>"
                + "<airsyncbase:EstimatedDataSize>23</airsyncbase:EstimatedDataSize><airsyncbase:Truncated>1</airsyncbase:Truncated>"
                + "<airsyncbase:Data>&lt;p&gt;Hello &lt;b&gt;</airsyncbase:Data><airsyncbase:Preview>Hello</airsyncbase:Preview>"
                + "</airsyncbase:BodyPart>")
        let names = data.elements.map(\.tag.name)
        #expect(names.firstIndex(of: "BodyPart") == names.firstIndex(of: "Body").map { $0 + 1 }, "right after the Body")

        var plain = Self.item()
        plain.raw = Data("Subject: x\r\n\r\na < b\r\n".utf8)
        let made = Self.encode(plain, ItemEncodingOptions(options: SyncOptions(sent), protocolVersion: .v16_1)).child(
            "AirSyncBase", "BodyPart")
        #expect(
            made?.child("AirSyncBase", "EstimatedDataSize")?.text
                == String("<html><body>a &lt; b<br>\n</body></html>".utf8.count))
        #expect(
            Self.encode(Self.item(), ItemEncodingOptions(options: SyncOptions(sent), protocolVersion: .v14_0)).child(
                "AirSyncBase", "BodyPart") == nil)
    }

    @Test func plainTextIsCutAtTheTruncationSize() {
        let body = Self.encode(Self.item(), options(.v14_1, BodyPreference(type: 1, truncationSize: 5)))
            .child("AirSyncBase", "Body")
        #expect(
            xml(body!)
                == "<airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:EstimatedDataSize>9"
                + "</airsyncbase:EstimatedDataSize><airsyncbase:Truncated>1</airsyncbase:Truncated>"
                + "<airsyncbase:Data>Hello</airsyncbase:Data></airsyncbase:Body>")
    }

    @Test func allOrNoneSendsNoDataWhenTheBodyIsTooLong() {
        let long = Self.encode(
            Self.item(), options(.v14_1, BodyPreference(type: 1, truncationSize: 5, allOrNone: true)))
        #expect(
            xml(long.child("AirSyncBase", "Body")!)
                == "<airsyncbase:Body><airsyncbase:Type>1</airsyncbase:Type><airsyncbase:EstimatedDataSize>9"
                + "</airsyncbase:EstimatedDataSize><airsyncbase:Truncated>1</airsyncbase:Truncated></airsyncbase:Body>")
        let fits = Self.encode(
            Self.item(), options(.v14_1, BodyPreference(type: 1, truncationSize: 100, allOrNone: true)))
        #expect(fits.child("AirSyncBase", "Body")?.child("AirSyncBase", "Data")?.text == "Hello Ann")
    }

    @Test func mimeBodyIsTheRawMessage() {
        let whole = Self.encode(Self.item(), options(.v16_1, BodyPreference(type: 4), BodyPreference(type: 2)))
        let body = whole.child("AirSyncBase", "Body")
        #expect(body?.child("AirSyncBase", "Type")?.text == "4")
        #expect(body?.child("AirSyncBase", "Data")?.text == Self.raw)
        #expect(body?.child("AirSyncBase", "EstimatedDataSize")?.text == String(Self.raw.utf8.count))
        #expect(!whole.has("AirSyncBase", "NativeBodyType"))

        let cut = Self.encode(Self.item(), options(.v16_1, BodyPreference(type: 4, truncationSize: 40)))
        #expect(
            cut.child("AirSyncBase", "Body")?.child("AirSyncBase", "Data")?.text == String(Self.raw.utf8.prefix(40))!)
    }

    @Test func mimeSupportForcesMIMEWithMIMETruncation() {
        let request = element(
            "AirSync", "Options",
            [
                element("AirSync", "MIMESupport", "2"), element("AirSync", "MIMETruncation", "1"),
                element("AirSyncBase", "BodyPreference", [element("AirSyncBase", "Type", "1")]),
            ])
        let options = ItemEncodingOptions(options: SyncOptions(request), protocolVersion: .v14_1)
        #expect(options.mimeSupport == 2 && options.mimeTruncation == 4096 && options.bodyPreferences.count == 1)
        let body = Self.encode(Self.item(), options).child("AirSyncBase", "Body")
        #expect(body?.child("AirSyncBase", "Type")?.text == "4")
        #expect(!(body?.has("AirSyncBase", "Truncated") ?? true))
    }

    @Test func previewOnlyFrom14WhenAsked() {
        let preference = BodyPreference(type: 1, preview: 5)
        let old = Self.encode(Self.item(), options(.v12_1, preference)).child("AirSyncBase", "Body")
        let new = Self.encode(Self.item(), options(.v14_0, preference)).child("AirSyncBase", "Body")
        let unasked = Self.encode(Self.item(), options(.v14_0, BodyPreference(type: 1))).child("AirSyncBase", "Body")
        #expect(old?.has("AirSyncBase", "Preview") == false)
        #expect(new?.child("AirSyncBase", "Preview")?.text == "Hello")
        #expect(tags(new).last == "AirSyncBase:Preview")
        #expect(unasked?.has("AirSyncBase", "Preview") == false)
    }

    @Test func noPreferenceGivesTheWholePlainText() {
        let options = ItemEncodingOptions(options: nil, protocolVersion: .v14_1)
        #expect(options.bodyPreferences.isEmpty && options.mimeSupport == 0 && options.mimeTruncation == nil)
        let body = Self.encode(Self.item(), options).child("AirSyncBase", "Body")
        #expect(body?.child("AirSyncBase", "Type")?.text == "1")
        #expect(body?.child("AirSyncBase", "Data")?.text == "Hello Ann")
    }

    @Test func bodyPreferenceIsRead() {
        let preference = BodyPreference(
            element(
                "AirSyncBase", "BodyPreference",
                [
                    element("AirSyncBase", "Type", "2"), element("AirSyncBase", "TruncationSize", "5120"),
                    element("AirSyncBase", "AllOrNone", "1"), element("AirSyncBase", "Preview", "300"),
                ]))
        #expect(preference == BodyPreference(type: 2, truncationSize: 5120, allOrNone: true, preview: 255))
        #expect(BodyPreference(element("AirSyncBase", "BodyPreference", [element("AirSyncBase", "Type", "9")])) == nil)
    }

    /// Read, Flag and Categories come back from the device; the rest of the encoded item is ignored.
    @Test func changeRoundTripsTheDeviceProperties() throws {
        let flag = EmailFlag(
            status: 2, flagType: "Follow up", startDate: date("20261201T000000Z"), dueDate: date("20261203T000000Z"))
        let changed = Self.item(read: true, flag: flag, categories: ["Red", "Blue"])
        let sent = Self.encode(changed, options(.v16_1))
        let result = try decode(sent, as: .email, replacing: .email(Self.item(read: false)))
        #expect(result == .email(changed))

        let cleared = try decode(
            sent.replacing("Email", "Flag", with: element("Email", "Flag", [])), as: .email,
            replacing: result)
        guard case .email(let email) = cleared else {
            Issue.record("not an email")
            return
        }
        #expect(email.properties.flag == nil && email.properties.categories == ["Red", "Blue"])
    }

    @Test func minimalChangeLeavesTheEmailAlone() throws {
        let stored = Self.item(read: false, categories: ["Red"])
        #expect(try decode(applicationData([]), as: .email, replacing: .email(stored)) == .email(stored))
    }

    @Test func draftAddNeeds16() throws {
        let draft = applicationData([
            element("Email", "To", "ann@example.com"), element("Email", "Subject", "Grüße"),
            element("Email", "Importance", "2"),
            element(
                "AirSyncBase", "Body",
                [element("AirSyncBase", "Type", "1"), element("AirSyncBase", "Data", "Hi\nthere")]),
        ])
        do {
            _ = try decode(draft, as: .email, version: .v14_1)
            Issue.record("accepted an email Add before 16.0")
        } catch {
            #expect(error.code == .classNotAllowed)
        }
        guard case .email(let email) = try decode(draft, as: .email, version: .v16_0) else {
            Issue.record("not an email")
            return
        }
        #expect(email.properties.isDraft)
        #expect(email.properties.subject == "Grüße")
        #expect(email.properties.to == "ann@example.com")
        #expect(email.properties.importance == 2)
        let raw = String(decoding: email.raw, as: UTF8.self)
        #expect(raw.contains("Subject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n"))
        #expect(raw.hasSuffix("charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nHi\r\nthere"))
    }

    @Test func draftChangeRewritesWhatItSendsAndKeepsTheRest() throws {
        let added = applicationData([
            element("Email", "To", "ann@example.com"), element("Email", "Subject", "Plan"),
            element(
                "AirSyncBase", "Body",
                [element("AirSyncBase", "Type", "1"), element("AirSyncBase", "Data", "First words")]),
        ])
        let draft = try decode(added, as: .email, version: .v16_0)
        let change = applicationData([
            element("Email", "Subject", "Plan, second try"),
            element(
                "AirSyncBase", "Body",
                [element("AirSyncBase", "Type", "1"), element("AirSyncBase", "Data", "Better words")]),
            element("Email", "Categories", [element("Email", "Category", "Work")]),
        ])
        guard case .email(let changed) = try decode(change, as: .email, replacing: draft, version: .v16_0) else {
            Issue.record("not an email")
            return
        }
        #expect(changed.properties.isDraft)
        #expect(changed.properties.subject == "Plan, second try")
        #expect(changed.properties.to == "ann@example.com", "the recipients it left out are kept")
        #expect(changed.properties.categories == ["Work"])
        #expect(String(decoding: changed.raw, as: UTF8.self).hasSuffix("\r\n\r\nBetter words"))

        // Before 16.0, or for a message that is not a draft, a Change still touches only the flags.
        let old = try decode(change, as: .email, replacing: draft, version: .v14_1)
        guard case .email(let kept) = old else { return }
        #expect(kept.properties.subject == "Plan" && kept.properties.categories == ["Work"])
    }

    @Test func fileReferenceRoundTrips() {
        let reference = FileReference(serverID: "5:12", attachmentIndex: 3)
        #expect(reference.text == "5:12/3")
        #expect(FileReference("5:12/3") == reference)
        #expect(FileReference("5:12") == nil)
        #expect(FileReference("/3") == nil)
        #expect(FileReference("5:12/x") == nil)
    }

    @Test func badFlagDateIsRefused() {
        let data = applicationData([
            element("Email", "Flag", [element("Email", "Status", "2"), element("Tasks", "DueDate", "soon")])
        ])
        do {
            _ = try decode(data, as: .email, replacing: .email(Self.item()))
            Issue.record("accepted a bad date")
        } catch {
            #expect(error.code == .badValue && error.element == "Tasks:DueDate")
        }
    }
}

extension WBXMLElement {
    /// A copy with the child `namespace:name` replaced.
    func replacing(_ namespace: String, _ name: String, with replacement: WBXMLElement) -> WBXMLElement {
        let tag = WBXMLTag(namespace, name)
        return WBXMLElement(self.tag, elements: elements.map { $0.tag == tag ? replacement : $0 })
    }

    /// A copy without the children `namespace:name`.
    func removing(_ namespace: String, _ name: String) -> WBXMLElement {
        let tag = WBXMLTag(namespace, name)
        return WBXMLElement(self.tag, elements: elements.filter { $0.tag != tag })
    }
}
