/// The status codes every command may answer with (MS-ASCMD 2.2.2, "Common Status Codes"),
/// as sent in a command's top-level `Status` element by protocol 14.0 and later.
///
/// ```xml
/// <FolderSync xmlns="FolderHierarchy:"><Status>142</Status></FolderSync>
/// ```
/// A struct, so a value a peer sends that we don't know stays representable (STYLE.md, 8).
public struct CommonStatus: CommandStatus, Hashable, Sendable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The request is not XML the command takes, or past a limit of it (MS-ASCMD 3.1.5.10).
    public static let invalidXML = CommonStatus(rawValue: 103)
    /// The message a device sent is not RFC 5322 the server can read.
    public static let invalidMIME = CommonStatus(rawValue: 107)
    public static let serverError = CommonStatus(rawValue: 110)
    /// A transient failure (the store or the queue): the device tries again later.
    public static let serverErrorRetryLater = CommonStatus(rawValue: 111)
    /// A recipient the server cannot deliver to: outside its users with no relay to send through.
    public static let messageRecipientUnresolved = CommonStatus(rawValue: 116)
    /// A SendMail, SmartReply or SmartForward with a ClientId already sent: nothing is sent again.
    public static let messagePreviouslySent = CommonStatus(rawValue: 118)
    public static let messageHasNoRecipient = CommonStatus(rawValue: 119)
    /// The message could not be submitted (over a limit of size or recipients).
    public static let mailSubmissionFailed = CommonStatus(rawValue: 120)
    /// The item a SmartReply or SmartForward names is not the user's.
    public static let itemNotFound = CommonStatus(rawValue: 150)
    /// The user's account or the device is blocked by the administrator.
    public static let deviceIsBlockedForThisUser = CommonStatus(rawValue: 129)
    /// The device reported it cannot apply the policy it was sent (MS-ASPROV 3.1.5.2).
    public static let deviceNotFullyProvisionable = CommonStatus(rawValue: 139)
    /// A remote wipe was requested: the device must send Provision to receive it.
    public static let remoteWipeRequested = CommonStatus(rawValue: 140)
    /// The device has not been provisioned, or sent no policy key.
    public static let deviceNotProvisioned = CommonStatus(rawValue: 142)
    /// The policy changed since the device was provisioned: provision again.
    public static let policyRefresh = CommonStatus(rawValue: 143)
    /// The policy key sent is not the device's current one.
    public static let invalidPolicyKey = CommonStatus(rawValue: 144)

    public var description: String { "status \(rawValue)" }
}
