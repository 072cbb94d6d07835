import ActiveSync
import MIME
import TernStore

extension OutOfOffice {
    /// What an Oof Get answers: the state, the window when time-based, one message per audience.
    var data: OutOfOfficeData {
        OutOfOfficeData(
            state: OofState(rawValue: state.rawValue), startTime: startTime, endTime: endTime,
            messages: Audience.allCases.compactMap { audience in
                messages[audience].map { message in
                    OofMessageData(
                        audience: audience.protocolAudience, isEnabled: message.isEnabled,
                        replyMessage: message.replyMessage, bodyType: message.bodyType)
                }
            })
    }

    /// Applies an Oof Set and returns its Status (MS-ASCMD 2.2.3.177.15); nothing changes
    /// unless it is 1. A time-based state whose StartTime or EndTime is missing or not a date
    /// is 2 (MS-ASCMD 2.2.3.176.2); an unknown state, a window that ends before it starts, a
    /// message that names no audience or an unknown BodyType is 5.
    mutating func apply(_ set: OutOfOfficeData) -> SettingsStatus {
        var updated = self
        if let sentState = set.state {
            guard let state = State(rawValue: sentState.rawValue) else { return .invalidArguments }
            updated.state = state
        }
        if updated.state == .timeBased {
            guard let start = set.startTime, let end = set.endTime else { return .protocolError }
            guard start < end else { return .invalidArguments }
            updated.startTime = start
            updated.endTime = end
        }
        for sent in set.messages {
            guard let audience = sent.audience.map(Audience.init) else { return .invalidArguments }
            var message = updated.messages[audience] ?? Message(isEnabled: false)
            if let enabled = sent.isEnabled { message.isEnabled = enabled }
            if let reply = sent.replyMessage { message.replyMessage = reply.withoutUnsendableCharacters }
            if let bodyType = sent.bodyType {
                guard ["text", "html"].contains(bodyType.lowercased()) else { return .invalidArguments }
                message.bodyType = bodyType.uppercased() == "HTML" ? "HTML" : "Text"
            }
            updated.messages[audience] = message
        }
        self = updated
        return .success
    }
}

extension OutOfOffice.Audience {
    init(_ audience: OofAudience) {
        switch audience {
        case .internal: self = .internal
        case .externalKnown: self = .externalKnown
        case .externalUnknown: self = .externalUnknown
        }
    }

    var protocolAudience: OofAudience {
        switch self {
        case .internal: .internal
        case .externalKnown: .externalKnown
        case .externalUnknown: .externalUnknown
        }
    }
}
