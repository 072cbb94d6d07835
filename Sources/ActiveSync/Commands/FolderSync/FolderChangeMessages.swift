public import WBXML

/// A FolderCreate request (MS-ASCMD 2.2.1.3): a new folder under `parentID`.
public struct FolderCreateRequest: DecodableRequest, Hashable {
    public static let rootTag = FolderHierarchyTag.folderCreate
    public static let malformedStatus = FolderStatus.malformed

    public let syncKey: String
    public let parentID: String
    public let displayName: String
    public let type: Int

    /// Status 10 when the root is not FolderCreate or one of the four children is missing.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<FolderStatus>) {
        try Self.requireRoot(root)
        syncKey = try root.requiredText(FolderHierarchyTag.syncKey, for: Self.self)
        parentID = try root.requiredText(FolderHierarchyTag.parentId, for: Self.self)
        displayName = try root.requiredText(FolderHierarchyTag.displayName, for: Self.self)
        guard let type = Int(try root.requiredText(FolderHierarchyTag.type, for: Self.self)) else {
            throw Self.malformed("Type is not a number")
        }
        self.type = type
    }
}

/// A FolderUpdate request (MS-ASCMD 2.2.1.6): rename and/or move a folder.
public struct FolderUpdateRequest: DecodableRequest, Hashable {
    public static let rootTag = FolderHierarchyTag.folderUpdate
    public static let malformedStatus = FolderStatus.malformed

    public let syncKey: String
    public let serverID: String
    public let parentID: String
    public let displayName: String

    /// Status 10 when the root is not FolderUpdate or one of the four children is missing.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<FolderStatus>) {
        try Self.requireRoot(root)
        syncKey = try root.requiredText(FolderHierarchyTag.syncKey, for: Self.self)
        serverID = try root.requiredText(FolderHierarchyTag.serverId, for: Self.self)
        parentID = try root.requiredText(FolderHierarchyTag.parentId, for: Self.self)
        displayName = try root.requiredText(FolderHierarchyTag.displayName, for: Self.self)
    }
}

/// A FolderDelete request (MS-ASCMD 2.2.1.4).
public struct FolderDeleteRequest: DecodableRequest, Hashable {
    public static let rootTag = FolderHierarchyTag.folderDelete
    public static let malformedStatus = FolderStatus.malformed

    public let syncKey: String
    public let serverID: String

    /// Status 10 when the root is not FolderDelete or SyncKey or ServerId is missing.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<FolderStatus>) {
        try Self.requireRoot(root)
        syncKey = try root.requiredText(FolderHierarchyTag.syncKey, for: Self.self)
        serverID = try root.requiredText(FolderHierarchyTag.serverId, for: Self.self)
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
