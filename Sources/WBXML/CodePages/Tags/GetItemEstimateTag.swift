// Written from `CodePage.getItemEstimate` by TagConstantTests; do not edit by hand.

/// The tags of code page 6, GetItemEstimate, as constants: a misspelt tag does not compile.
public enum GetItemEstimateTag {
    /// `GetItemEstimate:GetItemEstimate`
    public static let getItemEstimate = WBXMLTag(known: 6, 0x05)
    /// `GetItemEstimate:Collections`
    public static let collections = WBXMLTag(known: 6, 0x07)
    /// `GetItemEstimate:Collection`
    public static let collection = WBXMLTag(known: 6, 0x08)
    /// `GetItemEstimate:Class`
    public static let `class` = WBXMLTag(known: 6, 0x09)
    /// `GetItemEstimate:CollectionId`
    public static let collectionId = WBXMLTag(known: 6, 0x0A)
    /// `GetItemEstimate:Estimate`
    public static let estimate = WBXMLTag(known: 6, 0x0C)
    /// `GetItemEstimate:Response`
    public static let response = WBXMLTag(known: 6, 0x0D)
    /// `GetItemEstimate:Status`
    public static let status = WBXMLTag(known: 6, 0x0E)
}
