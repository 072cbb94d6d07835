public import WBXML

/// A ResolveRecipients response (MS-ASCMD 2.2.1.15), in the schema's order: the Status, then
/// one Response per To with its Status, RecipientCount and Recipients.
///
/// ```xml
/// <ResolveRecipients><Status>1</Status>
///   <Response><To>maria</To><Status>1</Status><RecipientCount>1</RecipientCount>
///     <Recipient><Type>1</Type><DisplayName>Maria Schmidt</DisplayName>
///       <EmailAddress>maria@tern.example</EmailAddress>
///       <Availability><Status>1</Status><MergedFreeBusy>0022000000</MergedFreeBusy></Availability>
///     </Recipient></Response></ResolveRecipients>
/// ```
public struct ResolveRecipientsResponse: Hashable, Sendable {
    public struct Response: Hashable, Sendable {
        public var to: String
        public var status: ResolveRecipientsStatus
        /// How many matched, more than `recipients` when an ambiguous name was cut.
        public var recipientCount: Int
        public var recipients: [Recipient]

        public init(to: String, status: ResolveRecipientsStatus, recipientCount: Int, recipients: [Recipient]) {
            self.to = to
            self.status = status
            self.recipientCount = recipientCount
            self.recipients = recipients
        }
    }

    public struct Recipient: Hashable, Sendable {
        /// 1 an entry of the GAL, 2 a contact of the user.
        public enum Kind: Int, Hashable, Sendable {
            case gal = 1
            case contact = 2
        }

        public var kind: Kind
        public var displayName: String
        public var emailAddress: String
        public var availability: Availability?
        /// Certificates' Status when certificates were asked for (7: none stored).
        public var certificatesStatus: ResolveRecipientsStatus?
        public var picture: GALEntry.Picture?

        public init(
            kind: Kind, displayName: String, emailAddress: String,
            availability: Availability? = nil,
            certificatesStatus: ResolveRecipientsStatus? = nil, picture: GALEntry.Picture? = nil
        ) {
            self.kind = kind
            self.displayName = displayName
            self.emailAddress = emailAddress
            self.availability = availability
            self.certificatesStatus = certificatesStatus
            self.picture = picture
        }
    }

    /// A recipient's free/busy: the Status and, when it is 1, the MergedFreeBusy digits.
    public struct Availability: Hashable, Sendable {
        public var status: ResolveRecipientsStatus
        public var mergedFreeBusy: String?

        public init(status: ResolveRecipientsStatus, mergedFreeBusy: String? = nil) {
            self.status = status
            self.mergedFreeBusy = mergedFreeBusy
        }
    }

    public var status: ResolveRecipientsStatus
    public var responses: [Response]

    public init(status: ResolveRecipientsStatus, responses: [Response] = []) {
        self.status = status
        self.responses = responses
    }

    public var element: WBXMLElement {
        var root = ElementList()
        root.append(ResolveRecipientsTag.status, status.text)
        for response in responses {
            var fields = ElementList()
            fields.append(ResolveRecipientsTag.to, response.to)
            fields.append(ResolveRecipientsTag.status, response.status.text)
            fields.append(ResolveRecipientsTag.recipientCount, response.recipientCount)
            for recipient in response.recipients { fields.append(Self.element(recipient)) }
            root.append(fields.element(ResolveRecipientsTag.response))
        }
        return root.element(ResolveRecipientsTag.resolveRecipients)
    }

    private static func element(_ recipient: Recipient) -> WBXMLElement {
        var fields = ElementList()
        fields.append(ResolveRecipientsTag.type, recipient.kind.rawValue)
        fields.append(ResolveRecipientsTag.displayName, recipient.displayName)
        fields.append(ResolveRecipientsTag.emailAddress, recipient.emailAddress)
        if let availability = recipient.availability {
            var children = ElementList()
            children.append(ResolveRecipientsTag.status, availability.status.text)
            children.append(ResolveRecipientsTag.mergedFreeBusy, availability.mergedFreeBusy)
            fields.append(children.element(ResolveRecipientsTag.availability))
        }
        if let status = recipient.certificatesStatus {
            fields.append(
                WBXMLElement(
                    ResolveRecipientsTag.certificates,
                    elements: [WBXMLElement(ResolveRecipientsTag.status, text: status.text)]))
        }
        if let picture = recipient.picture {
            var children = ElementList()
            children.append(ResolveRecipientsTag.status, picture.status)
            children.append(ResolveRecipientsTag.data, opaque: picture.data)
            fields.append(children.element(ResolveRecipientsTag.picture))
        }
        return fields.element(ResolveRecipientsTag.recipient)
    }
}
