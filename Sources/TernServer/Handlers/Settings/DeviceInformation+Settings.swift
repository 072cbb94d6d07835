import ActiveSync
import MIME
import TernStore

extension DeviceInformation {
    /// The longest DeviceInformation value kept, in characters.
    static let maxFieldLength = 256

    /// Takes the fields of a DeviceInformation Set, from Settings or from a 14.1+ Provision
    /// request; fields it leaves out keep their value, an empty one clears it. A value is kept
    /// without control characters and to `maxFieldLength` characters: it is shown to admins
    /// in a terminal and a browser.
    mutating func apply(_ sent: DeviceInformationData) {
        for path in Self.fieldPaths {
            guard let value = sent[keyPath: path] else { continue }
            self[keyPath: path] =
                value.isEmpty ? nil : String(value.withoutUnsendableCharacters.prefix(Self.maxFieldLength))
        }
    }
}
