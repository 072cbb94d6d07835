/// A property a device may also send empty, to remove it (a Reminder, a Picture).
public enum Clearable<Value: Hashable & Sendable>: Hashable, Sendable {
    case value(Value)
    /// The element was sent with no content.
    case cleared

    /// The value, nil when cleared.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}
