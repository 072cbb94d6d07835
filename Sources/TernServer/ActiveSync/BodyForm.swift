import ActiveSync
import Foundation
import WBXML

/// The two forms a request body comes in; a response uses the request's form.
enum BodyForm {
    case wbxml
    case xml

    static let wbxmlContentType = "application/vnd.ms-sync.wbxml"

    init?(contentType: String?) {
        let type = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch type {
        case Self.wbxmlContentType, nil, "": self = .wbxml
        case "text/xml", "application/xml": self = .xml
        default: return nil
        }
    }

    var contentType: String { self == .wbxml ? Self.wbxmlContentType : "text/xml; charset=utf-8" }

    /// Decodes a body of at most `maxBytes` (the server's request limit).
    func decode(_ bytes: [UInt8], maxBytes: Int) throws(WBXMLError) -> WBXMLElement {
        let limits = WBXMLLimits(maxBytes: maxBytes)
        switch self {
        case .wbxml: return try WBXMLDecoder(limits: limits).decode(bytes).root
        case .xml: return try XMLReader(limits: limits).read(bytes)
        }
    }

    func encode(_ root: WBXMLElement) throws(WBXMLError) -> [UInt8] {
        switch self {
        case .wbxml: try WBXMLEncoder().encode(root)
        case .xml: Array(XMLWriter().write(root).utf8)
        }
    }
}
