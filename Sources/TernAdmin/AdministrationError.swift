/// Why an admin operation refused, shared by `tern` and the admin HTTP API: a user or device
/// that does not exist, or a value that cannot be right. `description` is the readable line
/// the CLI prints and the API returns as `{"error": ...}`.
public struct AdministrationError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// No such user, or no such device of the user.
        public static let notFound = Code("not found")
        /// A value the operation does not take (an address without @, an empty password).
        public static let invalid = Code("invalid")
    }

    public let code: Code
    public let description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
