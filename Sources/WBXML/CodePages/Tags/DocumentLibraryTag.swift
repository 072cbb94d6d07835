// Written from `CodePage.documentLibrary` by TagConstantTests; do not edit by hand.

/// The tags of code page 19, DocumentLibrary, as constants: a misspelt tag does not compile.
public enum DocumentLibraryTag {
    /// `DocumentLibrary:LinkId`
    public static let linkId = WBXMLTag(known: 19, 0x05)
    /// `DocumentLibrary:DisplayName`
    public static let displayName = WBXMLTag(known: 19, 0x06)
    /// `DocumentLibrary:IsFolder`
    public static let isFolder = WBXMLTag(known: 19, 0x07)
    /// `DocumentLibrary:CreationDate`
    public static let creationDate = WBXMLTag(known: 19, 0x08)
    /// `DocumentLibrary:LastModifiedDate`
    public static let lastModifiedDate = WBXMLTag(known: 19, 0x09)
    /// `DocumentLibrary:IsHidden`
    public static let isHidden = WBXMLTag(known: 19, 0x0A)
    /// `DocumentLibrary:ContentLength`
    public static let contentLength = WBXMLTag(known: 19, 0x0B)
    /// `DocumentLibrary:ContentType`
    public static let contentType = WBXMLTag(known: 19, 0x0C)
}
