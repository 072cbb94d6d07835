public import TernStore

extension PushHub {
    /// How arming a request ended.
    public enum Arming: Sendable {
        /// The check found something to send at once; nothing is held.
        case ready
        /// Nothing to send yet: `wait` on the ticket.
        case armed(Ticket)
        case refused(PushRefusal)
    }

    /// Arms a request the way Ping and Sync with Wait share: arm first and have the store
    /// route the user's commits here (so nothing committed from here on is missed), then run
    /// `check`, which returns true when there is already something to send; only then is the
    /// request left armed for the caller to wait on.
    public func arm(
        userID: User.ID, deviceID: Device.ID, folderIDs: Set<Folder.ID>, heartbeat: Duration,
        unlessReady check: () async throws -> Bool
    ) async throws -> Arming {
        let ticket: Ticket
        switch arm(userID: userID, deviceID: deviceID, folderIDs: folderIDs, heartbeat: heartbeat) {
        case .success(let armed): ticket = armed
        case .failure(let refusal): return .refused(refusal)
        }
        let ready: Bool
        do {
            try await store.listenForChanges(of: userID)
            ready = try await check()
        } catch {
            release(ticket)
            throw error
        }
        if ready {
            release(ticket)
            return .ready
        }
        return .armed(ticket)
    }
}
