// Written from `CodePage.move` by TagConstantTests; do not edit by hand.

/// The tags of code page 5, Move, as constants: a misspelt tag does not compile.
public enum MoveTag {
    /// `Move:MoveItems`
    public static let moveItems = WBXMLTag(known: 5, 0x05)
    /// `Move:Move`
    public static let move = WBXMLTag(known: 5, 0x06)
    /// `Move:SrcMsgId`
    public static let srcMsgId = WBXMLTag(known: 5, 0x07)
    /// `Move:SrcFldId`
    public static let srcFldId = WBXMLTag(known: 5, 0x08)
    /// `Move:DstFldId`
    public static let dstFldId = WBXMLTag(known: 5, 0x09)
    /// `Move:Response`
    public static let response = WBXMLTag(known: 5, 0x0A)
    /// `Move:Status`
    public static let status = WBXMLTag(known: 5, 0x0B)
    /// `Move:DstMsgId`
    public static let dstMsgId = WBXMLTag(known: 5, 0x0C)
}
