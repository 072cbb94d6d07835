import ActiveSync
import Foundation
import Logging
import TernStore

/// One collection of one device's Sync request: resolves the sync key to the state it names,
/// applies the device's commands, then sends the server's changes since that state, at most
/// `window` of them, and saves the new state under a new key.
struct CollectionSync {
    let store: any Store
    let userID: User.ID
    let deviceID: Device.ID
    let protocolVersion: ProtocolVersion
    let now: Date
    let logger: Logger

    /// `window` is what is left of the request's overall window; the collection's own
    /// WindowSize (sent now or cached) bounds it further.
    func run(_ request: SyncCollectionRequest, window: Int) async throws(StoreError) -> SyncCollectionResponse {
        guard let folder = try await store.folder(of: userID, serverID: request.collectionID),
            let itemClass = folder.type.itemClass
        else {
            return SyncCollectionResponse(
                syncKey: request.syncKey, collectionID: request.collectionID, status: SyncStatus.hierarchyChanged)
        }
        // GetChanges asking for changes with key 0 (MS-ASCMD 2.2.3.84), and Supported in a
        // Notes collection (MS-ASNOTE 3.1.5.1), are protocol errors.
        if (request.syncKey == "0" && request.getChanges == true) || (itemClass == .notes && request.supported != nil) {
            return SyncCollectionResponse(
                syncKey: request.syncKey, collectionID: folder.serverID, status: SyncStatus.protocolError)
        }
        let states = try await store.syncStates(of: deviceID, collection: folder.serverID)
        if request.syncKey == "0" {
            let fresh = CollectionState(
                modSeq: .zero, held: HeldItems(), ownWrites: [:],
                parameters: CollectionParameters.none.updated(with: request), agedAt: now)
            let key = (states?.current.key ?? 0) + 1
            try await store.saveSyncStates(
                SyncStates(current: try fresh.record(key: key)), of: deviceID, collection: folder.serverID)
            return SyncCollectionResponse(
                syncKey: String(key), collectionID: folder.serverID, status: SyncStatus.success)
        }
        guard let key = Int(request.syncKey), let states, let record = states.record(forKey: key) else {
            return SyncCollectionResponse(
                syncKey: "0", collectionID: folder.serverID, status: SyncStatus.invalidSyncKey)
        }
        let state = try CollectionState(record)
        var next = state
        next.parameters = state.parameters.updated(with: request)
        let options = CollectionOptions(
            parameters: next.parameters, itemClass: itemClass, protocolVersion: protocolVersion)
        let previousFilter = CollectionOptions(
            parameters: state.parameters, itemClass: itemClass, protocolVersion: protocolVersion
        ).filterType
        if options.filterType != previousFilter || isDueForAgeing(state, options: options, itemClass: itemClass) {
            next.rescanBelow = state.modSeq
            next.modSeq = .zero
            next.agedAt = now
        } else if next.agedAt == nil, options.ageingInterval != nil {
            next.agedAt = now
        }

        let movesDeletes =
            options.deletesAsMoves && itemClass == .email && folder.type != .deletedItems
            && request.commands.contains { if case .delete(_, nil) = $0 { true } else { false } }
        let deletedItems = movesDeletes ? try await store.folders(of: userID).first { $0.type == .deletedItems } : nil
        let context = CommandContext(
            folder: folder, itemClass: itemClass, options: options, syncKey: key, isReplay: key != states.current.key,
            deletedItems: deletedItems)
        var replies: [SyncCollectionResponse.Reply] = []
        for command in request.commands {
            if let reply = try await apply(command, context: context, known: state, next: &next) {
                replies.append(reply)
            }
        }
        var response = SyncCollectionResponse(
            syncKey: nil, collectionID: folder.serverID, status: SyncStatus.success, replies: replies)
        // The state the device moved on to, when it resent the key of the one before.
        let current = context.isReplay ? try CollectionState(states.current) : state
        let replays = context.isReplay ? (current.replays ?? 0) + 1 : 0
        next.replays = replays > 0 ? replays : nil
        Self.carryWithheld(from: current, into: &next, isReplay: context.isReplay)
        let (limit, isolated) = Self.narrowedWindow(min(window, options.windowSize), replays: replays)
        if request.getChanges ?? true {
            if limit > 0 {
                (response.commands, response.moreAvailable) = try await changes(
                    in: folder, options: options, window: limit, skippingFirst: isolated, isReplay: context.isReplay,
                    next: &next)
            } else {
                response.moreAvailable = true
            }
        }
        if next == state, replies.isEmpty, !context.isReplay {
            response.syncKey = request.syncKey
            return response
        }
        let newKey = max(states.current.key, key) + 1
        try await store.saveSyncStates(
            SyncStates(current: try next.record(key: newKey), previous: record), of: deviceID,
            collection: folder.serverID)
        response.syncKey = String(newKey)
        return response
    }

    /// Whether items may have aged out of the date filter since the folder was last walked:
    /// a rolling window sends SoftDelete for them as time passes, not only when the filter
    /// changes.
    private func isDueForAgeing(_ state: CollectionState, options: CollectionOptions, itemClass: ItemClass) -> Bool {
        guard itemClass == .email || itemClass == .calendar, let interval = options.ageingInterval,
            state.rescanBelow == nil
        else {
            return false
        }
        guard let agedAt = state.agedAt else { return false }
        return now.timeIntervalSince(agedAt) >= interval
    }

    /// What every command of one collection needs to know.
    struct CommandContext {
        let folder: Folder
        let itemClass: ItemClass
        let options: CollectionOptions
        let syncKey: Int
        /// The device resent the request of its previous key: what it did then is not an error now.
        let isReplay: Bool
        /// Where a deleted item goes under DeletesAsMoves; nil when deletes are deletes. Looked
        /// up once per collection, not once per Delete.
        let deletedItems: Folder?
    }

    // MARK: Server changes

    /// What `changes` would send, decided but not yet encoded; advances `next` past it.
    func plannedChanges(
        in folder: Folder, options: CollectionOptions, window: Int, next: inout CollectionState
    ) async throws(StoreError) -> ([PlannedCommand], Bool) {
        var planned: [PlannedCommand] = []
        while true {
            let batch = try await store.itemChanges(in: folder.id, since: next.modSeq, limit: window)
            let entries = Self.merged(batch)
            for (index, entry) in entries.enumerated() {
                if planned.count == window {
                    next.modSeq = entries[index - 1].modSeq
                    Self.forgetPassedWrites(&next)
                    return (planned, true)
                }
                if let command = plan(entry, options: options, next: &next) { planned.append(command) }
            }
            next.modSeq = batch.through
            Self.forgetPassedWrites(&next)
            if batch.changed.count < window { return (planned, false) }
            if planned.count == window { return (planned, true) }
        }
    }

    /// A server change decided for the device, before its ApplicationData is written.
    enum PlannedCommand: Sendable {
        case add(Item)
        case change(Item)
        case delete(serverID: String)
        case softDelete(serverID: String)

        /// The item an Add or Change sends; nil for deletes.
        var serverID: String? {
            switch self {
            case .add(let item), .change(let item): item.serverID
            case .delete, .softDelete: nil
            }
        }
    }

    private enum Entry {
        case changed(Item)
        case removed(ItemChanges.Removal)

        var modSeq: ModSeq {
            switch self {
            case .changed(let item): item.modSeq
            case .removed(let removal): removal.modSeq
            }
        }
    }

    private static func merged(_ batch: ItemChanges) -> [Entry] {
        (batch.changed.map(Entry.changed) + batch.removed.map(Entry.removed)).sorted { $0.modSeq < $1.modSeq }
    }

    private func plan(_ entry: Entry, options: CollectionOptions, next: inout CollectionState) -> PlannedCommand? {
        switch entry {
        case .removed(let removal):
            next.ownWrites[removal.serverID] = nil
            next.withheld?[removal.serverID] = nil
            return next.held.remove(removal.serverID) ? .delete(serverID: removal.serverID) : nil
        case .changed(let item):
            if next.ownWrites[item.serverID] == item.modSeq { return nil }
            // Refused by the device as it is: only a retry sends it (`itemsDueForRetry`).
            if let entry = next.withheld?[item.serverID], entry.reason == .refusedByDevice, entry.modSeq == item.modSeq
            {
                return nil
            }
            let isHeld = next.held.contains(item.serverID)
            guard options.includes(item.content, now: now) else {
                guard isHeld else { return nil }
                next.held.remove(item.serverID)
                return .softDelete(serverID: item.serverID)
            }
            if isHeld, let rescanBelow = next.rescanBelow, item.modSeq <= rescanBelow { return nil }
            if isHeld { return .change(item) }
            next.held.insert(item.serverID)
            return .add(item)
        }
    }

    /// Writes the ApplicationData of the planned commands on all cores, keeping their order;
    /// nil for an item whose ApplicationData WBXML cannot carry.
    static func encode(_ planned: [PlannedCommand], options: ItemEncodingOptions) async -> [SyncCollectionResponse
        .Command?]
    {
        func encode(_ command: PlannedCommand) -> SyncCollectionResponse.Command? {
            switch command {
            case .add(let item), .change(let item):
                let data = ApplicationDataMapping.encode(item.content, serverID: item.serverID, options: options)
                guard let data = data.encodableElement(version: options.protocolVersion) else { return nil }
                if case .add = command { return .add(serverID: item.serverID, applicationData: data) }
                return .change(serverID: item.serverID, applicationData: data)
            case .delete(let serverID): return .delete(serverID: serverID)
            case .softDelete(let serverID): return .softDelete(serverID: serverID)
            }
        }
        let chunkSize = max(16, planned.count / (ProcessInfo.processInfo.activeProcessorCount * 2) + 1)
        guard planned.count > chunkSize else { return planned.map(encode) }
        let chunks = stride(from: 0, to: planned.count, by: chunkSize).map {
            Array(planned[$0..<min($0 + chunkSize, planned.count)])
        }
        return await withTaskGroup(of: (Int, [SyncCollectionResponse.Command?]).self) { group in
            for (index, chunk) in chunks.enumerated() { group.addTask { (index, chunk.map(encode)) } }
            var encoded = [[SyncCollectionResponse.Command?]](repeating: [], count: chunks.count)
            for await (index, commands) in group { encoded[index] = commands }
            return encoded.flatMap { $0 }
        }
    }

    /// Own writes at or below the reached modseq can no longer come round again.
    private static func forgetPassedWrites(_ state: inout CollectionState) {
        state.ownWrites = state.ownWrites.filter { $0.value > state.modSeq }
        if let rescanBelow = state.rescanBelow, state.modSeq >= rescanBelow { state.rescanBelow = nil }
    }
}
