import Testing

@testable import ActiveSync

struct RequestLinePlainTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let query: String
        let expected: RequestLine
        var testDescription: String { query }
    }

    static func line(
        _ command: Command, user: String? = nil, deviceID: String, deviceType: String, collectionID: String? = nil,
        itemID: String? = nil, longID: String? = nil, occurrence: String? = nil, attachmentName: String? = nil,
        saveInSent: Bool = false, acceptMultiPart: Bool = false
    ) -> RequestLine {
        do {
            return try RequestLine(
                command: command, user: user, deviceID: deviceID, deviceType: deviceType, collectionID: collectionID,
                itemID: itemID, longID: longID, occurrence: occurrence, attachmentName: attachmentName,
                saveInSent: saveInSent, acceptMultiPart: acceptMultiPart)
        } catch {
            fatalError("fixture line refused: \(error)")
        }
    }

    static let cases: [Case] = [
        // MS-ASHTTP 2.2.1.1.1 and 4.1.
        Case(
            query: "Cmd=Sync&User=rmjones&DeviceId=v140Device&DeviceType=SmartPhone",
            expected: line(.sync, user: "rmjones", deviceID: "v140Device", deviceType: "SmartPhone")),
        Case(
            query: "Cmd=FolderSync&User=fakename&DeviceId=v140Device&DeviceType=SmartPhone",
            expected: line(.folderSync, user: "fakename", deviceID: "v140Device", deviceType: "SmartPhone")),
        // iOS Mail.
        Case(
            query: "Cmd=Provision&User=anna%40example.org&DeviceId=ApplF17XK2QJ&DeviceType=iPhone",
            expected: line(.provision, user: "anna@example.org", deviceID: "ApplF17XK2QJ", deviceType: "iPhone")),
        Case(
            query:
                "Cmd=SmartReply&ItemId=5%3A12&CollectionId=5&User=anna%40example.org&DeviceId=ApplF17XK2QJHG7F&DeviceType=iPad&SaveInSent=T",
            expected: line(
                .smartReply, user: "anna@example.org", deviceID: "ApplF17XK2QJHG7F", deviceType: "iPad",
                collectionID: "5", itemID: "5:12", saveInSent: true)),
        Case(
            query:
                "Cmd=SendMail&User=anna%40example.org&DeviceId=ApplF17XK2QJ&DeviceType=iPhone&SaveInSent=T",
            expected: line(
                .sendMail, user: "anna@example.org", deviceID: "ApplF17XK2QJ", deviceType: "iPhone", saveInSent: true)),
        // Outlook for Android.
        Case(
            query: "Cmd=Sync&User=anna%40example.org&DeviceId=3B2F8E0C41D54A0E9A7B6C5D4E3F2A1B&DeviceType=Outlook",
            expected: line(
                .sync, user: "anna@example.org", deviceID: "3B2F8E0C41D54A0E9A7B6C5D4E3F2A1B", deviceType: "Outlook")),
        // Samsung Email: a DOMAIN\user login, a model-named device type.
        Case(
            query: "Cmd=Ping&User=EXAMPLE%5Canna&DeviceId=SEC1A2B3C4D5E6F7&DeviceType=SAMSUNGSMG991B",
            expected: line(.ping, user: "EXAMPLE\\anna", deviceID: "SEC1A2B3C4D5E6F7", deviceType: "SAMSUNGSMG991B")),
        Case(
            query:
                "Cmd=GetAttachment&AttachmentName=5%3A12%3A0&User=anna&DeviceId=SEC1A2B3C4D5E6F7&DeviceType=SAMSUNGSMG991B",
            expected: line(
                .getAttachment, user: "anna", deviceID: "SEC1A2B3C4D5E6F7", deviceType: "SAMSUNGSMG991B",
                attachmentName: "5:12:0")),
        Case(
            query:
                "Cmd=SmartForward&User=anna&DeviceId=SEC1A2B3C4D5E6F7&DeviceType=SAMSUNGSMG991B&LongId=RgAAAA%2Bx&Occurrence=2024-05-01T09%3A00%3A00.000Z",
            expected: line(
                .smartForward, user: "anna", deviceID: "SEC1A2B3C4D5E6F7", deviceType: "SAMSUNGSMG991B",
                longID: "RgAAAA+x", occurrence: "2024-05-01T09:00:00.000Z")),
        Case(
            query: "Cmd=ItemOperations&User=anna&DeviceId=TernDev01&DeviceType=TernDevice&AcceptMultiPart=T",
            expected: line(
                .itemOperations, user: "anna", deviceID: "TernDev01", deviceType: "TernDevice", acceptMultiPart: true)),
        // Names in any case and order, `+` as a space, unknown names skipped, User optional.
        Case(
            query: "deviceid=android1234&CMD=foldersync&user=Anna+Berg&DEVICETYPE=Android&Foo=bar&",
            expected: line(.folderSync, user: "Anna Berg", deviceID: "android1234", deviceType: "Android")),
        Case(
            query: "Cmd=Find&DeviceId=ABC123&DeviceType=WindowsOutlook15&SaveInSent=F&User=",
            expected: line(.find, deviceID: "ABC123", deviceType: "WindowsOutlook15")),
    ]

    @Test(arguments: cases)
    func plainQueriesReadAsTypedFields(_ example: Case) throws {
        let line = try RequestLine(query: example.query)
        #expect(line == example.expected)
        #expect(line.protocolVersion == nil)
        #expect(line.policyKey == nil)
        #expect(line.locale == nil)
    }

    @Test(arguments: cases)
    func plainFormRoundTrips(_ example: Case) throws {
        let written = example.expected.plainQuery()
        #expect(try RequestLine(query: written) == example.expected)
        #expect(try RequestLine(plainQuery: written) == example.expected)
    }

    @Test func plainFormIsWrittenInSpecificationOrderWithEscapes() throws {
        let line = try RequestLine(
            query:
                "ItemId=5%3A12&CollectionId=5&Cmd=SmartReply&SaveInSent=T&User=anna%40example.org&DeviceId=ApplF17XK2QJ&DeviceType=iPhone"
        )
        #expect(
            line.plainQuery()
                == "Cmd=SmartReply&User=anna%40example.org&DeviceId=ApplF17XK2QJ&DeviceType=iPhone&CollectionId=5&ItemId=5%3A12&SaveInSent=T"
        )
    }

    @Test func canonicalPlainQueryIsWrittenBackByteIdentical() throws {
        let query = "Cmd=Provision&User=anna%40example.org&DeviceId=ApplF17XK2QJ&DeviceType=iPhone"
        #expect(try RequestLine(query: query).plainQuery() == query)
    }

    @Test func nonASCIIUserIsPercentEncodedAsUTF8() throws {
        let line = try RequestLine(command: .sync, user: "zoë@example.org", deviceID: "A1", deviceType: "iPhone")
        #expect(line.plainQuery() == "Cmd=Sync&User=zo%C3%AB%40example.org&DeviceId=A1&DeviceType=iPhone")
        #expect(try RequestLine(query: line.plainQuery()) == line)
    }
}
