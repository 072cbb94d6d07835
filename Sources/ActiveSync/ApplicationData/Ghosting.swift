import WBXML

/// Which properties a Change leaves alone when the device omits them (MS-ASCMD 2.2.3.179
/// Supported).
///
/// A Change of a contact, event, task or note replaces it: a property the device leaves out
/// is cleared, unless it is ghosted. With a Supported list from the collection's first Sync,
/// every property not named there is ghosted (an empty list ghosts them all); in 16.0 and
/// later every top-level Calendar property is ghosted (MS-ASCAL 3.1.5.3).
public struct Ghosting: Sendable {
    /// The Supported list as `Namespace:Element` names; nil when the device sent none.
    let supported: Set<String>?
    let ghostsEverything: Bool

    public init(supported: Set<String>?, ghostsEverything: Bool) {
        self.supported = supported
        self.ghostsEverything = ghostsEverything
    }

    /// An Add: nothing stored, nothing kept.
    public static let none = Ghosting(supported: nil, ghostsEverything: false)

    /// True when `tag`, absent from a Change, keeps the stored value.
    func keepsAbsent(_ tag: WBXMLTag) -> Bool {
        if ghostsEverything { return true }
        guard let supported else { return false }
        return !supported.contains(tag.description)
    }

    /// Fills the property at `path`, when the device left it out and it is ghosted, with the
    /// stored value.
    func fill<Data, Value>(
        _ data: inout Data, from stored: Data, _ path: WritableKeyPath<Data, Value?>, _ tag: WBXMLTag
    ) {
        if data[keyPath: path] == nil, keepsAbsent(tag) { data[keyPath: path] = stored[keyPath: path] }
    }
}
