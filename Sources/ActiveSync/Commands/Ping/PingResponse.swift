public import WBXML

/// A Ping response (MS-ASCMD 2.2.1.13), children in the order of the response schema
/// (MS-ASCMD 6.30): Status, Folders, MaxFolders, HeartbeatInterval.
///
/// ```xml
/// <Ping xmlns="Ping:"><Status>2</Status><Folders><Folder>1</Folder></Folders></Ping>
/// ```
public struct PingResponse: Hashable, Sendable {
    public var status: PingStatus
    /// The changed folders' server ids (Status 2).
    public var folders: [String]
    /// The most folders a Ping may watch (Status 6).
    public var maxFolders: Int?
    /// The nearest allowed interval (Status 5).
    public var heartbeatInterval: Int?

    public init(status: PingStatus, folders: [String] = [], maxFolders: Int? = nil, heartbeatInterval: Int? = nil) {
        self.status = status
        self.folders = folders
        self.maxFolders = maxFolders
        self.heartbeatInterval = heartbeatInterval
    }

    public init?(_ root: WBXMLElement) {
        guard root.tag == PingTag.ping, let status = root.firstElement(PingTag.status)?.text.flatMap({ Int($0) }) else {
            return nil
        }
        self.status = PingStatus(rawValue: status)
        folders = root.firstElement(PingTag.folders)?.elements.compactMap(\.text) ?? []
        maxFolders = root.firstElement(PingTag.maxFolders)?.text.flatMap { Int($0) }
        heartbeatInterval = root.firstElement(PingTag.heartbeatInterval)?.text.flatMap { Int($0) }
    }

    public var element: WBXMLElement {
        var children = [WBXMLElement(PingTag.status, text: status.text)]
        if !folders.isEmpty {
            children.append(
                WBXMLElement(PingTag.folders, elements: folders.map { WBXMLElement(PingTag.folder, text: $0) }))
        }
        if let maxFolders { children.append(WBXMLElement(PingTag.maxFolders, text: String(maxFolders))) }
        if let heartbeatInterval {
            children.append(WBXMLElement(PingTag.heartbeatInterval, text: String(heartbeatInterval)))
        }
        return WBXMLElement(PingTag.ping, elements: children)
    }
}
