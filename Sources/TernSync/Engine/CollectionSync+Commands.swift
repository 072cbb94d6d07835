import ActiveSync
import TernStore

extension CollectionSync {
    /// Applies one of the device's commands; returns its reply, or nil for a Change or Delete
    /// that succeeded (MS-ASCMD sends those only when they fail).
    func apply(
        _ command: SyncClientCommand, context: CommandContext, known: CollectionState, next: inout CollectionState
    ) async throws(StoreError) -> SyncCollectionResponse.Reply? {
        switch command {
        case .add(let clientID, let data):
            // An item over `ApplicationData.maxBytes` or that cannot be read is Status 6 for it
            // alone; the rest of the request still applies.
            let content: ItemContent
            do {
                content = try ApplicationDataMapping.decode(
                    try ApplicationData(data, as: context.itemClass), replacing: nil, supported: nil,
                    protocolVersion: protocolVersion)
            } catch {
                return .add(clientID: clientID, serverID: nil, status: error.syncStatus)
            }
            let clientAdd = ClientAdd(
                deviceID: deviceID, collection: context.folder.serverID, syncKey: context.syncKey, clientID: clientID)
            let outcome: ClientAddOutcome
            do {
                outcome = try await store.addItem(content, to: context.folder.id, from: clientAdd)
            } catch  where error.code == .invalid {
                return .add(clientID: clientID, serverID: nil, status: SyncStatus.conversionError)
            }
            switch outcome {
            case .added(let item):
                next.held.insert(item.serverID)
                next.ownWrites[item.serverID] = item.modSeq
                return .add(clientID: clientID, serverID: item.serverID, status: SyncStatus.success)
            case .replayed(let serverID):
                next.held.insert(serverID)
                return .add(clientID: clientID, serverID: serverID, status: SyncStatus.success)
            }

        case .change(let serverID, let instanceID?, let data):
            return try await changeOccurrence(
                serverID: serverID, instanceID: instanceID, data: try? ApplicationData(data, as: .calendar),
                context: context, next: &next)

        case .delete(let serverID, let instanceID?):
            return try await deleteOccurrence(serverID: serverID, instanceID: instanceID, context: context, next: &next)

        case .change(let serverID, nil, let data):
            guard let item = try await store.item(in: context.folder.id, serverID: serverID) else {
                return .change(serverID: serverID, status: SyncStatus.objectNotFound)
            }
            let content: ItemContent
            do {
                content = try ApplicationDataMapping.decode(
                    try ApplicationData(data, as: context.itemClass), replacing: item.content,
                    supported: context.options.supported, protocolVersion: protocolVersion)
            } catch {
                return .change(serverID: serverID, status: error.syncStatus)
            }
            if content == item.content { return nil }
            let changedOnServer =
                item.modSeq > known.modSeq && known.ownWrites[serverID] != item.modSeq && known.held.contains(serverID)
            if changedOnServer, context.options.serverWins {
                return .change(serverID: serverID, status: SyncStatus.conflict)
            }
            let updated = try await store.updateItem(in: context.folder.id, serverID: serverID, content: content)
            next.held.insert(serverID)
            next.ownWrites[serverID] = updated.modSeq
            return nil

        case .delete(let serverID, nil):
            next.held.remove(serverID)
            next.ownWrites[serverID] = nil
            guard try await store.item(in: context.folder.id, serverID: serverID) != nil else {
                return context.isReplay ? nil : .delete(serverID: serverID, status: SyncStatus.objectNotFound)
            }
            if let trash = context.deletedItems {
                _ = try await store.moveItem(from: context.folder.id, serverID: serverID, to: trash.id)
            } else {
                try await store.deleteItem(in: context.folder.id, serverID: serverID)
            }
            return nil

        case .fetch(let serverID):
            guard let item = try await store.item(in: context.folder.id, serverID: serverID) else {
                return .fetch(serverID: serverID, status: SyncStatus.objectNotFound, applicationData: nil)
            }
            let encoding = context.options.encoding
            guard
                let data = ApplicationDataMapping.encode(item.content, serverID: serverID, options: encoding)
                    .encodableElement(version: encoding.protocolVersion)
            else {
                return .fetch(serverID: serverID, status: SyncStatus.conversionError, applicationData: nil)
            }
            return .fetch(serverID: serverID, status: SyncStatus.success, applicationData: data)
        }
    }
}
