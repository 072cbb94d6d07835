import Foundation
import MIME
public import TernStore

/// Bulk import of messages into one mail folder, in transactions of `batchSize` items, so a
/// crash loses at most the batch being written and never leaves half of one behind.
public struct MailImport: Sendable {
    public let store: any Store
    public let batchSize: Int
    public let maxMessageBytes: Int

    public init(store: any Store, batchSize: Int = 500, maxMessageBytes: Int = 64 << 20) {
        self.store = store
        self.batchSize = batchSize
        self.maxMessageBytes = maxMessageBytes
    }

    /// One message to import and what the source says about it.
    public struct Message: Sendable {
        public var bytes: [UInt8]
        public var isSeen: Bool
        public var isFlagged: Bool

        public init(bytes: [UInt8], isSeen: Bool = false, isFlagged: Bool = false) {
            self.bytes = bytes
            self.isSeen = isSeen
            self.isFlagged = isFlagged
        }
    }

    /// Imports every message `messages` yields; `progress` is called after each committed batch.
    public func run(
        _ messages: some Sequence<Message>, into folder: Folder, progress: (ImportSummary) -> Void = { _ in }
    ) async throws(StoreError) -> ImportSummary {
        var summary = ImportSummary()
        var batch: [ItemContent] = []
        var number = 0
        for message in messages {
            number += 1
            switch item(for: message) {
            case .success(let content): batch.append(.email(content))
            case .failure(let skip): summary.skipped.append(ImportSkip("message \(number): \(skip.reason)", line: 0))
            }
            if batch.count == batchSize {
                summary.imported += try await store.addItems(batch, to: folder.id).count
                batch.removeAll(keepingCapacity: true)
                progress(summary)
            }
        }
        if !batch.isEmpty {
            summary.imported += try await store.addItems(batch, to: folder.id).count
            progress(summary)
        }
        return summary
    }

    private func item(for message: Message) -> Result<EmailItem, ImportSkip> {
        guard message.bytes.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            return .failure(ImportSkip("an empty message", line: 0))
        }
        guard message.bytes.count <= maxMessageBytes else {
            return .failure(ImportSkip("larger than \(maxMessageBytes) bytes", line: 0))
        }
        do {
            let parsed = try MIMEMessage(accepting: message.bytes, limits: MIMELimits(maxBytes: maxMessageBytes))
            var item = EmailItem(message: parsed, receivedAt: parsed.date ?? Date())
            item.properties.read = message.isSeen
            if message.isFlagged { item.properties.flag = EmailFlag(status: 2, flagType: "Follow up") }
            return .success(item)
        } catch {
            return .failure(ImportSkip(error.detail, line: 0))
        }
    }
}

/// What an import did: how many items it committed and what it left out, and why.
public struct ImportSummary: Hashable, Sendable, CustomStringConvertible {
    public var imported = 0
    public var skipped: [ImportSkip] = []
    /// Parts left out of items that were kept (a photo too large, an unsupported property).
    public var warnings = 0

    public init(imported: Int = 0, skipped: [ImportSkip] = [], warnings: Int = 0) {
        self.imported = imported
        self.skipped = skipped
        self.warnings = warnings
    }

    /// `imported 9998, skipped 2 (message 17: an empty message; message 90: ...), 3 warnings`.
    public var description: String {
        let reasons = skipped.prefix(5).map(\.description).joined(separator: "; ")
        let more = skipped.count > 5 ? "; and \(skipped.count - 5) more" : ""
        return "imported \(imported), skipped \(skipped.count)" + (skipped.isEmpty ? "" : " (\(reasons)\(more))")
            + (warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")")
    }
}
