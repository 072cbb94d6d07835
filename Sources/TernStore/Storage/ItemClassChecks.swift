import ActiveSync

/// The checks every backend makes before it writes an item: a folder holds one class of item,
/// and an edit keeps the item's class.
extension Folder {
    /// Throws `invalid` unless this folder holds items of `content`'s class.
    package func checkHolds(_ content: ItemContent) throws(StoreError) {
        guard type.itemClass == content.itemClass else {
            throw StoreError(
                .invalid,
                "folder \(displayName) holds \(type.itemClass?.rawValue ?? "nothing"), not \(content.itemClass)")
        }
    }
}

extension Item {
    /// Throws `invalid` unless `content` is of this item's class: an edit cannot turn mail into
    /// a contact.
    package func checkEditable(to content: ItemContent) throws(StoreError) {
        guard self.content.itemClass == content.itemClass else {
            throw StoreError(.invalid, "item \(serverID) is \(self.content.itemClass), not \(content.itemClass)")
        }
    }
}
