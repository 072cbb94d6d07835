/// The admin API's shared secret, compared with what a request sends in constant time, so
/// that response timing says nothing about how much of a guess was right.
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
        let given = Array(authorization.utf8.dropFirst(7))
        var difference: UInt8 = given.count == expected.count ? 0 : 1
        for index in 0..<max(given.count, expected.count) {
            let left = index < given.count ? given[index] : 0
            let right = index < expected.count ? expected[index] : 0
            difference |= left ^ right
        }
        return difference == 0 && !expected.isEmpty
    }
}
