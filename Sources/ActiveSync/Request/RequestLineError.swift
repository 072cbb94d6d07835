/// Why a request's query value was refused (MS-ASHTTP 2.2.1.1.1).
///
/// Each is the device's fault and never a trap; `TernServer` maps them to HTTP 400 or the
/// matching EAS Status. `detail` names the field and never echoes a policy key.
public struct RequestLineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem. A struct with private storage so kinds can be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// No `Cmd=` parameter, or an empty query.
        public static let missingCommand = Code("missing command")
        /// A command name or base64 command code Tern does not know.
        public static let unknownCommand = Code("unknown command")
        /// No `DeviceId`, or a base64 device ID length of 0.
        public static let missingDeviceID = Code("missing device id")
        /// A device ID that is not 1 to 32 ASCII letters and digits (MS-ASHTTP 2.2.1.1.1.2.3).
        public static let invalidDeviceID = Code("invalid device id")
        /// Text that is not base64, or a base64 byte sequence with an impossible field value.
        public static let malformedBase64 = Code("malformed base64")
        /// A base64 byte sequence that ends inside a field.
        public static let truncatedBase64 = Code("truncated base64")
        /// A parameter that is duplicated, badly escaped, too long, or has a value out of range.
        public static let badParameter = Code("bad parameter")
        /// A query value longer than `RequestLine.maxQueryBytes`.
        public static let tooLong = Code("too long")

        public var description: String { name }
    }

    public let code: Code
    /// One human line naming what was wrong.
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code): \(detail)" }
}
