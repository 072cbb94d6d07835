/// Ping Status values (MS-ASCMD 2.2.3.177.10); 14.0+ may also answer a common status
/// (`CommonStatus`) such as 142 from the policy gate.
public struct PingStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The heartbeat interval passed with no change: re-issue the Ping.
    public static let expired = PingStatus(rawValue: 1)
    /// Folders changed; the response lists them.
    public static let changesOccurred = PingStatus(rawValue: 2)
    /// Neither the request nor the server's cache has the interval or the folders.
    public static let missingParameters = PingStatus(rawValue: 3)
    public static let syntaxError = PingStatus(rawValue: 4)
    /// The interval is out of range; the response carries the nearest allowed value.
    public static let invalidHeartbeatInterval = PingStatus(rawValue: 5)
    /// Too many folders; the response carries MaxFolders.
    public static let tooManyFolders = PingStatus(rawValue: 6)
    /// The folder hierarchy changed: FolderSync, then Ping again.
    public static let folderSyncRequired = PingStatus(rawValue: 7)
    /// A transient server error: retry later.
    public static let serverError = PingStatus(rawValue: 8)

    public var description: String { "status \(rawValue)" }
}
