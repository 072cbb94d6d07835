import WBXML

extension RequestLine {
    /// Command parameter tags of the base64 form (MS-ASHTTP 2.2.1.1.1.1.3).
    private enum Tag {
        static let attachmentName: UInt8 = 0
        static let collectionID: UInt8 = 1
        static let itemID: UInt8 = 3
        static let longID: UInt8 = 4
        static let occurrence: UInt8 = 6
        static let options: UInt8 = 7
        static let user: UInt8 = 8
    }

    /// Bits of the Options parameter (MS-ASHTTP 2.2.1.1.1.1.3).
    private enum OptionBit {
        static let saveInSent: UInt8 = 0x01
        static let acceptMultiPart: UInt8 = 0x02
    }

    /// Reads the base64 form (MS-ASHTTP 2.2.1.1.1.1), whose bytes are
    ///
    /// ```
    /// version(1) command(1) locale(2, little-endian)
    /// deviceIdLength(1) deviceId  policyKeyLength(1: 0 or 4) policyKey(uint32, little-endian)
    /// deviceTypeLength(1) deviceType  { tag(1) length(1) value }*
    /// ```
    ///
    /// `jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l` is 14.0, Sync, locale 0x0409, device
    /// `v140Device`, no policy key, type `SmartPhone`.
    ///
    /// The text may be percent-escaped (`%2B`, `%2F`, `%3D`) and may lack its `=` padding.
    /// Every length is checked against the bytes left: one that runs past the end is
    /// `truncatedBase64`. Unknown tags are skipped, as in the plain form; a tag given twice
    /// is refused; Options bits other than 0x01 and 0x02 are ignored.
    public init(base64Query query: String) throws(RequestLineError) {
        guard query.utf8.count <= RequestLine.maxQueryBytes else {
            throw RequestLineError(
                .tooLong, "query is \(query.utf8.count) bytes, more than \(RequestLine.maxQueryBytes)")
        }
        var reader = QueryReader(try RequestLine.base64Bytes(query))

        let versionByte = try reader.byte("the protocol version")
        guard let version = ProtocolVersion(base64Byte: versionByte) else {
            throw RequestLineError(.malformedBase64, "protocol version byte \(versionByte) names no version")
        }
        let code = try reader.byte("the command code")
        guard let command = Command(code: code) else {
            throw RequestLineError(.unknownCommand, "command code \(code) is not known")
        }
        let locale = try reader.uint16LittleEndian("the locale")

        let deviceIDLength = Int(try reader.byte("the device ID length"))
        guard deviceIDLength > 0 else { throw RequestLineError(.missingDeviceID, "the device ID length is 0") }
        let deviceID = try RequestLine.deviceID(from: try reader.bytes(deviceIDLength, "the device ID"))

        let policyKey: UInt32?
        switch try reader.byte("the policy key length") {
        case 0: policyKey = nil
        case 4: policyKey = try reader.uint32LittleEndian("the policy key")
        case let length:
            throw RequestLineError(.malformedBase64, "the policy key length is \(length), not 0 or 4")
        }

        let deviceTypeLength = Int(try reader.byte("the device type length"))
        let deviceType = try RequestLine.text(try reader.bytes(deviceTypeLength, "the device type"), "DeviceType")

        var values: [UInt8: [UInt8]] = [:]
        while !reader.isAtEnd {
            let tag = try reader.byte("a parameter tag")
            let length = Int(try reader.byte("the length of parameter \(tag)"))
            let value = try reader.bytes(length, "the value of parameter \(tag)")
            guard values[tag] == nil else {
                throw RequestLineError(.badParameter, "parameter tag \(tag) is given twice")
            }
            values[tag] = value
        }
        func text(_ tag: UInt8, _ name: String) throws(RequestLineError) -> String? {
            guard let bytes = values[tag], !bytes.isEmpty else { return nil }
            return try RequestLine.text(bytes, name)
        }
        var options: UInt8 = 0
        if let bytes = values[Tag.options] {
            guard bytes.count == 1 else {
                throw RequestLineError(.badParameter, "Options is \(bytes.count) bytes, not 1")
            }
            options = bytes[0]
        }

        try self.init(
            command: command,
            user: try text(Tag.user, "User"),
            deviceID: deviceID,
            deviceType: deviceType,
            protocolVersion: version,
            policyKey: policyKey,
            locale: locale == 0 ? nil : locale,
            collectionID: try text(Tag.collectionID, "CollectionId"),
            itemID: try text(Tag.itemID, "ItemId"),
            longID: try text(Tag.longID, "LongId"),
            occurrence: try text(Tag.occurrence, "Occurrence"),
            attachmentName: try text(Tag.attachmentName, "AttachmentName"),
            saveInSent: options & OptionBit.saveInSent != 0,
            acceptMultiPart: options & OptionBit.acceptMultiPart != 0
        )
    }

    /// The base64 form, padded and unescaped as in the specification's example; 14.1, Sync,
    /// locale 0x0409, `v140Device`, `SmartPhone` is written as
    ///
    /// ```
    /// jQAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l
    /// ```
    ///
    /// A nil locale is written as 0 and a nil policy key as length 0. The form cannot omit
    /// the version, so calling this on a line without `protocolVersion` is a programming
    /// error and traps.
    public func base64Query() -> String {
        guard let versionByte = protocolVersion?.base64Byte else {
            preconditionFailure("base64Query() needs a protocolVersion with a byte form")
        }
        guard let code = command.code else { preconditionFailure("RequestLine holds a command without a code") }
        var bytes: [UInt8] = [versionByte, code]
        let locale = locale ?? 0
        bytes += [UInt8(truncatingIfNeeded: locale), UInt8(truncatingIfNeeded: locale >> 8)]
        RequestLine.appendCounted(Array(deviceID.utf8), to: &bytes)
        if let policyKey {
            bytes.append(4)
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: policyKey >> shift)) }
        } else {
            bytes.append(0)
        }
        RequestLine.appendCounted(Array(deviceType.utf8), to: &bytes)

        func parameter(_ tag: UInt8, _ value: String?) {
            guard let value else { return }
            bytes.append(tag)
            RequestLine.appendCounted(Array(value.utf8), to: &bytes)
        }
        parameter(Tag.attachmentName, attachmentName)
        parameter(Tag.collectionID, collectionID)
        parameter(Tag.itemID, itemID)
        parameter(Tag.longID, longID)
        parameter(Tag.occurrence, occurrence)
        let options = (saveInSent ? OptionBit.saveInSent : 0) | (acceptMultiPart ? OptionBit.acceptMultiPart : 0)
        if options != 0 { bytes += [Tag.options, 1, options] }
        parameter(Tag.user, user)
        return Base64.encode(bytes)
    }

    /// Values were bounded to 255 bytes by the initialiser, so the length always fits.
    private static func appendCounted(_ value: [UInt8], to bytes: inout [UInt8]) {
        guard let length = UInt8(exactly: value.count) else {
            preconditionFailure("RequestLine holds a value of \(value.count) bytes")
        }
        bytes.append(length)
        bytes += value
    }

    private static func base64Bytes(_ query: String) throws(RequestLineError) -> [UInt8] {
        guard let unescaped = percentDecodedBytes(query.utf8, plusIsSpace: false) else {
            throw RequestLineError(.malformedBase64, "the query has a broken %-escape")
        }
        var text = String(decoding: unescaped, as: UTF8.self)
        switch text.utf8.count % 4 {
        case 2: text += "=="
        case 3: text += "="
        default: break
        }
        guard !text.isEmpty else { throw RequestLineError(.missingCommand, "the query is empty") }
        guard let bytes = Base64.decode(text) else {
            throw RequestLineError(.malformedBase64, "the query is neither name=value pairs nor base64")
        }
        return bytes
    }

    /// Letters and digits as sent; a 16-byte binary GUID, which MS-ASHTTP 2.2.1.1.1.1 also
    /// allows here, as 32 upper-case hex digits so it fits the plain form's rule.
    private static func deviceID(from bytes: [UInt8]) throws(RequestLineError) -> String {
        if bytes.allSatisfy(isASCIIAlphanumeric) { return String(decoding: bytes, as: UTF8.self) }
        guard bytes.count == 16 else {
            throw RequestLineError(.invalidDeviceID, "the device ID is neither letters and digits nor a 16-byte GUID")
        }
        let hex = Array("0123456789ABCDEF".utf8)
        return String(decoding: bytes.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    private static func text(_ bytes: [UInt8], _ name: String) throws(RequestLineError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RequestLineError(.badParameter, "\(name) is not UTF-8")
        }
        return text
    }
}

/// A cursor over the decoded base64 bytes that never reads past the end.
private struct QueryReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func byte(_ what: String) throws(RequestLineError) -> UInt8 {
        try bytes(1, what)[0]
    }

    mutating func bytes(_ count: Int, _ what: String) throws(RequestLineError) -> [UInt8] {
        guard count <= bytes.count - offset else {
            throw RequestLineError(
                .truncatedBase64, "\(what) needs \(count) bytes at byte \(offset), \(bytes.count - offset) left")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func uint16LittleEndian(_ what: String) throws(RequestLineError) -> UInt16 {
        let pair = try bytes(2, what)
        return UInt16(pair[0]) | UInt16(pair[1]) << 8
    }

    mutating func uint32LittleEndian(_ what: String) throws(RequestLineError) -> UInt32 {
        try bytes(4, what).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}
