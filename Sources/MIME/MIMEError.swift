/// Why a message was refused.
///
/// The parser is tolerant (see `MIMEMessage`), so only input that cannot be a message, or that
/// exceeds a `MIMELimits` bound, is refused; each cause has its own `Code`.
public struct MIMEError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem. A struct with static values so new kinds don't break callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The input has no bytes at all.
        public static let empty = Code("empty")
        /// The input is larger than `MIMELimits.maxBytes`.
        public static let tooLarge = Code("too large")
        /// A header section (of the message or of a part) is larger than `MIMELimits.maxHeaderBytes`.
        public static let headersTooLarge = Code("headers too large")
        /// More body parts than `MIMELimits.maxParts`.
        public static let tooManyParts = Code("too many parts")

        public var description: String { name }
    }

    public let code: Code
    /// The byte offset into the message at which the problem was found.
    public let offset: Int
    /// One human line naming what was wrong.
    public let detail: String

    public init(_ code: Code, at offset: Int, _ detail: String) {
        self.code = code
        self.offset = offset
        self.detail = detail
    }

    public var description: String { "\(code) at byte \(offset): \(detail)" }
}
