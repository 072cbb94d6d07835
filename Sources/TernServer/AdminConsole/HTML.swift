/// A piece of HTML whose interpolated strings are escaped: `"<td>\(device.model)</td>"` as
/// `HTML` writes a model named `<script>` as text. Only another `HTML` value goes in as it
/// is, so markup from data cannot get into a page by accident.
struct HTML: ExpressibleByStringInterpolation, Sendable {
    let text: String

    init(stringLiteral value: String) {
        text = value
    }

    init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
    }

    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Text, escaped for an element's content and for a quoted attribute value.
        mutating func appendInterpolation(_ value: String) {
            text += HTML.escape(value)
        }

        mutating func appendInterpolation(_ value: some BinaryInteger) {
            text += String(value)
        }

        mutating func appendInterpolation(_ value: HTML) {
            text += value.text
        }

        mutating func appendInterpolation(_ values: [HTML]) {
            text += values.map(\.text).joined()
        }
    }

    /// `value` with `& < > " '` written as character references (HTML 13.1.4).
    static func escape(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
