import Foundation

/// The server ids a device holds of one collection, kept as ranges of item numbers per
/// folder prefix (`"5:1"`…`"5:10000"` is one range), so that a state of a 10,000-item folder
/// stays a few bytes to load, compare and save on every Sync.
struct HeldItems: Hashable, Codable {
    private var numbers: [String: IndexSet] = [:]
    /// Server ids not of the `<folder>:<number>` form, should a store ever write one.
    private var others: Set<String> = []

    init() {}

    func contains(_ serverID: String) -> Bool {
        guard let (prefix, number) = Self.split(serverID) else { return others.contains(serverID) }
        return numbers[prefix]?.contains(number) ?? false
    }

    mutating func insert(_ serverID: String) {
        guard let (prefix, number) = Self.split(serverID) else {
            others.insert(serverID)
            return
        }
        numbers[prefix, default: IndexSet()].insert(number)
    }

    /// Removes the id; whether it was held.
    @discardableResult
    mutating func remove(_ serverID: String) -> Bool {
        guard let (prefix, number) = Self.split(serverID) else { return others.remove(serverID) != nil }
        guard numbers[prefix]?.contains(number) == true else { return false }
        numbers[prefix]?.remove(number)
        if numbers[prefix]?.isEmpty == true { numbers[prefix] = nil }
        return true
    }

    private static func split(_ serverID: String) -> (String, Int)? {
        guard let colon = serverID.lastIndex(of: ":"), let number = Int(serverID[serverID.index(after: colon)...]),
            number >= 0
        else {
            return nil
        }
        let prefix = String(serverID[..<colon])
        return "\(prefix):\(number)" == serverID ? (prefix, number) : nil
    }
}
