extension ProtocolVersion {
    /// The version from the base64 query's first byte, major times ten plus minor
    /// (MS-ASHTTP 2.2.1.1.1.1): `141` is 14.1, `161` is 16.1, `0x8C` (140) is 14.0.
    ///
    /// Nil below 10, where the major version would be 0. Whether Tern speaks the version is
    /// the caller's question (`ProtocolVersion.supported`).
    public init?(base64Byte byte: UInt8) {
        guard byte >= 10 else { return nil }
        self.init(Int(byte / 10), Int(byte % 10))
    }

    /// The base64 query's version byte, e.g. 14.1 → 141; nil when the version has no byte form
    /// (minor above 9, major 0, or a value above 255).
    public var base64Byte: UInt8? {
        guard (1...25).contains(major), (0...9).contains(minor) else { return nil }
        return UInt8(exactly: major * 10 + minor)
    }
}
