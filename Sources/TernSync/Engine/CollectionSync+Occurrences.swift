import ActiveSync
import Foundation
import TernStore

extension CollectionSync {
    /// A 16.x Change with InstanceId: the properties the device sent become an exception of
    /// that one occurrence; the series stays as it was. Status 8 for an unknown event, 6 for an
    /// InstanceId that is not a date or an event that does not recur.
    func changeOccurrence(
        serverID: String, instanceID: String, data sent: ApplicationData?, context: CommandContext,
        next: inout CollectionState
    ) async throws(StoreError) -> SyncCollectionResponse.Reply? {
        let failed = { (status: SyncStatus) in SyncCollectionResponse.Reply.change(serverID: serverID, status: status) }
        guard
            let (item, event, start) = try await occurrence(
                serverID: serverID, instanceID: instanceID, context: context)
        else {
            return failed(SyncStatus.objectNotFound)
        }
        guard let start else { return failed(SyncStatus.conversionError) }
        guard
            let sent,
            case .event(let changed)? = try? ApplicationDataMapping.decode(
                sent, replacing: item.content, supported: context.options.supported,
                protocolVersion: protocolVersion)
        else { return failed(SyncStatus.conversionError) }
        var exception =
            event.exceptions.first { $0.exceptionStartTime == start } ?? CalendarException(exceptionStartTime: start)
        if changed.subject != event.subject { exception.subject = changed.subject }
        if changed.location != event.location { exception.location = changed.location }
        if changed.body != event.body { exception.body = changed.body }
        if changed.startTime != event.startTime { exception.startTime = changed.startTime }
        if changed.endTime != event.endTime { exception.endTime = changed.endTime }
        if changed.allDayEvent != event.allDayEvent { exception.allDayEvent = changed.allDayEvent }
        if changed.busyStatus != event.busyStatus { exception.busyStatus = changed.busyStatus }
        if changed.reminder != event.reminder { exception.reminder = changed.reminder }
        if changed.attendees != event.attendees { exception.attendees = changed.attendees }
        try await save(exception, in: event, item: item, context: context, next: &next)
        return nil
    }

    /// A 16.x Delete with InstanceId: that occurrence becomes a deleted exception.
    func deleteOccurrence(
        serverID: String, instanceID: String, context: CommandContext, next: inout CollectionState
    ) async throws(StoreError) -> SyncCollectionResponse.Reply? {
        guard
            let (item, event, start) = try await occurrence(
                serverID: serverID, instanceID: instanceID, context: context)
        else {
            return .delete(serverID: serverID, status: SyncStatus.objectNotFound)
        }
        guard let start else { return .delete(serverID: serverID, status: SyncStatus.conversionError) }
        try await save(
            CalendarException(exceptionStartTime: start, deleted: true), in: event, item: item, context: context,
            next: &next)
        return nil
    }

    /// The recurring event and the occurrence's original start; nil start for a bad InstanceId
    /// or an event that does not recur, nil altogether for an unknown event.
    private func occurrence(
        serverID: String, instanceID: String, context: CommandContext
    ) async throws(StoreError) -> (Item, CalendarItem, Date?)? {
        guard context.itemClass == .calendar,
            let item = try await store.item(in: context.folder.id, serverID: serverID),
            case .event(let event) = item.content
        else { return nil }
        guard event.recurrence != nil, let start = EASDate.parse(instanceID) else { return (item, event, nil) }
        return (item, event, start)
    }

    private func save(
        _ exception: CalendarException, in event: CalendarItem, item: Item, context: CommandContext,
        next: inout CollectionState
    ) async throws(StoreError) {
        var updated = event
        updated.exceptions.removeAll { $0.exceptionStartTime == exception.exceptionStartTime }
        updated.exceptions.append(exception)
        updated.exceptions.sort { $0.exceptionStartTime < $1.exceptionStartTime }
        let saved = try await store.updateItem(in: context.folder.id, serverID: item.serverID, content: .event(updated))
        next.held.insert(item.serverID)
        next.ownWrites[item.serverID] = saved.modSeq
    }
}
