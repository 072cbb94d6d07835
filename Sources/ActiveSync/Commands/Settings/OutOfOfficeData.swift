public import Foundation
public import WBXML

/// OofState (MS-ASCMD 2.2.3.122); a struct, so a value a device sends that is none of the three
/// stays representable and is answered Status 5 rather than refusing the request.
public struct OofState: RawRepresentable, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let disabled = OofState(rawValue: 0)
    public static let global = OofState(rawValue: 1)
    public static let timeBased = OofState(rawValue: 2)
}

/// Who an automatic reply goes to (MS-ASCMD 2.2.3.8–2.2.3.10).
public enum OofAudience: CaseIterable, Hashable, Sendable {
    case `internal`, externalKnown, externalUnknown

    /// The empty element that names the audience in an OofMessage.
    public var tag: WBXMLTag {
        switch self {
        case .internal: SettingsTag.appliesToInternal
        case .externalKnown: SettingsTag.appliesToExternalKnown
        case .externalUnknown: SettingsTag.appliesToExternalUnknown
        }
    }
}

/// One OofMessage (MS-ASCMD 2.2.3.120): a field the device leaves out is nil.
public struct OofMessageData: Hashable, Sendable {
    /// nil when the message names no audience (a Set answered Status 5).
    public var audience: OofAudience?
    public var isEnabled: Bool?
    public var replyMessage: String?
    /// `Text` or `HTML` (MS-ASCMD 2.2.3.18), as sent.
    public var bodyType: String?

    public init(audience: OofAudience?, isEnabled: Bool? = nil, replyMessage: String? = nil, bodyType: String? = nil) {
        self.audience = audience
        self.isEnabled = isEnabled
        self.replyMessage = replyMessage
        self.bodyType = bodyType
    }

    init(_ element: WBXMLElement) {
        audience = OofAudience.allCases.first { audience in element.firstElement(audience.tag) != nil }
        isEnabled = element.firstElement(SettingsTag.enabled)?.text.map { $0 == "1" }
        replyMessage = element.firstElement(SettingsTag.replyMessage).map { $0.text ?? "" }
        bodyType = element.firstElement(SettingsTag.bodyType)?.text
    }

    var element: WBXMLElement {
        var children: [WBXMLElement] = []
        if let audience { children.append(WBXMLElement(audience.tag)) }
        if let isEnabled { children.append(WBXMLElement(SettingsTag.enabled, text: isEnabled ? "1" : "0")) }
        if let replyMessage { children.append(WBXMLElement(SettingsTag.replyMessage, text: replyMessage)) }
        if let bodyType { children.append(WBXMLElement(SettingsTag.bodyType, text: bodyType)) }
        return WBXMLElement(SettingsTag.oofMessage, elements: children)
    }
}

/// Out-of-office settings as an Oof Set carries them and an Oof Get answers them
/// (MS-ASCMD 2.2.3.119). In a Set, a time that is missing or not a date is nil.
public struct OutOfOfficeData: Hashable, Sendable {
    public var state: OofState?
    public var startTime: Date?
    public var endTime: Date?
    public var messages: [OofMessageData]

    public init(state: OofState?, startTime: Date? = nil, endTime: Date? = nil, messages: [OofMessageData] = []) {
        self.state = state
        self.startTime = startTime
        self.endTime = endTime
        self.messages = messages
    }

    /// Reads the children of an Oof `Set`.
    init(set: WBXMLElement) {
        state = set.firstElement(SettingsTag.oofState)?.text.map { OofState(rawValue: Int($0) ?? -1) }
        startTime = set.firstElement(SettingsTag.startTime)?.text.flatMap(EASDate.parse)
        endTime = set.firstElement(SettingsTag.endTime)?.text.flatMap(EASDate.parse)
        messages = set.elements.filter { $0.tag == SettingsTag.oofMessage }.map(OofMessageData.init)
    }

    /// The `Get` of an Oof response: state, the window when time-based, then the messages.
    var getElement: WBXMLElement {
        var children: [WBXMLElement] = []
        if let state { children.append(WBXMLElement(SettingsTag.oofState, text: String(state.rawValue))) }
        if state == .timeBased, let startTime, let endTime {
            children.append(WBXMLElement(SettingsTag.startTime, text: EASDate.format(startTime, .extended)))
            children.append(WBXMLElement(SettingsTag.endTime, text: EASDate.format(endTime, .extended)))
        }
        return WBXMLElement(SettingsTag.get, elements: children + messages.map(\.element))
    }
}
