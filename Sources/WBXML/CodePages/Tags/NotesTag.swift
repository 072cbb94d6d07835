// Written from `CodePage.notes` by TagConstantTests; do not edit by hand.

/// The tags of code page 23, Notes, as constants: a misspelt tag does not compile.
public enum NotesTag {
    /// `Notes:Subject`
    public static let subject = WBXMLTag(known: 23, 0x05)
    /// `Notes:MessageClass`
    public static let messageClass = WBXMLTag(known: 23, 0x06)
    /// `Notes:LastModifiedDate`
    public static let lastModifiedDate = WBXMLTag(known: 23, 0x07)
    /// `Notes:Categories`
    public static let categories = WBXMLTag(known: 23, 0x08)
    /// `Notes:Category`
    public static let category = WBXMLTag(known: 23, 0x09)
}
