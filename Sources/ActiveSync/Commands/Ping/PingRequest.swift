public import WBXML

/// A Ping request (MS-ASCMD 2.2.1.13): how long to wait and which folders to watch. Either
/// may be left out, and the body may be empty, when the device reuses its last values.
///
/// ```xml
/// <Ping xmlns="Ping:">
///   <HeartbeatInterval>480</HeartbeatInterval>
///   <Folders><Folder><Id>1</Id><Class>Email</Class></Folder></Folders>
/// </Ping>
/// ```
public struct PingRequest: DecodableRequest, Hashable {
    public static let rootTag = PingTag.ping
    public static let malformedStatus = PingStatus.syntaxError

    /// Seconds (MS-ASCMD 2.2.3.88.1); nil when the request leaves it out.
    public var heartbeatInterval: Int?
    /// nil when the request leaves `Folders` out.
    public var folders: [PingFolder]?

    public init(heartbeatInterval: Int?, folders: [PingFolder]?) {
        self.heartbeatInterval = heartbeatInterval
        self.folders = folders
    }

    /// Parses a Ping body; Status 4 when the root is not Ping, holds neither the interval
    /// nor Folders (MS-ASCMD 2.2.1.13: a body names one or both), the interval is not a number,
    /// a folder lacks its Id or Class, or one Id is listed twice (2.2.3.90).
    public init(_ root: WBXMLElement) throws(RequestDecodingError<PingStatus>) {
        try Self.requireRoot(root)
        if let element = root.firstElement(PingTag.heartbeatInterval) {
            guard let seconds = element.text.flatMap({ Int($0) }) else {
                throw Self.malformed("HeartbeatInterval is not a number")
            }
            heartbeatInterval = seconds
        }
        if let element = root.firstElement(PingTag.folders) {
            var folders: [PingFolder] = []
            for child in element.elements {
                guard child.tag == PingTag.folder, let folder = PingFolder(child) else {
                    throw Self.malformed("\(child.tag) in Folders is not a Folder with Id and Class")
                }
                folders.append(folder)
            }
            guard Set(folders.map(\.id)).count == folders.count else { throw Self.malformed("a folder listed twice") }
            self.folders = folders
        }
        guard heartbeatInterval != nil || folders != nil else {
            throw Self.malformed("neither HeartbeatInterval nor Folders")
        }
    }

    public var element: WBXMLElement {
        var children: [WBXMLElement] = []
        if let heartbeatInterval {
            children.append(WBXMLElement(PingTag.heartbeatInterval, text: String(heartbeatInterval)))
        }
        if let folders { children.append(WBXMLElement(PingTag.folders, elements: folders.map(\.element))) }
        return WBXMLElement(PingTag.ping, elements: children)
    }
}

/// One watched folder (MS-ASCMD 2.2.3.73.1): its server id and class (`Email`, `Calendar`,
/// `Contacts`, `Tasks`, `Notes`).
public struct PingFolder: Hashable, Sendable, Codable {
    public var id: String
    public var `class`: String

    public init(id: String, class: String) {
        self.id = id
        self.class = `class`
    }

    init?(_ element: WBXMLElement) {
        guard let id = element.firstElement(PingTag.id)?.text,
            let folderClass = element.firstElement(PingTag.class)?.text
        else { return nil }
        self.init(id: id, class: folderClass)
    }

    var element: WBXMLElement {
        WBXMLElement(
            PingTag.folder, elements: [WBXMLElement(PingTag.id, text: id), WBXMLElement(PingTag.class, text: `class`)])
    }
}
