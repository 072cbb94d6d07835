/// The admin API's shared secret, compared with what a request sends in constant time
/// (`constantTimeEquals`). The web console's sign-in takes the same token.
struct BearerToken {
    private let expected: [UInt8]

    init(_ token: String) {
        expected = Array(token.utf8)
    }

    /// Whether `authorization` is `Bearer <token>` (the scheme in any case, RFC 6750 2.1).
    func accepts(_ authorization: String?) -> Bool {
        guard let authorization, authorization.count > 7, authorization.prefix(7).lowercased() == "bearer " else {
            return false
        }
        return matches(String(authorization.dropFirst(7)))
    }

    /// Whether `given` is the token itself.
    func matches(_ given: String) -> Bool {
        constantTimeEquals(Array(given.utf8), expected)
    }
}
