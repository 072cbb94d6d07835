import ActiveSync
import Logging
import TernStore

extension CollectionSync {
    /// How many times in a row a device may resend its previous key, taken as lost responses,
    /// before its window narrows (loop defence).
    static let replaysBeforeNarrowing = 2

    /// The window for a device that resent its previous key `replays` times in a row: from
    /// the third time on it is halved each time, down to one item; `isolated` is true once a
    /// resend already held one item, which is then the item the device cannot take.
    static func narrowedWindow(_ window: Int, replays: Int) -> (window: Int, isolated: Bool) {
        let halvings = replays - replaysBeforeNarrowing
        guard halvings > 0, window > 0 else { return (window, false) }
        return (max(1, window >> halvings), max(1, window >> (halvings - 1)) == 1)
    }

    /// The server's changes since `next.modSeq`, at most `window`, as commands; advances
    /// `next` past them. Withheld items (`WithheldItem`) are kept out: one that cannot be
    /// encoded is left out while the rest of the window and the key move on, and tried again
    /// on the next Sync; with `skippingFirst` (`narrowedWindow`'s isolated item) the first
    /// change is withheld as refused by the device. Either is logged with its ServerId.
    func changes(
        in folder: Folder, options: CollectionOptions, window: Int, skippingFirst: Bool, next: inout CollectionState
    ) async throws(StoreError) -> ([SyncCollectionResponse.Command], Bool) {
        if skippingFirst {
            var probe = next
            let (first, _) = try await plannedChanges(in: folder, options: options, window: 1, next: &probe)
            if case .add(let item)? = first.first {
                next = probe
                withhold(item, .refusedByDevice, wasHeld: false, next: &next)
            } else if case .change(let item)? = first.first {
                next = probe
                withhold(item, .refusedByDevice, wasHeld: true, next: &next)
            }
        }
        var retried = try await unencodableItems(in: folder, window: window, next: &next)
        let (planned, more) = try await plannedChanges(in: folder, options: options, window: window - retried.count, next: &next)
        retried.removeAll { item in planned.contains { $0.serverID == item.serverID } }
        let all = retried.map { next.held.contains($0.serverID) ? PlannedCommand.change($0) : .add($0) } + planned
        var commands: [SyncCollectionResponse.Command] = []
        for (command, encoded) in zip(all, await Self.encode(all, options: options.encoding)) {
            if let encoded {
                commands.append(encoded)
                if let serverID = command.serverID {
                    next.withheld?[serverID] = nil
                    next.held.insert(serverID)
                }
            } else if case .add(let item) = command {
                withhold(item, .unencodable, wasHeld: false, next: &next)
            } else if case .change(let item) = command {
                withhold(item, .unencodable, wasHeld: true, next: &next)
            }
        }
        if next.withheld?.isEmpty == true { next.withheld = nil }
        return (commands, more)
    }

    /// The items withheld as unencodable that are still in the folder, at most half the
    /// window, to be tried again; those gone are forgotten.
    private func unencodableItems(in folder: Folder, window: Int, next: inout CollectionState) async throws(StoreError) -> [Item] {
        guard let withheld = next.withheld else { return [] }
        var items: [Item] = []
        for (serverID, entry) in withheld.sorted(by: { $0.key < $1.key }) where entry.reason == .unencodable && items.count < window / 2 {
            if let item = try await store.item(in: folder.id, serverID: serverID) {
                items.append(item)
            } else {
                next.withheld?[serverID] = nil
            }
        }
        return items
    }

    private func withhold(_ item: Item, _ reason: WithheldItem.Reason, wasHeld: Bool, next: inout CollectionState) {
        if !wasHeld { next.held.remove(item.serverID) }
        let entry = WithheldItem(modSeq: item.modSeq, reason: reason)
        if next.withheld?[item.serverID] != entry {
            let why = reason == .unencodable ? "its data cannot be encoded" : "the device kept resending its sync key over it"
            logger.warning(
                "item withheld from a device: \(why)", metadata: ["serverID": "\(item.serverID)", "modSeq": "\(item.modSeq.rawValue)"])
        }
        next.withheld = (next.withheld ?? [:]).merging([item.serverID: entry]) { $1 }
    }
}
