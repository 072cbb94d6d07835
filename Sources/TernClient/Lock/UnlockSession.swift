import Foundation

/// `session.json` in the profile folder (mode 0600): the data key unwrapped by `pin unlock`,
/// and when a command last used it. A command that finds it idle for longer than the
/// policy's MaxInactivityTimeDeviceLock removes it and asks for the PIN again.
///
/// The file holds the key in the clear while the device is unlocked, and stays on disk after
/// the timeout until the next command notices; that is the price of a command-line device
/// with no process of its own to hold the key in memory.
struct UnlockSession: Codable {
    var key: Data
    var lastUsedAt: Date

    static func file(in directory: URL) -> URL { directory.appending(path: "session.json") }

    /// The session of `directory`, nil when there is none or it cannot be read.
    static func read(in directory: URL) -> UnlockSession? {
        guard let data = FileManager.default.contents(atPath: file(in: directory).path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(UnlockSession.self, from: data)
    }

    /// Whether the session went unused for more than `seconds` (never without a limit).
    func isExpired(after seconds: Int?, now: Date = Date()) -> Bool {
        guard let seconds else { return false }
        return now.timeIntervalSince(lastUsedAt) > Double(seconds)
    }

    /// Writes the session atomically with mode 0600.
    func write(in directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try ProfileFile.writePrivately(try encoder.encode(self), to: Self.file(in: directory))
    }

    static func remove(in directory: URL) throws {
        let url = file(in: directory)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
    }
}
