/// Which properties a Change leaves alone when the device omits them (MS-ASCMD 2.2.3.179
/// Supported).
///
/// A Change of a contact or event replaces it: a property the device leaves out is cleared,
/// unless it is ghosted. With a Supported list from the collection's first Sync, every property
/// not named there is ghosted (an empty list ghosts them all); in 16.0 and later every top-level
/// Calendar property is ghosted (MS-ASCAL 3.1.5.3). Names are `Namespace:Element`,
/// `Contacts:FileAs`, as `WBXMLTag.description` writes them.
struct Ghosting {
    let supported: Set<String>?
    let ghostsEverything: Bool

    /// True when `name`, absent from a Change, keeps the stored value.
    func keepsAbsent(_ name: String) -> Bool {
        if ghostsEverything { return true }
        guard let supported else { return false }
        return !supported.contains(name)
    }

    /// An Add: nothing stored, nothing kept.
    static let none = Ghosting(supported: nil, ghostsEverything: false)

    /// The device's value when it sent the element, else the stored one if ghosted, else `cleared`.
    func merge<Value>(_ name: String, sent: Value?, stored: Value, cleared: Value) -> Value {
        if let sent { return sent }
        return keepsAbsent(name) ? stored : cleared
    }
}
