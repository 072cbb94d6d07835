/// Why a device's `<airsync:ApplicationData>` was refused. The sync engine answers it with the
/// per-item Sync Status 6, "error in client/server conversion" (MS-ASCMD 2.2.3.177.17).
public struct ApplicationDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem. A struct with static values so new kinds don't break callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// An element the operation requires is absent.
        public static let missingElement = Code("missing element")
        /// An element's content is not a value of its type (a date, a number, base64 ...).
        public static let badValue = Code("bad value")
        /// The class cannot be added or changed this way (an email Add before 16.0, Notes ...).
        public static let classNotAllowed = Code("class not allowed")
        /// The item is larger than Tern accepts.
        public static let oversized = Code("oversized")

        public var description: String { name }
    }

    public let code: Code
    /// The element concerned, `Namespace:Name`, when there is one.
    public let element: String?
    /// One human line naming what was wrong; never the element's content.
    public let detail: String

    public init(_ code: Code, element: String? = nil, _ detail: String) {
        self.code = code
        self.element = element
        self.detail = detail
    }

    public var description: String {
        element.map { "\(code) in \($0): \(detail)" } ?? "\(code): \(detail)"
    }

    /// The per-item Sync status every refusal is answered with.
    public var syncStatus: SyncStatus { .conversionError }

    /// A required element the device left out.
    public static func missing(_ element: String) -> ApplicationDataError {
        ApplicationDataError(.missingElement, element: element, "required here")
    }

    static func badValue(_ element: String, _ detail: String) -> ApplicationDataError {
        ApplicationDataError(.badValue, element: element, detail)
    }
}
