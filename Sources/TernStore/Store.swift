public import Foundation

/// The source of truth for users, folders and items, used by TernSync and TernServer.
///
/// Every write is one transaction that bumps the user's modification sequence for each
/// change and records deletes as tombstones, so that `itemChanges(in:since:)` and
/// `folderChanges(of:since:)` are index lookups. Committed writes are announced on
/// `changes(for:)`, including writes by other processes on the same database.
public protocol Store: Sendable {
    // MARK: Users

    /// Creates a user with the default folder set (`Folder.defaultSet`).
    func createUser(_ user: NewUser) async throws(StoreError) -> User
    func user(login: String) async throws(StoreError) -> User?
    /// The user an address is delivered to, matched without regard to case.
    func user(address: String) async throws(StoreError) -> User?
    /// The user an address is delivered to, with their folders: what a delivery reads, in one
    /// round trip where the backend can (by default `user(address:)`, then `folders(of:)`).
    func recipient(address: String) async throws(StoreError) -> (user: User, folders: [Folder])?
    func users() async throws(StoreError) -> [User]
    func setPasswordHash(_ hash: String, login: String) async throws(StoreError)
    /// Removes the user and everything they own.
    func removeUser(login: String) async throws(StoreError)
    /// The keyed verifier of the user's password (`PasswordVerifierKey`); nil until a
    /// password has passed bcrypt with a key configured, and again after a password change.
    func passwordVerifier(of userID: User.ID) async throws(StoreError) -> Data?
    func setPasswordVerifier(_ verifier: Data, of userID: User.ID) async throws(StoreError)
    /// The user's photo (JPEG) the address book shows; nil when none is set.
    func userPhoto(of userID: User.ID) async throws(StoreError) -> Data?
    /// Sets the user's photo, or removes it with nil.
    func setUserPhoto(_ photo: Data?, of userID: User.ID) async throws(StoreError)

    // MARK: Folders

    func folders(of userID: User.ID) async throws(StoreError) -> [Folder]
    func folder(of userID: User.ID, serverID: String) async throws(StoreError) -> Folder?
    func createFolder(of userID: User.ID, parentServerID: String, displayName: String, type: FolderType)
        async throws(StoreError) -> Folder
    func updateFolder(of userID: User.ID, serverID: String, parentServerID: String, displayName: String)
        async throws(StoreError) -> Folder
    /// Deletes a user-created folder, its subfolders and their items.
    func deleteFolder(of userID: User.ID, serverID: String) async throws(StoreError)
    func folderChanges(of userID: User.ID, since: ModSeq) async throws(StoreError) -> FolderChanges

    // MARK: Items

    func addItem(_ content: ItemContent, to folderID: Folder.ID) async throws(StoreError) -> Item
    /// Adds many items in one transaction (import, bulk delivery).
    func addItems(_ contents: [ItemContent], to folderID: Folder.ID) async throws(StoreError) -> [Item]
    /// Adds a device's item once: the same `ClientAdd` again returns the item it created.
    func addItem(_ content: ItemContent, to folderID: Folder.ID, from clientAdd: ClientAdd) async throws(StoreError)
        -> ClientAddOutcome
    /// Files a sent message's copies, each user's changes announced as for `addItem`, and
    /// records its ClientId, all in one transaction; a ClientId the sender used before files
    /// nothing.
    func submit(_ submission: Submission) async throws(StoreError) -> SubmissionOutcome
    /// Whether `userID` submitted a message under `clientID` before.
    func isSubmitted(clientID: String, by userID: User.ID) async throws(StoreError) -> Bool
    func item(in folderID: Folder.ID, serverID: String) async throws(StoreError) -> Item?
    /// The event of a calendar folder with an iCalendar UID, found by index (meeting mail).
    func event(uid: String, in folderID: Folder.ID) async throws(StoreError) -> Item?
    func updateItem(in folderID: Folder.ID, serverID: String, content: ItemContent) async throws(StoreError) -> Item
    func deleteItem(in folderID: Folder.ID, serverID: String) async throws(StoreError)
    /// Moves an item; it gets a new server id in the destination, a tombstone in the source.
    func moveItem(from folderID: Folder.ID, serverID: String, to destinationID: Folder.ID)
        async throws(StoreError) -> Item
    /// Deletes every item of a folder in one transaction (ItemOperations EmptyFolderContents); returns how many.
    func deleteAllItems(in folderID: Folder.ID) async throws(StoreError) -> Int
    func itemChanges(in folderID: Folder.ID, since: ModSeq, limit: Int) async throws(StoreError) -> ItemChanges
    func itemCount(in folderID: Folder.ID) async throws(StoreError) -> Int

    // MARK: Health

    /// Throws unless the store is reachable, writable (a write is committed) and migrated.
    func checkReadiness() async throws(StoreError)
    /// How many read and write transactions the store ran since it opened, and their time.
    var transactionFigures: StoreTransactionFigures { get }

    // MARK: Search

    /// A page of the mail matching `query`, newest first, with the total, from the full-text
    /// index every item write keeps in its own transaction.
    func searchMail(_ query: MailSearchQuery) async throws(StoreError) -> MailSearchResult
    /// Indexes every stored email again (`tern index rebuild`); returns how many.
    func rebuildMailSearchIndex() async throws(StoreError) -> Int

    // MARK: Outbound queue

    /// Messages waiting for the relay, oldest first, without their content.
    func queuedMessages() async throws(StoreError) -> [QueuedMessage]
    /// Takes up to `limit` messages due at `now` for one delivery attempt each, counting the
    /// attempt: none is due again before `now + lease`, so that a second runner does not send
    /// it meanwhile and one killed mid-attempt leaves it to be tried after the lease.
    func claimQueuedMessages(dueAt now: Date, lease: TimeInterval, limit: Int) async throws(StoreError)
        -> [ClaimedMessage]
    /// Records what an attempt came to (`QueueAttempt`); a message with no recipient left leaves the queue.
    func recordAttempt(_ attempt: QueueAttempt) async throws(StoreError)
    /// Makes one queued message, or every one, due now; returns how many.
    func retryQueuedMessages(id: QueuedMessage.ID?) async throws(StoreError) -> Int
    /// Removes a queued message unsent; false when there is none with that id.
    func dropQueuedMessage(id: QueuedMessage.ID) async throws(StoreError) -> Bool

    // MARK: Devices and policies

    func device(of userID: User.ID, deviceID: String) async throws(StoreError) -> Device?
    /// All devices, or those of one user.
    func devices(of userID: User.ID?) async throws(StoreError) -> [Device]
    /// Records a device seen for the first time (with `id` ignored) or saves a known one.
    func saveDevice(_ device: Device) async throws(StoreError) -> Device
    /// Forgets a device with its sync states; its held request is woken. Seen again, it is a
    /// new device that provisions afresh.
    func removeDevice(_ id: Device.ID) async throws(StoreError)
    /// Forgets every sync state of a device, so that its next FolderSync and Sync start over
    /// from key 0 (Status 9 and 3); its held request is woken.
    func removeSyncStates(of deviceID: Device.ID) async throws(StoreError)
    /// The default policy (the built-in one, version 0, until an admin sets one).
    func defaultPolicy() async throws(StoreError) -> StoredPolicy
    /// The policy in force for a user: their override, else the default.
    func effectivePolicy(for userID: User.ID) async throws(StoreError) -> StoredPolicy
    /// Sets the default policy (`userID` nil) or a user's override; returns the new version.
    func setPolicy(_ policy: DevicePolicy, for userID: User.ID?) async throws(StoreError) -> StoredPolicy

    // MARK: Settings and sync state

    /// The user's out-of-office settings (disabled until set).
    func outOfOffice(of userID: User.ID) async throws(StoreError) -> OutOfOffice
    func setOutOfOffice(_ settings: OutOfOffice, of userID: User.ID) async throws(StoreError)
    /// A device's states of one collection: a folder's server id, or `""` for the hierarchy.
    func syncStates(of deviceID: Device.ID, collection: String) async throws(StoreError) -> SyncStates?
    /// Every collection a device holds states of, with the current state of each.
    func currentSyncStates(of deviceID: Device.ID) async throws(StoreError) -> [String: SyncStateRecord]
    /// Saves a device's states of a collection, forgetting the `ClientAdd`s of older keys.
    func saveSyncStates(_ states: SyncStates, of deviceID: Device.ID, collection: String) async throws(StoreError)

    // MARK: Change feed

    /// Committed changes of one user, from now on, as they happen.
    func changes(for userID: User.ID) -> AsyncStream<StoreChange>
    /// Committed changes of every user `interest` wants, from now on, as they happen
    /// (buffered without a bound, so none is dropped); a default-policy change comes once,
    /// addressed to `StoreChange.everyUser`. A change of a user not wanted may come too.
    func allChanges(interest: ChangeInterest) -> AsyncStream<StoreChange>
    /// Makes sure commits of `userID`, from when this returns, are announced in this process:
    /// a request that will wait for them calls it after subscribing and before it checks the
    /// store. A store shared by nodes wakes only the nodes that asked for a user (by default
    /// every process hears every user, and there is nothing to do).
    func listenForChanges(of userID: User.ID) async throws(StoreError)
    /// Watches for commits made by other processes (or nodes) until the task is cancelled:
    /// SQLite's safety poll behind the commit bell. Whoever keeps the store open for long
    /// runs it (the server, as a service); commits of this process are announced without it.
    func followChanges(clock: some Clock<Duration>) async
}
