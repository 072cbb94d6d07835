public import ActiveSync

/// How a device wants its items written: the body preferences and MIME options of a Sync or
/// ItemOperations `<airsync:Options>` (MS-ASCMD 2.2.3.125), and the protocol version in use.
///
/// ```xml
/// <Options>
///   <MIMESupport>2</MIMESupport>
///   <airsyncbase:BodyPreference><airsyncbase:Type>4</airsyncbase:Type></airsyncbase:BodyPreference>
/// </Options>
/// ```
public struct ItemEncodingOptions: Sendable, Hashable {
    public var protocolVersion: ProtocolVersion
    /// In the device's order of preference; empty lets the server choose (plain text, whole).
    public var bodyPreferences: [BodyPreference]
    /// 0 never MIME, 1 MIME for S/MIME messages only, 2 MIME for every message (MS-ASCMD 2.2.3.110.3).
    public var mimeSupport: Int
    /// The most bytes of a MIME body, from MIMETruncation; nil for the whole message.
    public var mimeTruncation: Int?
    /// The device's BodyPartPreference (14.1+; Type 2, HTML, is the only one there is): an
    /// email then carries a `<airsyncbase:BodyPart>` as well as its Body.
    public var bodyPartPreference: BodyPreference?

    public init(
        protocolVersion: ProtocolVersion, bodyPreferences: [BodyPreference] = [], mimeSupport: Int = 0,
        mimeTruncation: Int? = nil
    ) {
        self.protocolVersion = protocolVersion
        self.bodyPreferences = bodyPreferences
        self.mimeSupport = mimeSupport
        self.mimeTruncation = mimeTruncation
    }

    /// Reads the options a device sent; nil (no Options) gives the defaults. Values out of
    /// range are ignored as if absent, since Options can only ask, never break an item.
    public init(options: SyncOptions?, protocolVersion: ProtocolVersion) {
        self.init(protocolVersion: protocolVersion)
        guard let options else { return }
        bodyPreferences = options.bodyPreferences
        if protocolVersion >= .v14_1 {
            bodyPartPreference = options.bodyPartPreference.flatMap { $0.type == 2 ? $0 : nil }
        }
        if let support = options.mimeSupport { mimeSupport = support }
        if let code = options.mimeTruncation { mimeTruncation = Self.mimeTruncationSizes[code] }
    }

    /// MIMETruncation codes 0–8 (MS-ASCMD 2.2.3.111): 0 truncates everything, 8 nothing.
    static let mimeTruncationSizes: [Int?] = [0, 4096, 5120, 7168, 10240, 20480, 51200, 102_400, nil]
}
