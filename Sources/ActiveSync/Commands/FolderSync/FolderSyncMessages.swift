public import WBXML

/// A FolderSync request (MS-ASCMD 2.2.1.5): just the client's sync key, `0` the first time.
///
/// ```xml
/// <FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync>
/// ```
public struct FolderSyncRequest: DecodableRequest, Hashable {
    public static let rootTag = FolderHierarchyTag.folderSync
    public static let malformedStatus = FolderStatus.malformed

    public let syncKey: String

    /// Status 10 when the root is not FolderSync or it has no SyncKey.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<FolderStatus>) {
        try Self.requireRoot(root)
        syncKey = try root.requiredText(FolderHierarchyTag.syncKey, for: Self.self)
    }
}

/// A FolderSync response: status, the new sync key and the changes since the old one.
public struct FolderSyncResponse: Hashable, Sendable {
    /// A folder as FolderSync lists it (MS-ASCMD 2.2.3.7.2 Add).
    public struct Entry: Hashable, Sendable {
        public let serverID: String
        public let parentID: String
        public let displayName: String
        public let type: Int

        public init(serverID: String, parentID: String, displayName: String, type: Int) {
            self.serverID = serverID
            self.parentID = parentID
            self.displayName = displayName
            self.type = type
        }
    }

    public var status: FolderStatus
    public var syncKey: String?
    public var added: [Entry]
    public var updated: [Entry]
    public var deletedServerIDs: [String]

    public init(
        status: FolderStatus, syncKey: String? = nil, added: [Entry] = [], updated: [Entry] = [],
        deletedServerIDs: [String] = []
    ) {
        self.status = status
        self.syncKey = syncKey
        self.added = added
        self.updated = updated
        self.deletedServerIDs = deletedServerIDs
    }

    public var element: WBXMLElement {
        var children = [WBXMLElement(FolderHierarchyTag.status, text: status.text)]
        guard let syncKey else { return WBXMLElement(FolderHierarchyTag.folderSync, elements: children) }
        children.append(WBXMLElement(FolderHierarchyTag.syncKey, text: syncKey))
        var changes = [
            WBXMLElement(FolderHierarchyTag.count, text: String(added.count + updated.count + deletedServerIDs.count))
        ]
        changes += updated.map { Self.entryElement(FolderHierarchyTag.update, $0) }
        changes += deletedServerIDs.map {
            WBXMLElement(FolderHierarchyTag.delete, elements: [WBXMLElement(FolderHierarchyTag.serverId, text: $0)])
        }
        changes += added.map { Self.entryElement(FolderHierarchyTag.add, $0) }
        children.append(WBXMLElement(FolderHierarchyTag.changes, elements: changes))
        return WBXMLElement(FolderHierarchyTag.folderSync, elements: children)
    }

    private static func entryElement(_ tag: WBXMLTag, _ entry: Entry) -> WBXMLElement {
        WBXMLElement(
            tag,
            elements: [
                WBXMLElement(FolderHierarchyTag.serverId, text: entry.serverID),
                WBXMLElement(FolderHierarchyTag.parentId, text: entry.parentID),
                WBXMLElement(FolderHierarchyTag.displayName, text: entry.displayName),
                WBXMLElement(FolderHierarchyTag.type, text: String(entry.type)),
            ])
    }
}
