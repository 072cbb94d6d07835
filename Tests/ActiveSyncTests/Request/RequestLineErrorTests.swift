import Testing

@testable import ActiveSync

struct RequestLineErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let query: String
        let code: RequestLineError.Code
        var testDescription: String { name }
    }

    static let iPhone = "&User=anna&DeviceId=ApplF17XK2QJ&DeviceType=iPhone"
    static func base64(
        version: UInt8 = 161, code: UInt8 = 0, deviceID: [UInt8] = Array("ApplF17XK2QJ".utf8), policyKey: [UInt8] = [],
        deviceType: String = "iPhone"
    ) -> Base64QueryFixture {
        Base64QueryFixture(
            version: version, code: code, deviceID: deviceID, policyKey: policyKey, deviceType: deviceType)
    }

    static let cases: [Case] = [
        Case(name: "empty query", query: "", code: .missingCommand),
        Case(name: "no Cmd", query: "User=anna&DeviceId=ApplF17XK2QJ&DeviceType=iPhone", code: .missingCommand),
        Case(name: "empty Cmd", query: "Cmd=" + iPhone, code: .missingCommand),
        Case(name: "unknown command name", query: "Cmd=Frobnicate" + iPhone, code: .unknownCommand),
        Case(name: "2.5-era name outside the table", query: "Cmd=GetAttachments" + iPhone, code: .unknownCommand),
        Case(name: "unknown command code", query: base64(code: 99).text, code: .unknownCommand),
        Case(name: "no DeviceId", query: "Cmd=Sync&User=anna&DeviceType=iPhone", code: .missingDeviceID),
        Case(name: "empty DeviceId", query: "Cmd=Sync&DeviceId=&DeviceType=iPhone", code: .missingDeviceID),
        Case(name: "device id length 0", query: base64(deviceID: []).text, code: .missingDeviceID),
        Case(
            name: "DeviceId with a dash", query: "Cmd=Sync&DeviceId=Appl-F17&DeviceType=iPhone", code: .invalidDeviceID),
        Case(
            name: "DeviceId of 33 characters",
            query: "Cmd=Sync&DeviceId=\(String(repeating: "A", count: 33))&DeviceType=x",
            code: .invalidDeviceID),
        Case(name: "DeviceId with escaped NUL", query: "Cmd=Sync&DeviceId=A%00B&DeviceType=x", code: .invalidDeviceID),
        Case(name: "DeviceId non-ASCII", query: "Cmd=Sync&DeviceId=%C3%A9t%C3%A9&DeviceType=x", code: .invalidDeviceID),
        Case(
            name: "binary device id not 16 bytes", query: base64(deviceID: [0xFF, 0x00, 0x01]).text,
            code: .invalidDeviceID),
        Case(name: "not base64", query: "!!!!", code: .malformedBase64),
        Case(name: "one stray base64 character", query: "jAAJB", code: .malformedBase64),
        Case(name: "broken escape in base64", query: "jAAJBA%ZZ", code: .malformedBase64),
        Case(name: "version byte 5", query: base64(version: 5).text, code: .malformedBase64),
        Case(name: "policy key length 3", query: base64(policyKey: [1, 2, 3]).text, code: .malformedBase64),
        Case(name: "ends inside the locale", query: Base64QueryFixture.encode([141, 0, 9]), code: .truncatedBase64),
        Case(
            name: "ends before the device id", query: Base64QueryFixture.encode([141, 0, 9, 4, 10, 0x41]),
            code: .truncatedBase64),
        Case(
            name: "ends inside the policy key", query: Base64QueryFixture.encode([141, 0, 9, 4, 1, 0x41, 4, 1, 2]),
            code: .truncatedBase64),
        Case(
            name: "no device type length", query: Base64QueryFixture.encode([141, 0, 9, 4, 1, 0x41, 0]),
            code: .truncatedBase64),
        Case(
            name: "parameter length past the end", query: base64().parameter(8, "anna").text.dropLastByte(),
            code: .truncatedBase64),
        Case(
            name: "tag without length", query: Base64QueryFixture.encode(base64().bytes + [8]), code: .truncatedBase64),
        Case(
            name: "duplicate DeviceId", query: "Cmd=Sync&DeviceId=ApplF17XK2QJ&deviceid=Other1&DeviceType=iPhone",
            code: .badParameter),
        Case(name: "duplicate User", query: "Cmd=Sync" + iPhone + "&User=bob", code: .badParameter),
        Case(name: "pair without '='", query: "Cmd=Sync&Verbose" + iPhone, code: .badParameter),
        Case(
            name: "broken escape", query: "Cmd=Sync&User=anna%4" + "&DeviceId=A1&DeviceType=iPhone", code: .badParameter
        ),
        Case(
            name: "escape not UTF-8", query: "Cmd=Sync&User=%E0%80&DeviceId=A1&DeviceType=iPhone", code: .badParameter),
        Case(
            name: "control character in User", query: "Cmd=Sync&User=anna%0Aroot&DeviceId=A1&DeviceType=iPhone",
            code: .badParameter),
        Case(
            name: "User of 256 bytes",
            query: "Cmd=Sync&User=\(String(repeating: "u", count: 256))&DeviceId=A1&DeviceType=iPhone",
            code: .badParameter),
        Case(
            name: "SaveInSent neither T nor F", query: "Cmd=SendMail" + iPhone + "&SaveInSent=yes", code: .badParameter),
        Case(name: "no DeviceType", query: "Cmd=Sync&User=anna&DeviceId=A1", code: .badParameter),
        Case(
            name: "DeviceType of 33", query: "Cmd=Sync&DeviceId=A1&DeviceType=\(String(repeating: "t", count: 33))",
            code: .badParameter),
        Case(
            name: "DeviceType with a space", query: "Cmd=Sync&DeviceId=A1&DeviceType=Smart+Phone", code: .badParameter),
        Case(name: "device type length 0", query: base64(deviceType: "").text, code: .badParameter),
        Case(name: "Options of two bytes", query: base64().parameter(7, [1, 2]).text, code: .badParameter),
        Case(name: "tag given twice", query: base64().parameter(8, "a").parameter(8, "b").text, code: .badParameter),
        Case(name: "User not UTF-8", query: base64().parameter(8, [0xC3]).text, code: .badParameter),
        Case(
            name: "query over 4 KiB",
            query: "Cmd=Sync" + iPhone + "&Pad=" + String(repeating: "p", count: 4096), code: .tooLong),
        Case(name: "base64 over 4 KiB", query: String(repeating: "A", count: 4100), code: .tooLong),
    ]

    @Test(arguments: cases)
    func malformedQueriesAreRefusedWithTheirCode(_ example: Case) {
        #expect {
            try RequestLine(query: example.query)
        } throws: { error in
            (error as? RequestLineError)?.code == example.code
        }
    }

    @Test func everyCodeIsDistinctAndNamed() {
        let codes: [RequestLineError.Code] = [
            .missingCommand, .unknownCommand, .missingDeviceID, .invalidDeviceID, .malformedBase64, .truncatedBase64,
            .badParameter, .tooLong,
        ]
        #expect(Set(codes).count == codes.count)
        #expect(Set(codes.map(\.description)).count == codes.count)
        #expect(Set(Self.cases.map(\.code)) == Set(codes))
    }

    @Test func detailNeverEchoesThePolicyKeyOrRawControlCharacters() {
        let query = Self.base64(policyKey: [0x78, 0x56, 0x34, 0x12]).parameter(8, "a").parameter(8, "b").text
        do throws(RequestLineError) {
            _ = try RequestLine(query: query)
            Issue.record("accepted a duplicate tag")
        } catch {
            #expect(!error.description.contains("305419896"))
            #expect(!error.description.contains("12345678"))
        }
        do throws(RequestLineError) {
            _ = try RequestLine(query: "Cmd=Sync%0AFAKE" + Self.iPhone)
            Issue.record("accepted a command with a newline")
        } catch {
            #expect(error.code == .unknownCommand)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func exactlyFourKiBIsStillRead() throws {
        let prefix = "Cmd=Sync" + Self.iPhone + "&Pad="
        let query = prefix + String(repeating: "p", count: RequestLine.maxQueryBytes - prefix.utf8.count)
        #expect(query.utf8.count == RequestLine.maxQueryBytes)
        #expect(try RequestLine(query: query).command == .sync)
    }

    @Test func lineBuiltByHandIsCheckedLikeAParsedOne() {
        #expect(throws: RequestLineError.self) {
            try RequestLine(command: Command(rawValue: "Frobnicate"), deviceID: "A1", deviceType: "x")
        }
        #expect(throws: RequestLineError.self) {
            try RequestLine(command: .sync, deviceID: "A1", deviceType: "x", protocolVersion: ProtocolVersion(16, 10))
        }
        #expect(throws: RequestLineError.self) {
            try RequestLine(command: .sync, user: "", deviceID: "A1", deviceType: "x")
        }
    }
}

extension String {
    /// The base64 text of the same bytes minus the last one.
    fileprivate func dropLastByte() -> String {
        var bytes: [UInt8] = []
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var bits: UInt32 = 0
        var count = 0
        for character in utf8 where character != UInt8(ascii: "=") {
            guard let value = alphabet.firstIndex(of: character) else { continue }
            bits = bits << 6 | UInt32(value)
            count += 6
            if count >= 8 {
                count -= 8
                bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(count)))
            }
        }
        return Base64QueryFixture.encode(Array(bytes.dropLast()))
    }
}

struct RequestLineDescriptionTests {
    @Test func descriptionRedactsThePolicyKey() throws {
        let line = try RequestLine(
            command: .sync, user: "anna", deviceID: "ApplF17XK2QJ", deviceType: "iPhone", protocolVersion: .v16_1,
            policyKey: 3_141_592_653)
        #expect(line.description == "Sync user=\"anna\" device=ApplF17XK2QJ/iPhone version=16.1 policyKey=<redacted>")
        #expect(!line.description.contains("3141592653"))
    }
}
