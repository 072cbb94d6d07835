// Written from `CodePage.ping` by TagConstantTests; do not edit by hand.

/// The tags of code page 13, Ping, as constants: a misspelt tag does not compile.
public enum PingTag {
    /// `Ping:Ping`
    public static let ping = WBXMLTag(known: 13, 0x05)
    /// `Ping:Status`
    public static let status = WBXMLTag(known: 13, 0x07)
    /// `Ping:HeartbeatInterval`
    public static let heartbeatInterval = WBXMLTag(known: 13, 0x08)
    /// `Ping:Folders`
    public static let folders = WBXMLTag(known: 13, 0x09)
    /// `Ping:Folder`
    public static let folder = WBXMLTag(known: 13, 0x0A)
    /// `Ping:Id`
    public static let id = WBXMLTag(known: 13, 0x0B)
    /// `Ping:Class`
    public static let `class` = WBXMLTag(known: 13, 0x0C)
    /// `Ping:MaxFolders`
    public static let maxFolders = WBXMLTag(known: 13, 0x0D)
}
