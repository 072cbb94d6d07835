public import Foundation
public import WBXML

/// A Find response (MS-ASCMD 2.2.1.2): the Status, then a Response with the Store
/// (`Mailbox`), its Status, the Results, the Range they fill and the Total.
///
/// ```xml
/// <Find><Status>1</Status><Response><itemoperations:Store>Mailbox</itemoperations:Store>
///   <Status>1</Status><Result><airsync:Class>Email</airsync:Class><airsync:ServerId>5:12</airsync:ServerId>
///     <airsync:CollectionId>5</airsync:CollectionId><Properties>…</Properties></Result>
///   <Range>0-0</Range><Total>1</Total></Response></Find>
/// ```
public struct FindResponse: Hashable, Sendable {
    /// One message found, with what a result list shows of it.
    public struct MailResult: Hashable, Sendable {
        public var serverID: String
        public var collectionID: String
        public var subject: String?
        public var dateReceived: Date
        /// The To names, separated by `;`.
        public var displayTo: String?
        public var displayCc: String?
        public var importance: Int
        public var read: Bool
        public var isDraft: Bool
        public var preview: String
        public var hasAttachments: Bool
        public var from: String?

        public init(
            serverID: String, collectionID: String, subject: String?, dateReceived: Date, displayTo: String?,
            displayCc: String?, importance: Int, read: Bool, isDraft: Bool, preview: String, hasAttachments: Bool,
            from: String?
        ) {
            self.serverID = serverID
            self.collectionID = collectionID
            self.subject = subject
            self.dateReceived = dateReceived
            self.displayTo = displayTo
            self.displayCc = displayCc
            self.importance = importance
            self.read = read
            self.isDraft = isDraft
            self.preview = preview
            self.hasAttachments = hasAttachments
            self.from = from
        }
    }

    public enum Results: Hashable, Sendable {
        case mail([MailResult])
        case gal([GALEntry])
    }

    public var status: FindStatus
    /// The Response's Status; nil with a Find Status other than 1.
    public var responseStatus: FindStatus?
    public var results: Results
    public var total: Int

    public init(
        status: FindStatus = .success, responseStatus: FindStatus?, results: Results = .mail([]), total: Int = 0
    ) {
        self.status = status
        self.responseStatus = responseStatus
        self.results = results
        self.total = total
    }

    public var element: WBXMLElement {
        var root = ElementList()
        root.append(FindTag.status, status.text)
        guard let responseStatus else { return root.element(FindTag.find) }
        var response = ElementList()
        response.append(ItemOperationsTag.store, "Mailbox")
        response.append(FindTag.status, responseStatus.text)
        let count: Int
        switch results {
        case .mail(let found):
            count = found.count
            for result in found { response.append(Self.element(result)) }
        case .gal(let entries):
            count = entries.count
            for entry in entries {
                response.append(
                    WBXMLElement(
                        FindTag.result, elements: [WBXMLElement(FindTag.properties, elements: entry.properties)]))
            }
        }
        if count > 0 { response.append(FindTag.range, "0-\(count - 1)") }
        if responseStatus == .success { response.append(FindTag.total, total) }
        root.append(response.element(FindTag.response))
        return root.element(FindTag.find)
    }

    private static func element(_ result: MailResult) -> WBXMLElement {
        var properties = ElementList()
        properties.append(EmailTag.subject, result.subject)
        properties.append(EmailTag.dateReceived, result.dateReceived, .extended)
        properties.append(EmailTag.displayTo, result.displayTo)
        properties.append(FindTag.displayCc, result.displayCc)
        properties.append(EmailTag.importance, result.importance)
        properties.append(EmailTag.read, result.read)
        properties.append(Email2Tag.isDraft, result.isDraft)
        properties.append(FindTag.preview, result.preview)
        properties.append(FindTag.hasAttachments, result.hasAttachments)
        properties.append(EmailTag.from, result.from)
        return WBXMLElement(
            FindTag.result,
            elements: [
                WBXMLElement(AirSyncTag.`class`, text: "Email"),
                WBXMLElement(AirSyncTag.serverId, text: result.serverID),
                WBXMLElement(AirSyncTag.collectionId, text: result.collectionID),
                properties.element(FindTag.properties),
            ])
    }
}
