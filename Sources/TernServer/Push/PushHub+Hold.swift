import TernStore

extension PushHub {
    /// How a hold ended.
    enum HoldOutcome: Hashable, Sendable {
        /// The check found something to send at once; nothing was waited for.
        case ready
        case woken(PushWake)
        case refused(PushRefusal)
    }

    /// Holds a request the way Ping and Sync with Wait share: arm first (so nothing committed
    /// from here on is missed), run `check`, which returns true when there is already
    /// something to send, and only then wait.
    func hold(
        userID: User.ID, deviceID: Device.ID, folderIDs: Set<Folder.ID>, heartbeat: Duration, unlessReady check: () async throws -> Bool
    ) async throws -> HoldOutcome {
        let ticket: Ticket
        switch arm(userID: userID, deviceID: deviceID, folderIDs: folderIDs, heartbeat: heartbeat) {
        case .success(let armed): ticket = armed
        case .failure(let refusal): return .refused(refusal)
        }
        let ready: Bool
        do {
            ready = try await check()
        } catch {
            release(ticket)
            throw error
        }
        if ready {
            release(ticket)
            return .ready
        }
        return .woken(await wait(ticket))
    }
}
