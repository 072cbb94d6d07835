extension RequestLine {
    /// The parameter names of the plain form (MS-ASHTTP 2.2.1.1.1.2 and 2.2.1.1.1.2.5), as
    /// written, and in the order `plainQuery()` writes them.
    private static let plainNames = [
        "Cmd", "User", "DeviceId", "DeviceType", "AttachmentName", "CollectionId", "ItemId", "LongId",
        "Occurrence", "SaveInSent", "AcceptMultiPart",
    ]

    /// Reads the plain form (MS-ASHTTP 2.2.1.1.1.2):
    ///
    /// ```
    /// Cmd=SmartReply&User=anna%40example.org&DeviceId=ApplF17XK2QJ&DeviceType=iPhone&ItemId=5%3A12&CollectionId=5&SaveInSent=T
    /// ```
    ///
    /// Names match ignoring ASCII case and in any order, as clients vary; values are
    /// percent-decoded with `+` as a space and must be UTF-8. Unknown names are skipped, since
    /// the grammar leaves `parameter-name` open. A known name given twice is refused: which
    /// copy wins would be a guess, and a second `DeviceId` or `User` is how requests are
    /// smuggled past a check. An empty optional value counts as absent.
    public init(plainQuery query: String) throws(RequestLineError) {
        guard query.utf8.count <= RequestLine.maxQueryBytes else {
            throw RequestLineError(
                .tooLong, "query is \(query.utf8.count) bytes, more than \(RequestLine.maxQueryBytes)")
        }
        var values: [String: String] = [:]
        for pair in query.utf8.split(separator: UInt8(ascii: "&")) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else {
                throw RequestLineError(
                    .badParameter, "parameter \(RequestLine.quoted(String(decoding: pair, as: UTF8.self))) has no '='")
            }
            let folded = Command.asciiLowercased(pair[..<equals])
            guard let name = RequestLine.plainNames.first(where: { Command.asciiLowercased($0.utf8) == folded }) else {
                continue
            }
            guard values[name] == nil else { throw RequestLineError(.badParameter, "\(name) is given twice") }
            values[name] = try RequestLine.percentDecoded(pair[pair.index(after: equals)...], name)
        }

        guard let commandName = values["Cmd"], !commandName.isEmpty else {
            throw RequestLineError(.missingCommand, "the query has no Cmd")
        }
        guard let command = Command(knownName: commandName) else {
            throw RequestLineError(.unknownCommand, "command \(RequestLine.quoted(commandName)) is not known")
        }
        guard let deviceID = values["DeviceId"], !deviceID.isEmpty else {
            throw RequestLineError(.missingDeviceID, "the query has no DeviceId")
        }
        func text(_ name: String) -> String? {
            guard let value = values[name], !value.isEmpty else { return nil }
            return value
        }
        try self.init(
            command: command,
            user: text("User"),
            deviceID: deviceID,
            deviceType: values["DeviceType"] ?? "",
            collectionID: text("CollectionId"),
            itemID: text("ItemId"),
            longID: text("LongId"),
            occurrence: text("Occurrence"),
            attachmentName: text("AttachmentName"),
            saveInSent: try RequestLine.flag(text("SaveInSent"), "SaveInSent"),
            acceptMultiPart: try RequestLine.flag(text("AcceptMultiPart"), "AcceptMultiPart")
        )
    }

    /// The plain form, parameters in the specification's order, values percent-encoded
    /// except RFC 3986 unreserved characters:
    ///
    /// ```
    /// Cmd=Provision&User=anna%40example.org&DeviceId=ApplF17XK2QJ&DeviceType=iPhone
    /// ```
    ///
    /// The version, policy key and locale are not written: in this form they travel as the
    /// `MS-ASProtocolVersion`, `X-MS-PolicyKey` and `Accept-Language` headers.
    public func plainQuery() -> String {
        var pairs: [(String, String)] = [("Cmd", command.rawValue)]
        if let user { pairs.append(("User", user)) }
        pairs.append(("DeviceId", deviceID))
        pairs.append(("DeviceType", deviceType))
        if let attachmentName { pairs.append(("AttachmentName", attachmentName)) }
        if let collectionID { pairs.append(("CollectionId", collectionID)) }
        if let itemID { pairs.append(("ItemId", itemID)) }
        if let longID { pairs.append(("LongId", longID)) }
        if let occurrence { pairs.append(("Occurrence", occurrence)) }
        if saveInSent { pairs.append(("SaveInSent", "T")) }
        if acceptMultiPart { pairs.append(("AcceptMultiPart", "T")) }
        return pairs.map { "\($0.0)=\(RequestLine.percentEncoded($0.1))" }.joined(separator: "&")
    }

    /// `T` or `F`, either case; absent is F (MS-ASHTTP 2.2.1.1.1.2.5).
    private static func flag(_ value: String?, _ name: String) throws(RequestLineError) -> Bool {
        switch value {
        case nil, "F", "f": return false
        case "T", "t": return true
        case let value?: throw RequestLineError(.badParameter, "\(name) is \(quoted(value)), not T or F")
        }
    }

    /// `%XX` escapes and `+` as a space; a broken escape or bytes that are not UTF-8 are refused.
    private static func percentDecoded(_ raw: Substring.UTF8View.SubSequence, _ name: String) throws(RequestLineError)
        -> String
    {
        guard let bytes = percentDecodedBytes(raw, plusIsSpace: true) else {
            throw RequestLineError(.badParameter, "\(name) has a broken %-escape")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RequestLineError(.badParameter, "\(name) is not UTF-8")
        }
        return text
    }

    /// Nil when a `%` is not followed by two hex digits.
    static func percentDecodedBytes(_ raw: some Collection<UInt8>, plusIsSpace: Bool) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                output.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                output.append(UInt8(ascii: " "))
            default:
                output.append(byte)
            }
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    private static func percentEncoded(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for byte in value.utf8 {
            if isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
