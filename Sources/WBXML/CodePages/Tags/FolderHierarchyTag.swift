// Written from `CodePage.folderHierarchy` by TagConstantTests; do not edit by hand.

/// The tags of code page 7, FolderHierarchy, as constants: a misspelt tag does not compile.
public enum FolderHierarchyTag {
    /// `FolderHierarchy:Folders`
    public static let folders = WBXMLTag(known: 7, 0x05)
    /// `FolderHierarchy:Folder`
    public static let folder = WBXMLTag(known: 7, 0x06)
    /// `FolderHierarchy:DisplayName`
    public static let displayName = WBXMLTag(known: 7, 0x07)
    /// `FolderHierarchy:ServerId`
    public static let serverId = WBXMLTag(known: 7, 0x08)
    /// `FolderHierarchy:ParentId`
    public static let parentId = WBXMLTag(known: 7, 0x09)
    /// `FolderHierarchy:Type`
    public static let type = WBXMLTag(known: 7, 0x0A)
    /// `FolderHierarchy:Status`
    public static let status = WBXMLTag(known: 7, 0x0C)
    /// `FolderHierarchy:Changes`
    public static let changes = WBXMLTag(known: 7, 0x0E)
    /// `FolderHierarchy:Add`
    public static let add = WBXMLTag(known: 7, 0x0F)
    /// `FolderHierarchy:Delete`
    public static let delete = WBXMLTag(known: 7, 0x10)
    /// `FolderHierarchy:Update`
    public static let update = WBXMLTag(known: 7, 0x11)
    /// `FolderHierarchy:SyncKey`
    public static let syncKey = WBXMLTag(known: 7, 0x12)
    /// `FolderHierarchy:FolderCreate`
    public static let folderCreate = WBXMLTag(known: 7, 0x13)
    /// `FolderHierarchy:FolderDelete`
    public static let folderDelete = WBXMLTag(known: 7, 0x14)
    /// `FolderHierarchy:FolderUpdate`
    public static let folderUpdate = WBXMLTag(known: 7, 0x15)
    /// `FolderHierarchy:FolderSync`
    public static let folderSync = WBXMLTag(known: 7, 0x16)
    /// `FolderHierarchy:Count`
    public static let count = WBXMLTag(known: 7, 0x17)
}
