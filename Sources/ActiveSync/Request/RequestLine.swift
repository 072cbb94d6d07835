/// What the query value of an EAS POST says: the command, who sends it from which device, and
/// the command's parameters (MS-ASHTTP 2.2.1.1.1).
///
/// Two wire forms carry the same values. The plain form (MS-ASHTTP 2.2.1.1.1.2):
///
/// ```
/// POST /Microsoft-Server-ActiveSync?Cmd=Sync&User=anna&DeviceId=ApplF17XK2QJ&DeviceType=iPhone
/// ```
///
/// and the base64 form (MS-ASHTTP 2.2.1.1.1.1), which also carries the protocol version,
/// policy key and locale that the plain form sends as headers:
///
/// ```
/// POST /Microsoft-Server-ActiveSync?jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l
/// ```
///
/// Every value of this type can be written in both forms: the initialisers refuse anything
/// the base64 form could not carry (fields over 255 bytes, commands without a code).
public struct RequestLine: Hashable, Sendable {
    /// The longest query value read, in UTF-8 bytes, checked before anything else.
    public static let maxQueryBytes = 4096
    /// MS-ASHTTP 2.2.1.1.1.2.3: `device-id = 1*32(ALPHA / DIGIT)`.
    public static let maxDeviceIDLength = 32
    /// Tern's bound on `DeviceType`; real clients send short names such as `iPhone`,
    /// `Outlook` or `SAMSUNGSMG991B`.
    public static let maxDeviceTypeLength = 32
    /// The base64 form's one-byte length field bounds every other value (MS-ASHTTP 2.2.1.1.1.1.1).
    public static let maxParameterBytes = 255

    public let command: Command
    /// `User=`, or base64 tag 8; optional because the credentials name the user anyway.
    public let user: String?
    /// `DeviceId=`: 1 to 32 ASCII letters and digits. A 16-byte binary GUID in the base64
    /// form is read as its 32 upper-case hex digits.
    public let deviceID: String
    /// `DeviceType=`: 1 to 32 printable ASCII characters, e.g. `iPhone`.
    public let deviceType: String
    /// Only in the base64 form; the plain form sends `MS-ASProtocolVersion`.
    public let protocolVersion: ProtocolVersion?
    /// Only in the base64 form; the plain form sends `X-MS-PolicyKey`.
    public let policyKey: UInt32?
    /// Only in the base64 form, an MS-LCID value such as 0x0409; 0 there reads as nil.
    public let locale: UInt16?
    /// `CollectionId=` (SmartForward, SmartReply; MS-ASHTTP 2.2.1.1.1.2.5), base64 tag 1.
    public let collectionID: String?
    /// `ItemId=` (SmartForward, SmartReply), base64 tag 3.
    public let itemID: String?
    /// `LongId=` (SmartForward, SmartReply: a Search result), base64 tag 4.
    public let longID: String?
    /// `Occurrence=` (SmartForward, SmartReply: one meeting occurrence), base64 tag 6.
    public let occurrence: String?
    /// `AttachmentName=` (GetAttachment), base64 tag 0.
    public let attachmentName: String?
    /// `SaveInSent=T`, or bit 0x01 of base64 tag 7 (Options). False when absent, as the
    /// specification defaults it to F.
    public let saveInSent: Bool
    /// `AcceptMultiPart=T`, or bit 0x02 of base64 tag 7 (ItemOperations; MS-ASHTTP
    /// 2.2.1.1.2.5). The `MS-ASAcceptMultiPart` header is the server's to read.
    public let acceptMultiPart: Bool

    /// A request line from its parts, checked as strictly as a parsed one so it can be
    /// written in either form.
    public init(
        command: Command,
        user: String? = nil,
        deviceID: String,
        deviceType: String,
        protocolVersion: ProtocolVersion? = nil,
        policyKey: UInt32? = nil,
        locale: UInt16? = nil,
        collectionID: String? = nil,
        itemID: String? = nil,
        longID: String? = nil,
        occurrence: String? = nil,
        attachmentName: String? = nil,
        saveInSent: Bool = false,
        acceptMultiPart: Bool = false
    ) throws(RequestLineError) {
        guard command.code != nil else {
            throw RequestLineError(.unknownCommand, "command \(RequestLine.quoted(command.rawValue)) is not known")
        }
        try RequestLine.checkDeviceID(deviceID)
        try RequestLine.checkDeviceType(deviceType)
        if let protocolVersion, protocolVersion.base64Byte == nil {
            throw RequestLineError(.badParameter, "protocol version \(protocolVersion) has no base64 form")
        }
        try RequestLine.checkText(user, "User")
        try RequestLine.checkText(collectionID, "CollectionId")
        try RequestLine.checkText(itemID, "ItemId")
        try RequestLine.checkText(longID, "LongId")
        try RequestLine.checkText(occurrence, "Occurrence")
        try RequestLine.checkText(attachmentName, "AttachmentName")
        self.command = command
        self.user = user
        self.deviceID = deviceID
        self.deviceType = deviceType
        self.protocolVersion = protocolVersion
        self.policyKey = policyKey
        self.locale = locale
        self.collectionID = collectionID
        self.itemID = itemID
        self.longID = longID
        self.occurrence = occurrence
        self.attachmentName = attachmentName
        self.saveInSent = saveInSent
        self.acceptMultiPart = acceptMultiPart
    }

    /// Reads a query value (the part of the URI after `?`) in either form.
    ///
    /// The form is told apart by shape: the plain form has `&`, a `name=value` pair or a
    /// leading `Cmd=`; base64 text has `=` only as trailing padding. See
    /// `init(plainQuery:)` and `init(base64Query:)` for what each refuses.
    public init(query: String) throws(RequestLineError) {
        guard query.utf8.count <= RequestLine.maxQueryBytes else {
            throw RequestLineError(
                .tooLong, "query is \(query.utf8.count) bytes, more than \(RequestLine.maxQueryBytes)")
        }
        if RequestLine.looksPlain(query) {
            try self.init(plainQuery: query)
        } else {
            try self.init(base64Query: query)
        }
    }

    static func looksPlain(_ query: String) -> Bool {
        let bytes = Array(query.utf8)
        if Command.asciiLowercased(query.utf8.prefix(4)) == Array("cmd=".utf8) { return true }
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "&") { return true }
            if byte == UInt8(ascii: "="), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "=") {
                return true
            }
        }
        return false
    }

    // MARK: Field rules shared by both forms

    static func checkDeviceID(_ deviceID: String) throws(RequestLineError) {
        guard !deviceID.isEmpty else { throw RequestLineError(.missingDeviceID, "DeviceId is empty") }
        guard deviceID.utf8.count <= maxDeviceIDLength else {
            throw RequestLineError(
                .invalidDeviceID, "DeviceId is \(deviceID.utf8.count) characters, more than \(maxDeviceIDLength)")
        }
        guard deviceID.utf8.allSatisfy(isASCIIAlphanumeric) else {
            throw RequestLineError(.invalidDeviceID, "DeviceId \(quoted(deviceID)) is not only letters and digits")
        }
    }

    static func checkDeviceType(_ deviceType: String) throws(RequestLineError) {
        guard !deviceType.isEmpty else { throw RequestLineError(.badParameter, "DeviceType is missing") }
        guard deviceType.utf8.count <= maxDeviceTypeLength else {
            throw RequestLineError(
                .badParameter, "DeviceType is \(deviceType.utf8.count) bytes, more than \(maxDeviceTypeLength)")
        }
        guard deviceType.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw RequestLineError(.badParameter, "DeviceType \(quoted(deviceType)) is not printable ASCII")
        }
    }

    /// Free-text values: non-empty (absent is nil), at most 255 UTF-8 bytes, and no control
    /// characters, which have no business in an id or file name and would forge log lines.
    static func checkText(_ value: String?, _ name: String) throws(RequestLineError) {
        guard let value else { return }
        guard !value.isEmpty else { throw RequestLineError(.badParameter, "\(name) is empty") }
        guard value.utf8.count <= maxParameterBytes else {
            throw RequestLineError(
                .badParameter, "\(name) is \(value.utf8.count) bytes, more than \(maxParameterBytes)")
        }
        guard !value.unicodeScalars.contains(where: isControl) else {
            throw RequestLineError(.badParameter, "\(name) contains a control character")
        }
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A device's text for an error detail: at most 40 characters, control characters escaped.
    static func quoted(_ text: some StringProtocol) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(40) {
            shown += isControl(scalar) ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return "\"\(shown)\(text.unicodeScalars.count > 40 ? "…" : "")\""
    }
}

extension RequestLine: CustomStringConvertible {
    /// One log line, `Sync user="anna" device=ApplF17XK2QJ/iPhone version=16.1 policyKey=<redacted>`:
    /// the policy key is never shown (STYLE.md, example 9).
    public var description: String {
        var parts = [command.rawValue]
        if let user { parts.append("user=\(RequestLine.quoted(user))") }
        parts.append("device=\(deviceID)/\(deviceType)")
        if let protocolVersion { parts.append("version=\(protocolVersion)") }
        if policyKey != nil { parts.append("policyKey=<redacted>") }
        return parts.joined(separator: " ")
    }
}
