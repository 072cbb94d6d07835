import Testing

@testable import ActiveSync

struct CommandTests {
    /// MS-ASHTTP 2.2.1.1.1.1.2, written from the specification's table (5 to 8 from its
    /// earlier revisions, 23 for Find in 16.1).
    static let codeTable: [(UInt8, String)] = [
        (0, "Sync"), (1, "SendMail"), (2, "SmartForward"), (3, "SmartReply"), (4, "GetAttachment"),
        (5, "GetHierarchy"), (6, "CreateCollection"), (7, "DeleteCollection"), (8, "MoveCollection"),
        (9, "FolderSync"), (10, "FolderCreate"), (11, "FolderDelete"), (12, "FolderUpdate"), (13, "MoveItems"),
        (14, "GetItemEstimate"), (15, "MeetingResponse"), (16, "Search"), (17, "Settings"), (18, "Ping"),
        (19, "ItemOperations"), (20, "Provision"), (21, "ResolveRecipients"), (22, "ValidateCert"), (23, "Find"),
    ]

    @Test(arguments: codeTable)
    func commandCodeMapsBothWays(_ code: UInt8, _ name: String) {
        #expect(Command(code: code)?.rawValue == name)
        #expect(Command(rawValue: name).code == code)
    }

    @Test(arguments: [UInt8(24), 25, 99, 255])
    func codesOutsideTheTableNameNoCommand(_ code: UInt8) {
        #expect(Command(code: code) == nil)
    }

    @Test func unknownNamesStayRepresentableButHaveNoCode() {
        let command = Command(rawValue: "Frobnicate")
        #expect(command.rawValue == "Frobnicate")
        #expect(command.code == nil)
        #expect(Command(knownName: "Frobnicate") == nil)
    }

    @Test(arguments: ["foldersync", "FOLDERSYNC", "FolderSync", "folderSync"])
    func knownNamesMatchIgnoringCase(_ name: String) {
        #expect(Command(knownName: name) == .folderSync)
    }

    @Test func advertisedListIsEveryServedCommandWithFindLast() {
        #expect(
            Command.advertised.map(\.rawValue).joined(separator: ",")
                == "Sync,SendMail,SmartForward,SmartReply,GetAttachment,FolderSync,FolderCreate,FolderDelete,"
                + "FolderUpdate,MoveItems,GetItemEstimate,MeetingResponse,Search,Settings,Ping,ItemOperations,"
                + "Provision,ResolveRecipients,Find")
        #expect(Set(Command.advertised).count == Command.advertised.count)
        #expect(Command.advertised.allSatisfy { $0.code != nil })
        #expect(!Command.advertised.contains(.getHierarchy))
    }
}
