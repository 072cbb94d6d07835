import ActiveSync
import Foundation
import TernStore

/// Settings (MS-ASCMD 2.2.1.18): Oof Get/Set, DeviceInformation Set, UserInformation Get and
/// DevicePassword Set, each answered with its own Status in the order the request asked.
/// A request with an incomplete Set or Get is refused by its decoder: Status 2 and no
/// property responses, as 2.2.1.18 says of a command that was not successful.
struct SettingsHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let settings = try request.decodedBody(as: SettingsRequest.self)
        var device = request.device
        var answers: [SettingsResponse.Property] = []
        for property in settings.properties {
            switch property {
            case .getOutOfOffice:
                answers.append(.outOfOffice(try await store.outOfOffice(of: request.user.id).data))
            case .setOutOfOffice(let set):
                var outOfOffice = try await store.outOfOffice(of: request.user.id)
                let status = outOfOffice.apply(set)
                if status == .success { try await store.setOutOfOffice(outOfOffice, of: request.user.id) }
                answers.append(.outOfOfficeSet(status))
            case .setDeviceInformation(let information):
                device.information.apply(information)
                answers.append(.deviceInformationSet(.success))
            case .getUserInformation:
                let user = request.user
                answers.append(
                    .userInformation(UserInformationData(displayName: user.displayName, addresses: user.emailAddresses))
                )
            case .setDevicePassword(let password?):
                device.recoveryPassword = password
                device.recoveryPasswordSetAt = Date()
                answers.append(.devicePasswordSet(.success))
            case .setDevicePassword(nil):
                answers.append(.devicePasswordSet(.protocolError))
            case .unsupported(let tag):
                answers.append(.unsupported(tag))
            }
        }
        if device != request.device { _ = try await store.saveDevice(device) }
        return .document(SettingsResponse(properties: answers).element(version: request.protocolVersion))
    }
}
