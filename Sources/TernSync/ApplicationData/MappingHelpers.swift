import ActiveSync

// What every class's mapping shares: cleared texts, lists left out when empty, whole bodies.

/// nil for "", which a device sends to clear a property.
func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

extension Array {
    /// nil for an empty list, which is not written.
    var nilWhenEmpty: Self? { isEmpty ? nil : self }
}

extension ItemEncodingOptions {
    /// Every body whole, as a stored item is read to fill in what a Change leaves out.
    static func whole(_ version: ProtocolVersion) -> ItemEncodingOptions {
        ItemEncodingOptions(protocolVersion: version)
    }
}

extension BodyData {
    /// A plain-text body sized as the device's options ask.
    init(plainText text: String, options: ItemEncodingOptions) {
        self.init(plainText: text, preferences: options.bodyPreferences, version: options.protocolVersion)
    }
}
