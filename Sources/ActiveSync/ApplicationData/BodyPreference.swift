public import WBXML

/// What body a device wants and how much of it (MS-ASAIRS 2.2.2.11 BodyPreference).
///
/// ```xml
/// <airsyncbase:BodyPreference>
///   <airsyncbase:Type>2</airsyncbase:Type>
///   <airsyncbase:TruncationSize>5120</airsyncbase:TruncationSize>
///   <airsyncbase:AllOrNone>0</airsyncbase:AllOrNone>
///   <airsyncbase:Preview>255</airsyncbase:Preview>
/// </airsyncbase:BodyPreference>
/// ```
public struct BodyPreference: Sendable, Hashable {
    /// 1 plain text, 2 HTML, 3 RTF, 4 MIME (MS-ASAIRS 2.2.2.41.3).
    public var type: Int
    /// The most bytes of Data to send; nil for the whole body.
    public var truncationSize: Int?
    /// When the body is over `truncationSize`: true sends no Data at all rather than a part.
    public var allOrNone: Bool
    /// How many characters of Preview to send (0–255, 14.0+); nil for none.
    public var preview: Int?

    public init(type: Int, truncationSize: Int? = nil, allOrNone: Bool = false, preview: Int? = nil) {
        self.type = type
        self.truncationSize = truncationSize
        self.allOrNone = allOrNone
        self.preview = preview
    }

    /// Reads an `<airsyncbase:BodyPreference>`; nil when Type is missing or not 1–4.
    /// A TruncationSize or Preview that is not a number is ignored; Preview is capped at 255.
    public init?(_ element: WBXMLElement) {
        func number(_ tag: WBXMLTag) -> Int? {
            element.firstElement(tag)?.text.flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
        }
        guard let type = number(AirSyncBaseTag.type), (1...4).contains(type) else { return nil }
        self.init(
            type: type, truncationSize: number(AirSyncBaseTag.truncationSize),
            allOrNone: number(AirSyncBaseTag.allOrNone) == 1,
            preview: number(AirSyncBaseTag.preview).map { min($0, 255) })
    }

    /// `<airsyncbase:BodyPreference>` as a device writes it.
    var element: WBXMLElement {
        var list = ElementList()
        list.append(AirSyncBaseTag.type, type)
        list.append(AirSyncBaseTag.truncationSize, truncationSize)
        list.append(AirSyncBaseTag.allOrNone, allOrNone ? true : nil)
        list.append(AirSyncBaseTag.preview, preview)
        return list.element(AirSyncBaseTag.bodyPreference)
    }
}
