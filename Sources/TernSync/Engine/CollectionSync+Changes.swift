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

    /// What the device's withheld items become with this request. A resend means the last
    /// response was not taken: items it refused stay refused (they are kept in the state the
    /// device moved on to, not the one it resent from), and one tried again in it counts as
    /// refused once more. Any other request means it was taken: an item tried again in it
    /// arrived and is forgotten.
    static func carryWithheld(from current: CollectionState, into next: inout CollectionState, isReplay: Bool) {
        if isReplay {
            for (serverID, entry) in current.withheld ?? [:] where entry.reason == .refusedByDevice {
                var carried = entry
                if entry.isRetried == true {
                    carried.isRetried = nil
                    carried.refusals = (entry.refusals ?? 1) + 1
                }
                next.withheld = (next.withheld ?? [:]).merging([serverID: carried]) { $1 }
            }
        } else {
            next.withheld = next.withheld?.filter { $0.value.isRetried != true }
        }
    }

    /// The server's changes since `next.modSeq`, at most `window`, as commands; advances
    /// `next` past them. Withheld items (`WithheldItem`) are kept out: one that cannot be
    /// encoded is left out while the rest of the window and the key move on; with
    /// `skippingFirst` (`narrowedWindow`'s isolated item) the first change is withheld as
    /// refused by the device. Either is logged with its ServerId. Items due for a retry come
    /// first in the window, except on a resend.
    func changes(
        in folder: Folder, options: CollectionOptions, window: Int, skippingFirst: Bool, isReplay: Bool,
        next: inout CollectionState
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
        var retried =
            isReplay ? [] : try await itemsDueForRetry(in: folder, options: options, window: window, next: &next)
        let (planned, more) = try await plannedChanges(
            in: folder, options: options, window: window - retried.count, next: &next)
        retried.removeAll { item in planned.contains { $0.serverID == item.serverID } }
        let retriedIDs = Set(retried.map(\.serverID))
        let all = retried.map { next.held.contains($0.serverID) ? PlannedCommand.change($0) : .add($0) } + planned
        var commands: [SyncCollectionResponse.Command] = []
        for (command, encoded) in zip(all, await Self.encode(all, options: options.encoding)) {
            if let encoded, let serverID = command.serverID {
                commands.append(encoded)
                next.held.insert(serverID)
                if retriedIDs.contains(serverID), next.withheld?[serverID]?.reason == .refusedByDevice {
                    next.withheld?[serverID]?.isRetried = true
                } else {
                    next.withheld?[serverID] = nil
                }
            } else if let encoded {
                commands.append(encoded)
            } else if case .add(let item) = command {
                withhold(item, .unencodable, wasHeld: false, next: &next)
            } else if case .change(let item) = command {
                withhold(item, .unencodable, wasHeld: true, next: &next)
            }
        }
        if next.withheld?.isEmpty == true { next.withheld = nil }
        return (commands, more)
    }

    /// The withheld items due for a retry that are still in the folder and in the filter, at
    /// most half the window (none in a window of one); those gone are forgotten.
    private func itemsDueForRetry(
        in folder: Folder, options: CollectionOptions, window: Int, next: inout CollectionState
    ) async throws(StoreError) -> [Item] {
        guard let withheld = next.withheld else { return [] }
        var items: [Item] = []
        for (serverID, entry) in withheld.sorted(by: { $0.key < $1.key })
        where entry.isDueForRetry && items.count < window / 2 {
            if let item = try await store.item(in: folder.id, serverID: serverID) {
                if options.includes(item.content, now: now) { items.append(item) }
            } else {
                next.withheld?[serverID] = nil
            }
        }
        return items
    }

    private func withhold(_ item: Item, _ reason: WithheldItem.Reason, wasHeld: Bool, next: inout CollectionState) {
        if !wasHeld { next.held.remove(item.serverID) }
        let previous = next.withheld?[item.serverID]
        var entry = WithheldItem(modSeq: item.modSeq, reason: reason)
        if reason == .refusedByDevice, let previous, previous.reason == .refusedByDevice, previous.modSeq == item.modSeq
        {
            entry.refusals = (previous.refusals ?? 1) + 1
        }
        if previous?.modSeq != entry.modSeq || previous?.reason != entry.reason || entry.refusals != nil {
            let why =
                reason == .unencodable ? "its data cannot be encoded" : "the device kept resending its sync key over it"
            logger.warning(
                "item withheld from a device: \(why)",
                metadata: ["serverID": "\(item.serverID)", "modSeq": "\(item.modSeq.rawValue)"])
        }
        next.withheld = (next.withheld ?? [:]).merging([item.serverID: entry]) { $1 }
    }
}
