import ActiveSync
import Foundation
import TernStore
import WBXML

/// Settings (MS-ASCMD 2.2.1.18): Oof Get/Set, DeviceInformation Set, UserInformation Get and
/// DevicePassword Set, each answered with its own Status in the order the request asked.
/// A request with an incomplete Set or Get (an empty Set, a DevicePassword Set without its
/// Password, an Oof with neither) is not processed at all: Status 2 and no property
/// responses, as 2.2.1.18 says of a command that was not successful.
struct SettingsHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        guard let body = request.body, body.tag == SettingsTag.settings, !body.elements.isEmpty,
            body.elements.allSatisfy(Self.isComplete)
        else {
            return .document(Self.response(status: SettingsStatus.protocolError, parts: []))
        }
        var device = request.device
        var parts: [WBXMLElement] = []
        for part in body.elements {
            switch part.tag {
            case SettingsTag.oof:
                parts.append(try await outOfOffice(part, request: request))
            case SettingsTag.deviceInformation:
                let status: SettingsStatus
                if let set = part.firstElement(SettingsTag.set) {
                    device.information.apply(set)
                    status = SettingsStatus.success
                } else {
                    status = SettingsStatus.protocolError
                }
                parts.append(Self.status(status, of: part.tag))
            case SettingsTag.userInformation:
                parts.append(Self.userInformation(of: request.user, version: request.protocolVersion))
            case SettingsTag.devicePassword:
                let password = part.firstElement(SettingsTag.set)?.firstElement(SettingsTag.password)?.text
                if let password {
                    device.recoveryPassword = password
                    device.recoveryPasswordSetAt = Date()
                }
                parts.append(
                    Self.status(password == nil ? SettingsStatus.protocolError : SettingsStatus.success, of: part.tag))
            default:
                parts.append(Self.status(SettingsStatus.protocolError, of: part.tag))
            }
        }
        if device != request.device { _ = try await store.saveDevice(device) }
        return .document(Self.response(status: SettingsStatus.success, parts: parts))
    }

    private func outOfOffice(_ part: WBXMLElement, request: EASRequest) async throws -> WBXMLElement {
        if part.firstElement(SettingsTag.get) != nil {
            let settings = try await store.outOfOffice(of: request.user.id)
            return WBXMLElement(
                SettingsTag.oof,
                elements: [
                    WBXMLElement(SettingsTag.status, text: String(SettingsStatus.success.rawValue)),
                    settings.getElement,
                ])
        }
        guard let set = part.firstElement(SettingsTag.set) else {
            return Self.status(SettingsStatus.protocolError, of: part.tag)
        }
        var settings = try await store.outOfOffice(of: request.user.id)
        let status = settings.apply(set)
        if status == SettingsStatus.success { try await store.setOutOfOffice(settings, of: request.user.id) }
        return Self.status(status, of: part.tag)
    }

    /// Whether a property request has what its operation needs: a Get, or a Set with content
    /// (DevicePassword's with its Password).
    private static func isComplete(_ part: WBXMLElement) -> Bool {
        let set = part.firstElement(SettingsTag.set)
        if let set, set.elements.isEmpty { return false }
        switch part.tag {
        case SettingsTag.oof: return set != nil || part.firstElement(SettingsTag.get) != nil
        case SettingsTag.deviceInformation: return set != nil
        case SettingsTag.userInformation: return part.firstElement(SettingsTag.get) != nil
        case SettingsTag.devicePassword: return set?.firstElement(SettingsTag.password) != nil
        default: return true
        }
    }

    /// The user's addresses: under Get for 12.1 and 14.0, under Accounts/Account with the
    /// display name and PrimarySmtpAddress from 14.1 on (MS-ASCMD 2.2.3.57).
    static func userInformation(of user: User, version: ProtocolVersion) -> WBXMLElement {
        var addresses = user.emailAddresses.map { WBXMLElement(SettingsTag.smtpAddress, text: $0) }
        let get: WBXMLElement
        if version >= .v14_1 {
            if let primary = user.emailAddresses.first {
                addresses.append(WBXMLElement(SettingsTag.primarySmtpAddress, text: primary))
            }
            get = WBXMLElement(
                SettingsTag.get,
                elements: [
                    WBXMLElement(
                        SettingsTag.accounts,
                        elements: [
                            WBXMLElement(
                                SettingsTag.account,
                                elements: [
                                    WBXMLElement(SettingsTag.userDisplayName, text: user.displayName),
                                    WBXMLElement(SettingsTag.emailAddresses, elements: addresses),
                                ])
                        ])
                ])
        } else {
            get = WBXMLElement(
                SettingsTag.get, elements: [WBXMLElement(SettingsTag.emailAddresses, elements: addresses)])
        }
        return WBXMLElement(
            SettingsTag.userInformation,
            elements: [
                WBXMLElement(SettingsTag.status, text: String(SettingsStatus.success.rawValue)), get,
            ])
    }

    private static func status(_ status: SettingsStatus, of tag: WBXMLTag) -> WBXMLElement {
        WBXMLElement(tag, elements: [WBXMLElement(SettingsTag.status, text: String(status.rawValue))])
    }

    private static func response(status: SettingsStatus, parts: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(
            SettingsTag.settings, elements: [WBXMLElement(SettingsTag.status, text: String(status.rawValue))] + parts)
    }
}
