/// How much of a traced device's traffic its trace file shows: passwords are always masked;
/// message bodies, attachments and MIME only with `bodies`.
public enum DeviceTrace: String, Hashable, Sendable, Codable {
    case masked
    case bodies
}
