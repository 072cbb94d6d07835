import Foundation

extension String {
    /// The string as one value of a URL query: everything but unreserved characters
    /// (RFC 3986 2.3) percent-encoded.
    var addingPercentEncodingForQuery: String {
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
