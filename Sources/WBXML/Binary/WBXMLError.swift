/// Why a WBXML or XML input was refused, and where.
///
/// Every way a device's bytes can be wrong is one of these, never a trap. `offset` is the
/// byte offset into the input at which the problem was found.
public struct WBXMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem. A struct with static values so new kinds don't break callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The input ended inside a header, token, string or opaque block.
        public static let truncated = Code("truncated")
        /// Bytes that are not well-formed WBXML or XML.
        public static let malformed = Code("malformed")
        /// The input is larger than `Limits.maxBytes`.
        public static let tooLarge = Code("too large")
        /// Elements nest deeper than `Limits.maxDepth`.
        public static let tooDeep = Code("too deep")
        /// More elements than `Limits.maxElements`.
        public static let tooManyElements = Code("too many elements")
        /// A tag, code page or namespace the ActiveSync tables don't have.
        public static let unknownTag = Code("unknown tag")
        /// A construct EAS never uses and Tern refuses: attributes, LITERAL, EXT, PI, DTDs.
        public static let unsupported = Code("unsupported")
        /// Text that isn't valid UTF-8, or opaque content that isn't valid base64.
        public static let invalidContent = Code("invalid content")
        /// A string table index outside the string table.
        public static let lengthOutOfRange = Code("length out of range")

        public var description: String { name }
    }

    public let code: Code
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
