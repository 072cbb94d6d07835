import Foundation

/// Files of the profile folder that only the owner may read: written whole to a temporary
/// name with mode 0600 and renamed over the old one, so a reader never sees half a file.
enum ProfileFile {
    static func writePrivately(_ data: Data, to file: URL) throws {
        let manager = FileManager.default
        let directory = file.deletingLastPathComponent()
        try manager.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = directory.appending(path: ".\(file.lastPathComponent).\(UUID().uuidString)")
        guard manager.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw ClientError(.usage, "cannot write \(temporary.path)")
        }
        guard rename(temporary.path, file.path) == 0 else {
            try? manager.removeItem(at: temporary)
            throw ClientError(.usage, "cannot write \(file.path)")
        }
    }
}
