public import WBXML

/// A collection's `<airsync:Options>` (MS-ASCMD 2.2.3.125), as Sync, GetItemEstimate and
/// ItemOperations carry it: what a device asks of the items it is sent. Values out of range
/// read as absent, since Options can only ask, never break an item.
///
/// ```xml
/// <Options>
///   <Class>Email</Class><FilterType>3</FilterType><MIMESupport>2</MIMESupport>
///   <airsyncbase:BodyPreference><airsyncbase:Type>4</airsyncbase:Type></airsyncbase:BodyPreference>
/// </Options>
/// ```
public struct SyncOptions: Hashable, Sendable {
    /// The Options element as sent, kept so that it is cached and written back unchanged.
    public let element: WBXMLElement

    /// The class these options are for (14.0+ sends one Options per class); nil for all.
    public let itemClass: ItemClass?
    /// FilterType 0–8 (MS-ASCMD 2.2.3.70.2).
    public let filterType: Int?
    /// Conflict 1: the server's version wins; 0: the client's.
    public let conflict: Int?
    /// 0 never MIME, 1 MIME for S/MIME messages only, 2 MIME for every message (MS-ASCMD 2.2.3.110.3).
    public let mimeSupport: Int?
    /// The MIMETruncation code 0–8 (MS-ASCMD 2.2.3.111).
    public let mimeTruncation: Int?
    /// In the device's order of preference; those without a Type 1–4 are left out.
    public let bodyPreferences: [BodyPreference]
    /// The BodyPartPreference (14.1+).
    public let bodyPartPreference: BodyPreference?

    /// Options as a device sent them.
    public init(_ element: WBXMLElement) {
        func number(_ tag: WBXMLTag, in range: ClosedRange<Int>) -> Int? {
            element.firstElement(tag)?.text.flatMap { Int($0) }.flatMap { range.contains($0) ? $0 : nil }
        }
        self.element = element
        itemClass = element.firstElement(AirSyncTag.`class`)?.text.map(ItemClass.init)
        filterType = number(AirSyncTag.filterType, in: 0...8)
        conflict = number(AirSyncTag.conflict, in: 0...1)
        mimeSupport = number(AirSyncTag.mimeSupport, in: 0...2)
        mimeTruncation = number(AirSyncTag.mimeTruncation, in: 0...8)
        bodyPreferences = element.elements.filter { $0.tag == AirSyncBaseTag.bodyPreference }.compactMap(
            BodyPreference.init)
        bodyPartPreference = element.elements.first { $0.tag == AirSyncBaseTag.bodyPartPreference }.flatMap(
            BodyPreference.init)
    }

    /// Options a device writes: a FilterType and body preferences.
    public init(filterType: Int? = nil, bodyPreferences: [BodyPreference] = []) {
        var list = ElementList()
        list.append(AirSyncTag.filterType, filterType)
        for preference in bodyPreferences { list.append(preference.element) }
        self.init(list.element(AirSyncTag.options))
    }

    /// The options as cached between requests: the element in the XML form, on one line.
    public var xml: String { XMLWriter(indents: false).write(element) }

    /// Options read back from `xml`; nil when the text is not an Options element.
    public init?(xml: String) {
        guard let element = try? XMLReader().read(xml), element.tag == AirSyncTag.options else { return nil }
        self.init(element)
    }
}
