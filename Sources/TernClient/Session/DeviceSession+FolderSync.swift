import ActiveSync
import Foundation

extension DeviceSession {
    /// FolderSync (MS-ASCMD 2.2.1.5) from the stored hierarchy key; an invalid key (Status 9)
    /// drops the whole cache and starts again from 0, as the specification asks.
    @discardableResult
    public func folderSync() async throws -> (added: Int, updated: Int, deleted: Int) {
        var restarted = false
        while true {
            let request = FolderSyncRequest(syncKey: try cache.hierarchySyncKey())
            guard let root = try await exchange(.folderSync, request.element), let response = FolderSyncResponse(root)
            else {
                throw ClientError(.server, "the server's FolderSync response is not one")
            }
            switch response.status {
            case .success:
                return try cache.apply(response)
            case .invalidSyncKey where !restarted:
                try cache.removeAll()
                restarted = true
            default:
                throw ClientError(.server, "FolderSync failed with Status \(response.status)")
            }
        }
    }
}
