public import TernStore

/// Files parsed contacts, events, tasks and notes into the user's default Contacts, Calendar,
/// Tasks and Notes folders, in transactions of `batchSize` items.
public struct PIMImport: Sendable {
    public let store: any Store
    public let batchSize: Int

    public init(store: any Store, batchSize: Int = 500) {
        self.store = store
        self.batchSize = batchSize
    }

    public func run(_ batch: ImportBatch<ContactItem>, for user: User) async throws(StoreError) -> ImportSummary {
        var summary = ImportSummary(skipped: batch.skipped, warnings: batch.warningCount)
        summary.imported = try await add(batch.imported.map(ItemContent.contact), to: .contacts, of: user)
        return summary
    }

    public func run(_ batch: ImportBatch<ICalendarObject>, for user: User) async throws(StoreError) -> ImportSummary {
        var summary = ImportSummary(skipped: batch.skipped, warnings: batch.warningCount)
        summary.imported =
            try await add(batch.events.map(ItemContent.event), to: .calendar, of: user)
            + add(batch.tasks.map(ItemContent.task), to: .tasks, of: user)
        return summary
    }

    public func run(_ batch: ImportBatch<NoteItem>, for user: User) async throws(StoreError) -> ImportSummary {
        var summary = ImportSummary(skipped: batch.skipped, warnings: batch.warningCount)
        summary.imported = try await add(batch.imported.map(ItemContent.note), to: .notes, of: user)
        return summary
    }

    private func add(_ contents: [ItemContent], to type: FolderType, of user: User) async throws(StoreError) -> Int {
        guard !contents.isEmpty else { return 0 }
        guard let folder = try await store.folders(of: user.id).first(where: { $0.type == type }) else {
            throw StoreError(.notFound, "\(user.login) has no \(type) folder")
        }
        var added = 0
        for start in stride(from: 0, to: contents.count, by: batchSize) {
            added += try await store.addItems(
                Array(contents[start..<min(start + batchSize, contents.count)]), to: folder.id
            ).count
        }
        return added
    }
}
