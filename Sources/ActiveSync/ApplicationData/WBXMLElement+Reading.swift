import Foundation
import MIME
import WBXML

/// Reading typed values out of a device's ApplicationData, each refusal a typed error.
extension WBXMLElement {
    /// The longest text property accepted, in UTF-8 bytes.
    static let maxTextBytes = 32 << 10

    /// The text of a child; "" for an empty element, nil when absent. Over 32 KiB is refused.
    func string(_ tag: WBXMLTag) throws(ApplicationDataError) -> String? {
        guard let element = firstElement(tag) else { return nil }
        return try element.boundedText()
    }

    /// This element's own text, "" when empty. Refused over `maxBytes` (32 KiB unless said),
    /// when it is not UTF-8, or when it holds a character no device could be sent back (a NUL
    /// or another control character, see `Unicode.Scalar.isUnsendable`): what a device stores
    /// must sync to every other device of the user.
    func boundedText(maxBytes: Int = maxTextBytes) throws(ApplicationDataError) -> String {
        let bytes = contentBytes ?? []
        guard bytes.count <= maxBytes else { throw .badValue(tag.description, "longer than \(maxBytes) bytes") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .badValue(tag.description, "not UTF-8") }
        guard !text.unicodeScalars.contains(where: \.isUnsendable) else {
            throw .badValue(tag.description, "holds a control character")
        }
        return text
    }

    /// A non-empty text child, or nil when absent or empty.
    func nonEmptyString(_ tag: WBXMLTag) throws(ApplicationDataError) -> String? {
        try string(tag).flatMap { $0.isEmpty ? nil : $0 }
    }

    func int(_ tag: WBXMLTag, in range: ClosedRange<Int>) throws(ApplicationDataError) -> Int? {
        guard let text = try string(tag) else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw .badValue(tag.description, "not a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    func bool(_ tag: WBXMLTag) throws(ApplicationDataError) -> Bool? {
        try int(tag, in: 0...1).map { $0 == 1 }
    }

    func date(_ tag: WBXMLTag) throws(ApplicationDataError) -> Date? {
        guard let text = try string(tag) else { return nil }
        guard let date = EASDate.parse(text.trimmingCharacters(in: .whitespaces)) else {
            throw .badValue(tag.description, "not an EAS date-time")
        }
        return date
    }

    /// The texts of the repeated `child` elements of a container such as Categories.
    func strings(_ container: WBXMLTag, _ child: WBXMLTag) throws(ApplicationDataError) -> [String]? {
        guard let list = firstElement(container) else { return nil }
        var values: [String] = []
        for element in list.elements where element.tag == child {
            values.append(try element.boundedText())
        }
        return values
    }
}
