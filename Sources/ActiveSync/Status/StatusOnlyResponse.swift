public import WBXML

/// A command's answer that carries only a Status: what 14.0+ gives when the policy gate
/// refuses a command (MS-ASCMD 2.2.2), or when a request is past a limit or not one the
/// command takes: `<FolderSync xmlns="FolderHierarchy:"><Status>142</Status></FolderSync>`.
public enum StatusOnlyResponse {
    /// The root element of `command`'s responses; nil for a command without a body.
    public static func root(for command: Command) -> WBXMLTag? {
        switch command {
        case .provision: ProvisionTag.provision
        case .folderSync: FolderHierarchyTag.folderSync
        case .folderCreate: FolderHierarchyTag.folderCreate
        case .folderUpdate: FolderHierarchyTag.folderUpdate
        case .folderDelete: FolderHierarchyTag.folderDelete
        case .sync: AirSyncTag.sync
        case .ping: PingTag.ping
        case .getItemEstimate: GetItemEstimateTag.getItemEstimate
        case .itemOperations: ItemOperationsTag.itemOperations
        case .settings: SettingsTag.settings
        case .search: SearchTag.search
        case .sendMail: ComposeMailTag.sendMail
        case .smartReply: ComposeMailTag.smartReply
        case .smartForward: ComposeMailTag.smartForward
        case .meetingResponse: MeetingResponseTag.meetingResponse
        case .resolveRecipients: ResolveRecipientsTag.resolveRecipients
        case .validateCert: ValidateCertTag.validateCert
        case .find: FindTag.find
        case .moveItems: MoveTag.moveItems
        default: nil
        }
    }

    /// The Status element of the code page `root` is in; nil for a page without one.
    public static func statusTag(of root: WBXMLTag) -> WBXMLTag? {
        statusTags.first { $0.page == root.page }
    }

    /// `<Root><Status>n</Status></Root>` in `root`'s code page.
    public static func element(root: WBXMLTag, status: some CommandStatus) -> WBXMLElement {
        guard let statusTag = statusTag(of: root) else {
            preconditionFailure("code page of \(root) has no Status element")
        }
        return WBXMLElement(root, elements: [WBXMLElement(statusTag, text: status.text)])
    }

    private static let statusTags = [
        AirSyncTag.status, MoveTag.status, GetItemEstimateTag.status, FolderHierarchyTag.status,
        MeetingResponseTag.status, ResolveRecipientsTag.status, ValidateCertTag.status, PingTag.status,
        ProvisionTag.status, SearchTag.status, SettingsTag.status, ItemOperationsTag.status, ComposeMailTag.status,
        FindTag.status,
    ]
}
