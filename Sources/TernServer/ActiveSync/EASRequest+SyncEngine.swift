import Logging
import TernStore
import TernSync

extension EASRequest {
    /// The sync engine for this request's user, device and protocol version, logging what it
    /// withholds under the user's and device's names.
    func syncEngine(_ store: any Store) -> SyncEngine {
        var logger = Logger(label: "tern.sync")
        logger[metadataKey: "user"] = "\(user.login)"
        logger[metadataKey: "device"] = "\(device.deviceID)"
        return SyncEngine(
            store: store, userID: user.id, deviceID: device.id, protocolVersion: protocolVersion, logger: logger)
    }
}
