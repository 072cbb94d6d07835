public import WBXML

extension FolderSyncRequest {
    /// A request with the device's hierarchy sync key, `0` for the first one.
    public init(syncKey: String) {
        self.syncKey = syncKey
    }

    /// `<FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync>`.
    public var element: WBXMLElement {
        WBXMLElement(FolderHierarchyTag.folderSync, elements: [WBXMLElement(FolderHierarchyTag.syncKey, text: syncKey)])
    }
}

extension FolderSyncResponse {
    /// Reads a server's FolderSync response (MS-ASCMD 2.2.1.5.3) as a device does; nil when
    /// the root is not FolderSync, has no Status, or a change lacks its ServerId. `Count` is
    /// not trusted: the changes are what the response lists.
    ///
    /// ```xml
    /// <FolderSync><Status>1</Status><SyncKey>1</SyncKey><Changes><Count>1</Count>
    ///   <Add><ServerId>5</ServerId><ParentId>0</ParentId><DisplayName>Inbox</DisplayName><Type>2</Type></Add>
    /// </Changes></FolderSync>
    /// ```
    public init?(_ root: WBXMLElement) {
        guard root.tag == FolderHierarchyTag.folderSync,
            let status = FolderStatus(text: root.firstElement(FolderHierarchyTag.status)?.text)
        else { return nil }
        var added: [Entry] = []
        var updated: [Entry] = []
        var deleted: [String] = []
        for change in root.firstElement(FolderHierarchyTag.changes)?.elements ?? [] {
            switch change.tag {
            case FolderHierarchyTag.add:
                guard let entry = Entry(change) else { return nil }
                added.append(entry)
            case FolderHierarchyTag.update:
                guard let entry = Entry(change) else { return nil }
                updated.append(entry)
            case FolderHierarchyTag.delete:
                guard let serverID = change.firstElement(FolderHierarchyTag.serverId)?.text else { return nil }
                deleted.append(serverID)
            default:
                continue
            }
        }
        self.init(
            status: status, syncKey: root.firstElement(FolderHierarchyTag.syncKey)?.text, added: added,
            updated: updated,
            deletedServerIDs: deleted)
    }
}

extension FolderSyncResponse.Entry {
    /// An Add or Update; a missing ParentId reads as `0` (the root), a missing Type as 1.
    init?(_ element: WBXMLElement) {
        guard let serverID = element.firstElement(FolderHierarchyTag.serverId)?.text,
            let displayName = element.firstElement(FolderHierarchyTag.displayName)?.text
        else { return nil }
        self.init(
            serverID: serverID, parentID: element.firstElement(FolderHierarchyTag.parentId)?.text ?? "0",
            displayName: displayName, type: element.firstElement(FolderHierarchyTag.type)?.text.flatMap { Int($0) } ?? 1
        )
    }
}
