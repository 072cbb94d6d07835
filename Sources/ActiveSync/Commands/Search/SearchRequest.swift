public import Foundation
public import WBXML

/// A Search request (MS-ASCMD 2.2.1.16) as the server reads it: one Store, Mailbox or GAL,
/// with its query and options.
///
/// ```xml
/// <Search xmlns="Search" xmlns:airsync="AirSync"><Store><Name>Mailbox</Name>
///   <Query><And><airsync:CollectionId>7</airsync:CollectionId><FreeText>Presentation</FreeText></And></Query>
///   <Options><RebuildResults/><Range>0-4</Range><DeepTraversal/></Options>
/// </Store></Search>
/// ```
///
/// A query the server does not take is refused with the Store's Status: 2 for a bad Range,
/// date or ConversationId, an email property in the query or text past the limits; 8
/// (too complex) for Or, EqualTo on anything but a folder, a second And or And's elements
/// outside it.
public struct SearchRequest: DecodableRequest, Hashable {
    public static let rootTag = SearchTag.search
    public static let malformedStatus = SearchStatus.invalidRequest

    public enum Store: Hashable, Sendable {
        case mailbox(MailboxQuery)
        case gal(GALQuery)
    }

    public let store: Store
    /// The results wanted; `SearchRange.default` when the request names none.
    public let range: SearchRange

    public init(_ root: WBXMLElement) throws(RequestDecodingError<SearchStatus>) {
        try Self.requireRoot(root)
        let stores = root.elements.filter { $0.tag == SearchTag.store }
        guard stores.count == 1, let store = stores.first else {
            throw Self.malformed("\(stores.count) Store elements, not one")
        }
        guard let query = store.firstElement(SearchTag.query) else { throw Self.malformed("no Query") }
        let options = store.firstElement(SearchTag.options)
        if let text = options?.firstElement(SearchTag.range)?.text {
            guard let range = SearchRange(text) else { throw Self.malformed("the Range \(text) is not m-n") }
            self.range = range
        } else {
            range = .default
        }
        switch store.firstElement(SearchTag.name)?.text?.lowercased() {
        case "mailbox": self.store = .mailbox(try MailboxQuery(query: query, options: options))
        case "gal": self.store = .gal(try GALQuery(query: query, options: options))
        case let name: throw Self.malformed("no store named \(name ?? "(none)") to search")
        }
    }
}

/// The text of a Search or Find query, within `RequestLimits.searchTextCharacters`;
/// refused with `status` past it.
enum SearchText {
    static func check<Status: CommandStatus>(_ text: String, else status: Status) throws(RequestDecodingError<Status>)
        -> String
    {
        guard text.count <= RequestLimits.searchTextCharacters else {
            throw RequestDecodingError(
                status, "a query of \(text.count) characters, over \(RequestLimits.searchTextCharacters)")
        }
        return text
    }
}

/// A Mailbox store query: And of FreeText, classes, folders, a conversation and a window of
/// DateReceived, with the options that shape its results.
public struct MailboxQuery: Hashable, Sendable {
    public var freeText: String?
    /// airsync:Class values asked for; empty means every class.
    public var classes: [String]
    /// The folders to search; empty means every mail folder.
    public var collectionIDs: [String]
    /// Folder types (FolderHierarchy Type, 2 Inbox, 12 user mail, …) whose folders to search,
    /// from EqualTo; empty means no such filter.
    public var folderTypes: [Int]
    public var conversationID: Data?
    /// GreaterThan DateReceived: received after this date.
    public var receivedAfter: Date?
    /// LessThan DateReceived: received before this date.
    public var receivedBefore: Date?
    /// Whether the folders' subfolders are searched too.
    public var deepTraversal: Bool
    /// BodyPreference, BodyPartPreference and MIMESupport for the results' properties.
    public var options: SyncOptions?

    public init(
        freeText: String? = nil, classes: [String] = [], collectionIDs: [String] = [], folderTypes: [Int] = [],
        conversationID: Data? = nil,
        receivedAfter: Date? = nil, receivedBefore: Date? = nil, deepTraversal: Bool = false,
        options: SyncOptions? = nil
    ) {
        self.freeText = freeText
        self.classes = classes
        self.collectionIDs = collectionIDs
        self.folderTypes = folderTypes
        self.conversationID = conversationID
        self.receivedAfter = receivedAfter
        self.receivedBefore = receivedBefore
        self.deepTraversal = deepTraversal
        self.options = options
    }

    init(query: WBXMLElement, options: WBXMLElement?) throws(RequestDecodingError<SearchStatus>) {
        typealias Refusal = RequestDecodingError<SearchStatus>
        guard query.elements.count == 1, let and = query.firstElement(SearchTag.and) else {
            throw Refusal(.tooComplex, "a Mailbox Query holds one And and nothing else")
        }
        self.init(
            deepTraversal: options?.firstElement(SearchTag.deepTraversal) != nil, options: options.map(SyncOptions.init)
        )
        for element in and.elements {
            switch element.tag {
            case SearchTag.freeText:
                guard freeText == nil else { throw Refusal(.tooComplex, "more than one FreeText") }
                freeText = try SearchText.check(element.text ?? "", else: SearchStatus.invalidRequest)
            case AirSyncTag.`class`: classes.append(element.text ?? "")
            case AirSyncTag.collectionId: collectionIDs.append(element.text ?? "")
            case SearchTag.conversationId:
                guard conversationID == nil, let id = Self.conversationID(element) else {
                    throw Refusal(.invalidRequest, "a ConversationId that is not 16 bytes, or a second one")
                }
                conversationID = id
            case SearchTag.greaterThan:
                guard receivedAfter == nil else { throw Refusal(.invalidRequest, "more than one GreaterThan") }
                receivedAfter = try Self.dateReceived(element)
            case SearchTag.lessThan:
                guard receivedBefore == nil else { throw Refusal(.invalidRequest, "more than one LessThan") }
                receivedBefore = try Self.dateReceived(element)
            case SearchTag.equalTo:
                try addFolderCondition(element)
            case SearchTag.or, SearchTag.and:
                throw Refusal(.tooComplex, "\(element.tag) is not searched")
            default:
                throw Refusal(.invalidRequest, "\(element.tag) is not a Mailbox query element")
            }
        }
    }

    /// `<EqualTo><airsync:CollectionId/><Value>7</Value></EqualTo>`, or with FolderHierarchy
    /// Type and a folder type number; EqualTo on anything else (a document library's LinkId)
    /// is too complex.
    private mutating func addFolderCondition(_ equalTo: WBXMLElement) throws(RequestDecodingError<SearchStatus>) {
        let children = equalTo.elements
        guard children.count == 2, children[1].tag == SearchTag.value, let value = children[1].text else {
            throw RequestDecodingError(.invalidRequest, "EqualTo is a property and a Value")
        }
        switch children[0].tag {
        case AirSyncTag.collectionId: collectionIDs.append(value)
        case FolderHierarchyTag.type:
            guard let type = Int(value) else { throw RequestDecodingError(.invalidRequest, "a folder type \(value)") }
            folderTypes.append(type)
        default: throw RequestDecodingError(.tooComplex, "EqualTo on \(children[0].tag) is not searched")
        }
    }

    /// `<GreaterThan><email:DateReceived/><Value>2026-01-01T00:00:00.000Z</Value></GreaterThan>`.
    private static func dateReceived(_ comparison: WBXMLElement) throws(RequestDecodingError<SearchStatus>) -> Date {
        let children = comparison.elements
        guard children.count == 2, children[0].tag == EmailTag.dateReceived, children[1].tag == SearchTag.value,
            let date = children[1].text.flatMap(EASDate.parse)
        else {
            throw RequestDecodingError(.invalidRequest, "\(comparison.tag) is not email:DateReceived and a date Value")
        }
        return date
    }

    /// The 16 bytes, as OPAQUE in WBXML or base64 in XML.
    private static func conversationID(_ element: WBXMLElement) -> Data? {
        let opaque = element.children.compactMap { node -> [UInt8]? in
            if case .opaque(let bytes) = node { return bytes }
            return nil
        }.first
        let bytes = opaque.map { Data($0) } ?? element.text.flatMap { Data(base64Encoded: $0) }
        return bytes?.count == 16 ? bytes : nil
    }
}

/// A GAL store query: the text a name, alias or address starts with, and whether to send
/// pictures (14.1+).
public struct GALQuery: Hashable, Sendable {
    public var text: String
    public var picture: PictureOptions?

    public init(text: String, picture: PictureOptions? = nil) {
        self.text = text
        self.picture = picture
    }

    init(query: WBXMLElement, options: WBXMLElement?) throws(RequestDecodingError<SearchStatus>) {
        let text = (query.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, query.elements.isEmpty else {
            throw RequestDecodingError(.invalidRequest, "a GAL Query is text")
        }
        self.init(
            text: try SearchText.check(text, else: SearchStatus.invalidRequest),
            picture: options?.firstElement(SearchTag.picture).map {
                PictureOptions($0, maxSize: SearchTag.maxSize, maxPictures: SearchTag.maxPictures)
            })
    }
}

/// What a device asks of contact pictures (MS-ASCMD 2.2.3.135): at most `maxSize` bytes
/// each (at most 102,400), at most `maxPictures` of them; nil is no limit.
public struct PictureOptions: Hashable, Sendable {
    public static let largestSize = 102_400

    public var maxSize: Int
    public var maxPictures: Int?

    public init(maxSize: Int = largestSize, maxPictures: Int? = nil) {
        self.maxSize = maxSize
        self.maxPictures = maxPictures
    }

    /// A Picture element of Search, Find or ResolveRecipients, whose children are in its own page.
    init(_ element: WBXMLElement, maxSize sizeTag: WBXMLTag, maxPictures countTag: WBXMLTag) {
        let size = element.firstElement(sizeTag)?.text.flatMap { Int($0) }
        let count = element.firstElement(countTag)?.text.flatMap { Int($0) }
        self.init(
            maxSize: min(max(size ?? Self.largestSize, 0), Self.largestSize), maxPictures: count.map { max($0, 0) })
    }
}
