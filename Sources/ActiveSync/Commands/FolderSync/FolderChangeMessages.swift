public import WBXML

/// A FolderCreate request (MS-ASCMD 2.2.1.3): a new folder under `parentID`.
public struct FolderCreateRequest: Hashable, Sendable {
    public let syncKey: String
    public let parentID: String
    public let displayName: String
    public let type: Int

    public init?(_ root: WBXMLElement) {
        guard root.tag == FolderHierarchyTag.folderCreate,
            let syncKey = root.firstElement(FolderHierarchyTag.syncKey)?.text,
            let parentID = root.firstElement(FolderHierarchyTag.parentId)?.text,
            let displayName = root.firstElement(FolderHierarchyTag.displayName)?.text,
            let type = root.firstElement(FolderHierarchyTag.type)?.text.flatMap({ Int($0) })
        else { return nil }
        self.syncKey = syncKey
        self.parentID = parentID
        self.displayName = displayName
        self.type = type
    }
}

/// A FolderUpdate request (MS-ASCMD 2.2.1.6): rename and/or move a folder.
public struct FolderUpdateRequest: Hashable, Sendable {
    public let syncKey: String
    public let serverID: String
    public let parentID: String
    public let displayName: String

    public init?(_ root: WBXMLElement) {
        guard root.tag == FolderHierarchyTag.folderUpdate,
            let syncKey = root.firstElement(FolderHierarchyTag.syncKey)?.text,
            let serverID = root.firstElement(FolderHierarchyTag.serverId)?.text,
            let parentID = root.firstElement(FolderHierarchyTag.parentId)?.text,
            let displayName = root.firstElement(FolderHierarchyTag.displayName)?.text
        else { return nil }
        self.syncKey = syncKey
        self.serverID = serverID
        self.parentID = parentID
        self.displayName = displayName
    }
}

/// A FolderDelete request (MS-ASCMD 2.2.1.4).
public struct FolderDeleteRequest: Hashable, Sendable {
    public let syncKey: String
    public let serverID: String

    public init?(_ root: WBXMLElement) {
        guard root.tag == FolderHierarchyTag.folderDelete,
            let syncKey = root.firstElement(FolderHierarchyTag.syncKey)?.text,
            let serverID = root.firstElement(FolderHierarchyTag.serverId)?.text
        else { return nil }
        self.syncKey = syncKey
        self.serverID = serverID
    }
}

/// The answer to FolderCreate, FolderUpdate or FolderDelete: Status, then on success the new
/// hierarchy SyncKey and, for FolderCreate, the new folder's ServerId (MS-ASCMD 2.2.1.3–6).
public struct FolderChangeResponse: Hashable, Sendable {
    /// The three commands, each with its own root element.
    public enum Command: Sendable {
        case create, update, delete

        var root: WBXMLTag {
            switch self {
            case .create: FolderHierarchyTag.folderCreate
            case .update: FolderHierarchyTag.folderUpdate
            case .delete: FolderHierarchyTag.folderDelete
            }
        }
    }

    public let command: Command
    public var status: FolderStatus
    public var syncKey: String?
    public var serverID: String?

    public init(_ command: Command, status: FolderStatus, syncKey: String? = nil, serverID: String? = nil) {
        self.command = command
        self.status = status
        self.syncKey = syncKey
        self.serverID = serverID
    }

    public var element: WBXMLElement {
        var children = [WBXMLElement(FolderHierarchyTag.status, text: status.text)]
        if let syncKey { children.append(WBXMLElement(FolderHierarchyTag.syncKey, text: syncKey)) }
        if let serverID { children.append(WBXMLElement(FolderHierarchyTag.serverId, text: serverID)) }
        return WBXMLElement(command.root, elements: children)
    }
}
