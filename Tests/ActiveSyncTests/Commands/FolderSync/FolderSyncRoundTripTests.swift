import ActiveSync
import Testing
import WBXML

struct FolderSyncRoundTripTests {
    @Test(arguments: ["0", "7"])
    func aWrittenRequestReadsBackTheSame(key: String) throws {
        let request = FolderSyncRequest(syncKey: key)
        #expect(try FolderSyncRequest(WBXMLDecoder().decode(WBXMLEncoder().encode(request.element)).root) == request)
    }

    static let responses: [FolderSyncResponse] = [
        FolderSyncResponse(status: .invalidSyncKey),
        FolderSyncResponse(
            status: .success, syncKey: "1",
            added: [
                .init(serverID: "1", parentID: "0", displayName: "Inbox", type: 2),
                .init(serverID: "4", parentID: "1", displayName: "Receipts", type: 12),
            ]),
        FolderSyncResponse(
            status: .success, syncKey: "3",
            updated: [.init(serverID: "4", parentID: "0", displayName: "Bills", type: 12)],
            deletedServerIDs: ["9"]),
    ]

    @Test(arguments: responses)
    func aServedResponseReadsBackTheSame(response: FolderSyncResponse) throws {
        #expect(FolderSyncResponse(try WBXMLDecoder().decode(WBXMLEncoder().encode(response.element)).root) == response)
    }

    @Test func aDeleteWithoutServerIdIsNoResponse() {
        let root = WBXMLElement(
            FolderHierarchyTag.folderSync,
            elements: [
                WBXMLElement(FolderHierarchyTag.status, text: "1"),
                WBXMLElement(
                    FolderHierarchyTag.changes,
                    elements: [WBXMLElement(FolderHierarchyTag.delete)]),
            ])
        #expect(FolderSyncResponse(root) == nil)
    }
}
