public import WBXML

/// The policy settings of an EASProvisionDoc (MS-ASPROV 2.2.2.27), as name/value pairs in
/// the order they are written; nil values ("no limit") are left out.
///
/// ```xml
/// <Data><EASProvisionDoc><DevicePasswordEnabled>1</DevicePasswordEnabled>...</EASProvisionDoc></Data>
/// ```
public struct ProvisionDocument: Hashable, Sendable {
    public var settings: [(name: String, value: String)]

    public init(settings: [(name: String, value: String)]) {
        self.settings = settings
    }

    public static func == (lhs: ProvisionDocument, rhs: ProvisionDocument) -> Bool {
        lhs.settings.map(\.name) == rhs.settings.map(\.name) && lhs.settings.map(\.value) == rhs.settings.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for setting in settings {
            hasher.combine(setting.name)
            hasher.combine(setting.value)
        }
    }

    /// `<EASProvisionDoc>` with one child per setting.
    public var element: WBXMLElement {
        WBXMLElement(
            ProvisionTag.easProvisionDoc,
            elements: settings.map { setting in
                WBXMLElement(WBXMLTag("Provision", setting.name), text: setting.value)
            })
    }
}
