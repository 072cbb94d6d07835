public import Foundation

/// A profile folder (default `~/.tern-device`): `profile.json` with the account and its
/// state, `cache.sqlite` with the local copy of the mailbox (its payloads encrypted), and
/// while the PIN is unlocked `session.json`.
public struct DeviceProfile: Sendable {
    public let directory: URL
    public var record: ProfileRecord

    /// `~/.tern-device`.
    public static var defaultDirectory: URL {
        FileManager.default.homeDirectoryForCurrentUser.appending(path: ".tern-device")
    }

    public init(directory: URL, record: ProfileRecord) {
        self.directory = directory
        self.record = record
    }

    public var profileFile: URL { directory.appending(path: "profile.json") }
    public var cacheFile: URL { directory.appending(path: "cache.sqlite") }

    /// Reads `profile.json` from `directory`; a `.usage` error when there is none.
    public static func load(from directory: URL) throws -> DeviceProfile {
        let file = directory.appending(path: "profile.json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw ClientError(.usage, "no profile in \(directory.path); run `tern-device setup` first")
        }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return DeviceProfile(directory: directory, record: try decoder.decode(ProfileRecord.self, from: data))
        } catch {
            throw ClientError(.usage, "\(file.path) is not a readable profile: \(error)")
        }
    }

    /// Writes `profile.json` atomically with mode 0600, creating the folder with mode 0700 if needed.
    public func save() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try ProfileFile.writePrivately(try encoder.encode(record), to: profileFile)
    }

    /// Opens the local cache under `key`, creating it on first use.
    func openCache(key: CacheKey) throws -> LocalCache {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let cache = try LocalCache(path: cacheFile.path, key: key)
        // SQLite creates the file with the umask's mode; its side files copy this one's.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: cacheFile.path)
        return cache
    }

    /// Removes the cache and its WAL side files; `profile.json` stays.
    public func removeCache() throws {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let file = directory.appending(path: "cache.sqlite" + suffix)
            if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
        }
    }
}
