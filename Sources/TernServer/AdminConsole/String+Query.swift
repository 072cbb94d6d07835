import Foundation

extension String {
    /// The string as one value of a URL query: everything but unreserved characters
    /// (RFC 3986 2.3) percent-encoded.
    var addingPercentEncodingForQuery: String {
        var unreserved = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<"\u{80}"))
        unreserved.insert(charactersIn: "-._~")
        return addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
