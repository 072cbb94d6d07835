import Testing

@testable import ActiveSync

struct RequestLineBase64Tests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let query: String
        let expected: RequestLine
        var testDescription: String { name }
    }

    static func line(
        _ command: Command, user: String? = nil, deviceID: String, deviceType: String,
        version: ProtocolVersion = .v16_1, policyKey: UInt32? = nil, locale: UInt16? = 0x0409,
        collectionID: String? = nil, itemID: String? = nil, longID: String? = nil, occurrence: String? = nil,
        attachmentName: String? = nil, saveInSent: Bool = false, acceptMultiPart: Bool = false
    ) -> RequestLine {
        do {
            return try RequestLine(
                command: command, user: user, deviceID: deviceID, deviceType: deviceType, protocolVersion: version,
                policyKey: policyKey, locale: locale, collectionID: collectionID, itemID: itemID, longID: longID,
                occurrence: occurrence, attachmentName: attachmentName, saveInSent: saveInSent,
                acceptMultiPart: acceptMultiPart)
        } catch {
            fatalError("fixture line refused: \(error)")
        }
    }

    /// The specification's example: 14.0, Sync, locale 0x0409, `v140Device`, `SmartPhone`.
    static let specificationExample = "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l"

    static let cases: [Case] = [
        Case(
            name: "MS-ASHTTP 2.2.1.1.1.1 example", query: specificationExample,
            expected: line(.sync, deviceID: "v140Device", deviceType: "SmartPhone", version: .v14_0)),
        Case(
            name: "Provision with policy key 0x12345678",
            query: Base64QueryFixture(
                deviceID: "ApplF17XK2QJ", code: 20, deviceType: "iPhone", policyKey: [0x78, 0x56, 0x34, 0x12]
            ).parameter(8, "anna@example.org").text,
            expected: line(
                .provision, user: "anna@example.org", deviceID: "ApplF17XK2QJ", deviceType: "iPhone",
                policyKey: 0x1234_5678)),
        Case(
            name: "SmartReply with ids and SaveInSent",
            query: Base64QueryFixture(deviceID: "WP8Device01", code: 3, deviceType: "WP8", version: 141)
                .parameter(1, "5").parameter(3, "5:12").parameter(7, [0x01]).parameter(8, "anna").text,
            expected: line(
                .smartReply, user: "anna", deviceID: "WP8Device01", deviceType: "WP8", version: .v14_1,
                collectionID: "5", itemID: "5:12", saveInSent: true)),
        Case(
            name: "SmartForward with LongId and Occurrence",
            query: Base64QueryFixture(deviceID: "WP8Device01", code: 2, deviceType: "WP8", version: 160)
                .parameter(4, "RgAAAA+x").parameter(6, "2024-05-01T09:00:00.000Z").text,
            expected: line(
                .smartForward, deviceID: "WP8Device01", deviceType: "WP8", version: .v16_0, longID: "RgAAAA+x",
                occurrence: "2024-05-01T09:00:00.000Z")),
        Case(
            name: "GetAttachment by name, locale 0x0407",
            query: Base64QueryFixture(
                version: 121, code: 4, locale: 0x0407, deviceID: Array("Nokia0042".utf8), deviceType: "Lumia"
            ).parameter(0, "5:12:0").text,
            expected: line(
                .getAttachment, deviceID: "Nokia0042", deviceType: "Lumia", version: .v12_1, locale: 0x0407,
                attachmentName: "5:12:0")),
        Case(
            name: "ItemOperations with AcceptMultiPart and an unknown Options bit",
            query: Base64QueryFixture(deviceID: "TernDev01", code: 19, deviceType: "TernDevice")
                .parameter(7, [0x82]).text,
            expected: line(.itemOperations, deviceID: "TernDev01", deviceType: "TernDevice", acceptMultiPart: true)),
        Case(
            name: "Find (code 23), locale 0 reads as nil, unknown tag 2 skipped",
            query: Base64QueryFixture(
                version: 161, code: 23, locale: 0, deviceID: Array("ABC123".utf8), deviceType: "x"
            )
            .parameter(2, "ignored").text,
            expected: line(.find, deviceID: "ABC123", deviceType: "x", locale: nil)),
        Case(
            name: "16-byte binary GUID device id as hex",
            query: Base64QueryFixture(
                version: 141, code: 9,
                deviceID: [
                    0x3B, 0x2F, 0x8E, 0x0C, 0x41, 0xD5, 0x4A, 0x0E, 0x9A, 0x7B, 0x6C, 0x5D, 0x4E, 0x3F, 0x2A, 0x1B,
                ],
                deviceType: "PocketPC"
            ).text,
            expected: line(
                .folderSync, deviceID: "3B2F8E0C41D54A0E9A7B6C5D4E3F2A1B", deviceType: "PocketPC", version: .v14_1)),
    ]

    @Test(arguments: cases)
    func base64QueriesReadAsTypedFields(_ example: Case) throws {
        #expect(try RequestLine(query: example.query) == example.expected)
    }

    @Test(arguments: cases)
    func base64FormRoundTrips(_ example: Case) throws {
        let written = example.expected.base64Query()
        #expect(try RequestLine(query: written) == example.expected)
        #expect(try RequestLine(base64Query: written) == example.expected)
    }

    @Test func specificationExampleIsWrittenBackByteIdentical() throws {
        #expect(try RequestLine(query: Self.specificationExample).base64Query() == Self.specificationExample)
    }

    @Test func writerUsesSpecificationLayout() throws {
        let line = Self.line(
            .smartReply, user: "anna", deviceID: "WP8Device01", deviceType: "WP8", version: .v14_1,
            policyKey: 0x0102_0304, collectionID: "5", itemID: "5:12", saveInSent: true)
        let expected = Base64QueryFixture(
            deviceID: "WP8Device01", code: 3, deviceType: "WP8", version: 141, policyKey: [0x04, 0x03, 0x02, 0x01]
        ).parameter(1, "5").parameter(3, "5:12").parameter(7, [0x01]).parameter(8, "anna")
        #expect(line.base64Query() == expected.text)
    }

    @Test func percentEscapedAndUnpaddedBase64IsAccepted() throws {
        // Unknown tag 2 carries bytes that encode as "+" and "/"; the total leaves padding.
        let fixture = Base64QueryFixture(deviceID: "v140Device", code: 0, deviceType: "SmartPhone")
            .parameter(2, [0x00, 0xFB, 0xEF, 0xBE, 0xFF, 0xFF, 0xFF, 0x00])
        let text = fixture.text
        #expect(text.contains("+") && text.contains("/") && text.hasSuffix("="))
        let expected = Self.line(.sync, deviceID: "v140Device", deviceType: "SmartPhone")
        let escaped = text.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2f")
            .replacingOccurrences(of: "=", with: "%3D")
        #expect(try RequestLine(query: escaped) == expected)
        let unpadded = String(text.prefix { $0 != "=" })
        #expect(try RequestLine(query: unpadded) == expected)
    }

    @Test func plainAndBase64FormsOfOneRequestAgreeOnSharedFields() throws {
        let plain = try RequestLine(query: "Cmd=Sync&DeviceId=v140Device&DeviceType=SmartPhone")
        let base64 = try RequestLine(query: Self.specificationExample)
        #expect(plain.command == base64.command)
        #expect(plain.deviceID == base64.deviceID)
        #expect(plain.deviceType == base64.deviceType)
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
