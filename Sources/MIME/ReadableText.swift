extension String {
    /// The text without the characters no reader shows and no EAS string can carry: C0 control
    /// characters other than tab, line feed and carriage return (a NUL ends a WBXML inline
    /// string; XML 1.0 allows none of them), and the noncharacters U+FFFE and U+FFFF.
    ///
    /// Every text MIME decodes from a message goes through this, so whatever a sender puts in
    /// a header, an encoded word or a body, what Tern stores and sends is sendable. The stored
    /// message itself is never changed.
    public var withoutUnsendableCharacters: String {
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }), unicodeScalars.contains(where: \.isUnsendable) else {
            return self
        }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.lazy.filter { !$0.isUnsendable })
        return String(scalars)
    }
}

extension Unicode.Scalar {
    /// A C0 control other than tab, LF and CR, or U+FFFE / U+FFFF (see `withoutUnsendableCharacters`).
    public var isUnsendable: Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }
}
