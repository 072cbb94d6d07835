/// Why a store operation failed. A struct with a code and a readable detail (STYLE.md, 8);
/// only TernServer maps these to EAS statuses and HTTP.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// No such user, address, folder or item (for this user).
        public static let notFound = Code("not found")
        /// A login, address or folder name that is already taken.
        public static let alreadyExists = Code("already exists")
        /// A value the store refuses: empty login, unparsable message, a folder that cannot hold the item.
        public static let invalid = Code("invalid")
        /// The database failed or could not be opened.
        public static let database = Code("database")

        public var description: String { name }
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code): \(detail)" }
}
