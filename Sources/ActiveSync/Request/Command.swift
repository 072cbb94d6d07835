/// An EAS command, as named by `Cmd=` in the plain query (MS-ASHTTP 2.2.1.1.1.2.1) or by the
/// command code byte of the base64 query (MS-ASHTTP 2.2.1.1.1.1.2).
///
/// ```
/// POST /Microsoft-Server-ActiveSync?Cmd=FolderSync&User=anna&DeviceId=ApplF17XK2QJ&DeviceType=iPhone
/// ```
///
/// A struct rather than an enum so a name Tern does not know stays representable; the request
/// line parser refuses such names, but `MS-ASProtocolCommands` and logs can still carry them.
public struct Command: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The command name exactly as the specification spells it, e.g. `"Sync"`.
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let sync = Command(rawValue: "Sync")
    public static let sendMail = Command(rawValue: "SendMail")
    public static let smartForward = Command(rawValue: "SmartForward")
    public static let smartReply = Command(rawValue: "SmartReply")
    public static let getAttachment = Command(rawValue: "GetAttachment")
    /// Protocol 2.5 only; kept so its legacy command code stays readable.
    public static let getHierarchy = Command(rawValue: "GetHierarchy")
    /// Protocol 2.5 only; kept so its legacy command code stays readable.
    public static let createCollection = Command(rawValue: "CreateCollection")
    /// Protocol 2.5 only; kept so its legacy command code stays readable.
    public static let deleteCollection = Command(rawValue: "DeleteCollection")
    /// Protocol 2.5 only; kept so its legacy command code stays readable.
    public static let moveCollection = Command(rawValue: "MoveCollection")
    public static let folderSync = Command(rawValue: "FolderSync")
    public static let folderCreate = Command(rawValue: "FolderCreate")
    public static let folderDelete = Command(rawValue: "FolderDelete")
    public static let folderUpdate = Command(rawValue: "FolderUpdate")
    public static let moveItems = Command(rawValue: "MoveItems")
    public static let getItemEstimate = Command(rawValue: "GetItemEstimate")
    public static let meetingResponse = Command(rawValue: "MeetingResponse")
    public static let search = Command(rawValue: "Search")
    public static let settings = Command(rawValue: "Settings")
    public static let ping = Command(rawValue: "Ping")
    public static let itemOperations = Command(rawValue: "ItemOperations")
    public static let provision = Command(rawValue: "Provision")
    public static let resolveRecipients = Command(rawValue: "ResolveRecipients")
    public static let validateCert = Command(rawValue: "ValidateCert")
    /// Protocol 16.1 only (MS-ASCMD 2.2.1.2).
    public static let find = Command(rawValue: "Find")

    /// The commands Tern lists in `MS-ASProtocolCommands` on OPTIONS (MS-ASHTTP 2.2.4.1.2.1):
    ///
    /// ```
    /// MS-ASProtocolCommands: Sync,SendMail,SmartForward,SmartReply,GetAttachment,FolderSync,...,Find
    /// ```
    ///
    /// `Find` exists only in 16.1; every other entry is valid from 12.1 on. The 2.5-only
    /// commands (GetHierarchy and the *Collection family) are not offered, nor ValidateCert,
    /// which Tern does not serve (a device that never sees it checks certificates itself).
    public static let advertised: [Command] = [
        .sync, .sendMail, .smartForward, .smartReply, .getAttachment, .folderSync, .folderCreate,
        .folderDelete, .folderUpdate, .moveItems, .getItemEstimate, .meetingResponse, .search,
        .settings, .ping, .itemOperations, .provision, .resolveRecipients, .find,
    ]

    /// Every command with a code, in code order (MS-ASHTTP 2.2.1.1.1.1.2). Codes 5 to 8 are the
    /// 2.5 commands from earlier revisions of the table; 23 is Find (16.1).
    static let byCode: [(code: UInt8, command: Command)] = [
        (0, .sync), (1, .sendMail), (2, .smartForward), (3, .smartReply), (4, .getAttachment),
        (5, .getHierarchy), (6, .createCollection), (7, .deleteCollection), (8, .moveCollection),
        (9, .folderSync), (10, .folderCreate), (11, .folderDelete), (12, .folderUpdate),
        (13, .moveItems), (14, .getItemEstimate), (15, .meetingResponse), (16, .search),
        (17, .settings), (18, .ping), (19, .itemOperations), (20, .provision),
        (21, .resolveRecipients), (22, .validateCert), (23, .find),
    ]

    /// Every command Tern knows by name.
    public static let all: [Command] = byCode.map(\.command)

    /// The command whose base64 command code is `code`, e.g. 9 → FolderSync; nil for codes the
    /// table does not list.
    public init?(code: UInt8) {
        guard let entry = Command.byCode.first(where: { $0.code == code }) else { return nil }
        self = entry.command
    }

    /// The base64 command code, e.g. FolderSync → 9; nil for a command without one.
    public var code: UInt8? {
        Command.byCode.first(where: { $0.command == self })?.code
    }

    /// The known command whose name matches `name` ignoring ASCII case, so `cmd=foldersync`
    /// reads as FolderSync; nil for names Tern does not know.
    public init?(knownName name: some StringProtocol) {
        let folded = Command.asciiLowercased(name.utf8)
        guard let match = Command.all.first(where: { Command.asciiLowercased($0.rawValue.utf8) == folded }) else {
            return nil
        }
        self = match
    }

    static func asciiLowercased(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }
}
