import ActiveSync
import Foundation
import WBXML

/// The forms a request body comes in; a response uses the request's form, WBXML for `mime`.
enum BodyForm {
    case wbxml
    case xml
    /// A message itself (`message/rfc822`): the 12.1 form of SendMail, SmartReply and SmartForward.
    case mime

    static let wbxmlContentType = "application/vnd.ms-sync.wbxml"

    init?(contentType: String?) {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch type {
        case Self.wbxmlContentType, nil, "": self = .wbxml
        case "text/xml", "application/xml": self = .xml
        case "message/rfc822": self = .mime
        default: return nil
        }
    }

    var contentType: String { self == .xml ? "text/xml; charset=utf-8" : Self.wbxmlContentType }

    /// Decodes a body of at most `maxBytes` (the server's request limit).
    func decode(_ bytes: [UInt8], maxBytes: Int) throws(WBXMLError) -> WBXMLElement {
        let limits = WBXMLLimits(maxBytes: maxBytes)
        switch self {
        case .wbxml, .mime: return try WBXMLDecoder(limits: limits).decode(bytes).root
        case .xml: return try XMLReader(limits: limits).read(bytes)
        }
    }

    func encode(_ root: WBXMLElement) throws(WBXMLError) -> [UInt8] {
        switch self {
        case .wbxml, .mime: try WBXMLEncoder().encode(root)
        case .xml: Array(XMLWriter().write(root).utf8)
        }
    }
}
