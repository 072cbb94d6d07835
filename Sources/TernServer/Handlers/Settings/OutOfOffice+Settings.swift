import ActiveSync
import MIME
import TernStore
import WBXML

extension OutOfOffice {
    /// The Oof Get response body: state, the window when time-based, one OofMessage per audience.
    var getElement: WBXMLElement {
        var children = [WBXMLElement(SettingsTag.oofState, text: String(state.rawValue))]
        if state == .timeBased, let startTime, let endTime {
            children.append(WBXMLElement(SettingsTag.startTime, text: EASDate.format(startTime, .extended)))
            children.append(WBXMLElement(SettingsTag.endTime, text: EASDate.format(endTime, .extended)))
        }
        for audience in Audience.allCases {
            guard let message = messages[audience] else { continue }
            var parts = [
                WBXMLElement(audience.tag),
                WBXMLElement(SettingsTag.enabled, text: message.isEnabled ? "1" : "0"),
            ]
            if let reply = message.replyMessage { parts.append(WBXMLElement(SettingsTag.replyMessage, text: reply)) }
            parts.append(WBXMLElement(SettingsTag.bodyType, text: message.bodyType))
            children.append(WBXMLElement(SettingsTag.oofMessage, elements: parts))
        }
        return WBXMLElement(SettingsTag.get, elements: children)
    }

    /// Applies an Oof Set and returns its Status (MS-ASCMD 2.2.3.177.15); nothing changes
    /// unless it is 1. A time-based state whose StartTime or EndTime is missing or not a date
    /// is 2 (MS-ASCMD 2.2.3.176.2); an unknown state, a window that ends before it starts, a
    /// message that names no audience or an unknown BodyType is 5.
    mutating func apply(_ set: WBXMLElement) -> SettingsStatus {
        var updated = self
        if let stateText = set.firstElement(SettingsTag.oofState)?.text {
            guard let value = Int(stateText), let state = State(rawValue: value) else {
                return SettingsStatus.invalidArguments
            }
            updated.state = state
        }
        if updated.state == .timeBased {
            guard let start = set.firstElement(SettingsTag.startTime)?.text.flatMap(EASDate.parse),
                let end = set.firstElement(SettingsTag.endTime)?.text.flatMap(EASDate.parse)
            else { return SettingsStatus.protocolError }
            guard start < end else { return SettingsStatus.invalidArguments }
            updated.startTime = start
            updated.endTime = end
        }
        for element in set.elements where element.tag == SettingsTag.oofMessage {
            guard
                let audience = element.elements.lazy.compactMap({ element in
                    Audience.allCases.first { $0.tag == element.tag }
                }).first
            else {
                return SettingsStatus.invalidArguments
            }
            var message = updated.messages[audience] ?? Message(isEnabled: false)
            if let enabled = element.firstElement(SettingsTag.enabled)?.text { message.isEnabled = enabled == "1" }
            if let reply = element.firstElement(SettingsTag.replyMessage) {
                message.replyMessage = (reply.text ?? "").withoutUnsendableCharacters
            }
            if let bodyType = element.firstElement(SettingsTag.bodyType)?.text {
                guard ["text", "html"].contains(bodyType.lowercased()) else { return SettingsStatus.invalidArguments }
                message.bodyType = bodyType.uppercased() == "HTML" ? "HTML" : "Text"
            }
            updated.messages[audience] = message
        }
        self = updated
        return SettingsStatus.success
    }
}

extension OutOfOffice.Audience {
    /// The element that names the audience in an OofMessage (MS-ASCMD 2.2.3.8-2.2.3.10).
    var tag: WBXMLTag {
        switch self {
        case .internal: SettingsTag.appliesToInternal
        case .externalKnown: SettingsTag.appliesToExternalKnown
        case .externalUnknown: SettingsTag.appliesToExternalUnknown
        }
    }
}
