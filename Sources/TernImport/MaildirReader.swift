public import Foundation

/// The messages of a Maildir folder: every file in `cur/` and `new/`, in file-name order
/// (names start with the delivery time). The `:2,` info suffix carries the flags: `S` seen,
/// `F` flagged.
public struct MaildirReader: Sendable {
    public struct Entry: Sendable {
        public let url: URL
        public let isSeen: Bool
        public let isFlagged: Bool
    }

    public let entries: [Entry]

    public init(directory: URL) throws {
        var entries: [Entry] = []
        var foundSubfolder = false
        for subfolder in ["cur", "new"] {
            let folder = directory.appending(path: subfolder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            foundSubfolder = true
            for name in names.sorted() where !name.hasPrefix(".") {
                let flags = name.split(separator: ":").last.flatMap { $0.hasPrefix("2,") ? $0.dropFirst(2) : nil } ?? ""
                entries.append(
                    Entry(
                        url: folder.appending(path: name), isSeen: flags.contains("S"), isFlagged: flags.contains("F")))
            }
        }
        guard foundSubfolder else {
            throw ImportSkip("\(directory.path) is not a Maildir (no cur/ or new/ folder)", line: 0)
        }
        self.entries = entries
    }
}
