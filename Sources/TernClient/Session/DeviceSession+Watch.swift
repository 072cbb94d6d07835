import ActiveSync
import Foundation

extension DeviceSession {
    /// The heartbeat a watch asks for first, in seconds (MS-ASCMD 2.2.3.84.1); a server that
    /// bounds it otherwise answers Status 5 with its limit, which the next Ping uses.
    public static let watchHeartbeat = 480

    /// Push (MS-ASCMD 2.2.1.13): syncs the folders named (by id or name; default every folder
    /// of the four classes), reporting each change the cache did not have yet, then holds a
    /// Ping on them and syncs what it names, again and again, until `onChange` returns false
    /// or the task is cancelled.
    ///
    /// A broken connection or Ping Status 8 waits (1 s, doubling up to a minute, told to
    /// `onNotice`) and tries again; Status 7 runs FolderSync and watches the new hierarchy.
    public func watch(
        _ names: [String] = [], onNotice: @Sendable (String) -> Void,
        onChange: sending (ItemChange) async throws -> Bool
    ) async throws {
        var heartbeat = Self.watchHeartbeat
        var backoff = Backoff()
        var folders: [CachedFolder]?
        var pending: [CachedFolder] = []
        while true {
            try Task.checkCancellation()
            do {
                guard let watched = folders else {
                    try await folderSync()
                    let resolved = try names.isEmpty ? syncedFolders() : names.map(folder(named:))
                    guard !resolved.isEmpty else { throw ClientError(.usage, "there are no folders to watch") }
                    folders = resolved
                    pending = resolved
                    continue
                }
                if !pending.isEmpty {
                    let changes = try await syncTogether(pending).flatMap(\.changes)
                    pending = []
                    for change in changes {
                        guard try await onChange(change) else { return }
                    }
                }
                let ping = PingRequest(
                    heartbeatInterval: heartbeat,
                    folders: watched.compactMap { folder in
                        folder.kind.map { PingFolder(id: folder.serverID, class: $0.rawValue) }
                    })
                guard let root = try await exchange(.ping, ping.element, timeout: .seconds(heartbeat + 60)),
                    let response = PingResponse(root)
                else {
                    throw ClientError(.server, "the server's Ping response is not one")
                }
                backoff.reset()
                switch response.status {
                case .expired:
                    break
                case .changesOccurred:
                    let named = watched.filter { response.folders.contains($0.serverID) }
                    pending = named.isEmpty ? watched : named
                case .invalidHeartbeatInterval:
                    guard let allowed = response.heartbeatInterval, allowed != heartbeat else {
                        throw ClientError(
                            .server, "the server refuses the Ping heartbeat of \(heartbeat) s and names no other")
                    }
                    heartbeat = allowed
                case .folderSyncRequired:
                    folders = nil
                case .tooManyFolders:
                    throw ClientError(
                        .usage,
                        "the server watches at most \(response.maxFolders.map(String.init) ?? "a few") folders; name fewer"
                    )
                case .serverError:
                    let delay = backoff.next()
                    onNotice("the server is busy (Ping Status 8); trying again in \(delay.components.seconds) s")
                    try await Task.sleep(for: delay)
                default:
                    throw ClientError(.server, "Ping failed with \(response.status)")
                }
            } catch let error as ClientError where error.kind == .network {
                try Task.checkCancellation()
                let delay = backoff.next()
                onNotice("\(error.message); trying again in \(delay.components.seconds) s")
                try await Task.sleep(for: delay)
            }
        }
    }
}

/// Waits between retries: 1 s, doubling up to a minute, back to 1 s after a success.
struct Backoff {
    private var delay: Duration = .seconds(1)

    mutating func next() -> Duration {
        defer { delay = min(delay * 2, .seconds(60)) }
        return delay
    }

    mutating func reset() {
        delay = .seconds(1)
    }
}
