extension String {
    /// The text without the characters no reader shows and no EAS string can carry: C0 control
    /// characters other than tab, line feed and carriage return (a NUL ends a WBXML inline
    /// string; XML 1.0 allows none of them), and the noncharacters U+FFFE and U+FFFF.
    ///
    /// Every text MIME decodes from a message goes through this, so whatever a sender puts in
    /// a header, an encoded word or a body, what Tern stores and sends is sendable. The stored
    /// message itself is never changed.
    public var withoutUnsendableCharacters: String {
        guard containsUnsendableCharacter else { return self }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.lazy.filter { !$0.isUnsendable })
        return String(scalars)
    }

    /// Whether `withoutUnsendableCharacters` would remove anything, decided in one pass over
    /// the UTF-8 (every text a message holds goes through it): a byte below 0x20 is that C0
    /// control, and U+FFFE and U+FFFF are `EF BF BE` and `EF BF BF`.
    var containsUnsendableCharacter: Bool {
        utf8.withContiguousStorageIfAvailable(Self.holdsUnsendableCharacter)
            ?? Array(utf8).withUnsafeBufferPointer(Self.holdsUnsendableCharacter)
    }

    private static func holdsUnsendableCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] & 0xFE == 0xBE {
                return true
            }
            index += 1
        }
        return false
    }
}

extension Unicode.Scalar {
    /// A C0 control other than tab, LF and CR, or U+FFFE / U+FFFF (see `withoutUnsendableCharacters`).
    public var isUnsendable: Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }
}
