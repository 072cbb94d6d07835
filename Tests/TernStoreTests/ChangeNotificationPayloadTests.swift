import TernStore
import Testing

@testable import TernStorePostgres

/// The NOTIFY payload of a commit: what it changed travels with it when it fits, and
/// anything else is read as "go and read the log", or not ours.
struct ChangeNotificationPayloadTests {
    @Test func aDetailComesBackAsTheChangeItDescribes() throws {
        let detail = LoggedCommit.Detail(folderIDs: [3, 14], deviceID: 15, hierarchyChanged: true, policyChanged: true)
        let payload = try #require(detail.payload)
        let commit = try #require(LoggedCommit(payload: "7 92 650 \(payload)"))
        #expect(commit.userID == 7 && commit.logSeq == 92)
        #expect(commit.change == detail.change(of: 7, at: ModSeq(rawValue: 650)))
        #expect(commit.change?.folderIDs == [3, 14] && commit.change?.deviceIDs == [15])

        let plain = try #require(LoggedCommit(payload: "7 93 651 12 - -")?.change)
        #expect(
            plain == StoreChange(userID: 7, modSeq: ModSeq(rawValue: 651), folderIDs: [12], hierarchyChanged: false))
        let policy = try #require(LoggedCommit(payload: "0 4 0 - - p")?.change)
        #expect(policy.policyChanged && policy.folderIDs.isEmpty && !policy.hierarchyChanged)
    }

    @Test func tooManyFoldersToNameLeaveTheChangeToTheLog() throws {
        let many = LoggedCommit.Detail(
            folderIDs: Array(1...Int64(LoggedCommit.Detail.maxFolders + 1)), deviceID: nil, hierarchyChanged: false,
            policyChanged: false)
        #expect(many.payload == nil)
        let bare = try #require(LoggedCommit(payload: "7 92 650"))
        #expect(bare.logSeq == 92 && bare.change == nil)
    }

    @Test(arguments: [
        "", "7 92", "a 92 650", "7 92 650 3", "7 92 650 x - -", "7 92 650 3,,4 - -", "7 92 650 - y -",
        "7 92 650 - - q", "7 92 650 - - -  ",
    ])
    func aPayloadThatIsNotOursIsRefused(_ payload: String) {
        #expect(LoggedCommit(payload: payload) == nil)
    }
}
