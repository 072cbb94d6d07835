public import Foundation
public import WBXML

/// The meeting an invitation or cancellation mail carries (MS-ASEMAIL 2.2.2.48
/// `<email:MeetingRequest>`), from which a device offers Accept, Tentative and Decline;
/// children in the schema's order.
public struct MeetingRequestData: Hashable, Sendable {
    public var allDayEvent: Bool
    public var startTime: Date
    public var dtStamp: Date
    public var endTime: Date
    /// 0 a single meeting, 1 the master of a recurring one.
    public var instanceType: Int
    public var location: String?
    /// `"Carla" <carla@example.org>`.
    public var organizer: String?
    /// Seconds before the start (MS-ASEMAIL 2.2.2.63; the calendar's Reminder is in minutes).
    public var reminder: Int?
    public var responseRequested: Bool
    public var sensitivity: Int
    public var busyStatus: Int
    /// TIME_ZONE_INFORMATION (MS-ASDTYPE 2.6.4), 172 bytes, sent in base64.
    public var timeZone: [UInt8]
    /// The meeting's PidLidGlobalObjectId (MS-OXOCAL 2.2.1.27), sent in base64.
    public var globalObjectID: [UInt8]
    /// 14.1+: 1 an initial request (MS-ASEMAIL 2.2.2.47); nil for a cancellation.
    public var meetingMessageType: Int?

    public init(
        allDayEvent: Bool, startTime: Date, dtStamp: Date, endTime: Date, instanceType: Int, location: String?,
        organizer: String?, reminder: Int?, responseRequested: Bool, sensitivity: Int, busyStatus: Int,
        timeZone: [UInt8], globalObjectID: [UInt8], meetingMessageType: Int?
    ) {
        self.allDayEvent = allDayEvent
        self.startTime = startTime
        self.dtStamp = dtStamp
        self.endTime = endTime
        self.instanceType = instanceType
        self.location = location
        self.organizer = organizer
        self.reminder = reminder
        self.responseRequested = responseRequested
        self.sensitivity = sensitivity
        self.busyStatus = busyStatus
        self.timeZone = timeZone
        self.globalObjectID = globalObjectID
        self.meetingMessageType = meetingMessageType
    }

    /// `<email:MeetingRequest>`: the location as `email:Location` before 16.0 and as
    /// `airsyncbase:Location` from 16.0 on; MeetingMessageType from 14.1.
    public func element(version: ProtocolVersion) -> WBXMLElement {
        var list = ElementList()
        list.append(EmailTag.allDayEvent, allDayEvent)
        list.append(EmailTag.startTime, startTime, .extended)
        list.append(EmailTag.dtStamp, dtStamp, .extended)
        list.append(EmailTag.endTime, endTime, .extended)
        list.append(EmailTag.instanceType, instanceType)
        if version >= .v16_0 {
            list.append(
                location.map {
                    WBXMLElement(
                        AirSyncBaseTag.location, elements: [WBXMLElement(AirSyncBaseTag.displayName, text: $0)])
                })
        } else {
            list.append(EmailTag.location, location)
        }
        list.append(EmailTag.organizer, organizer)
        list.append(EmailTag.reminder, reminder)
        list.append(EmailTag.responseRequested, responseRequested)
        list.append(EmailTag.sensitivity, sensitivity)
        list.append(EmailTag.busyStatus, busyStatus)
        list.append(EmailTag.timeZone, Data(timeZone).base64EncodedString())
        list.append(EmailTag.globalObjId, Data(globalObjectID).base64EncodedString())
        if version >= .v14_1 { list.append(Email2Tag.meetingMessageType, meetingMessageType) }
        return list.element(EmailTag.meetingRequest)
    }

    /// The PidLidGlobalObjectId of an iCalendar UID (MS-OXOCAL 2.2.1.27): an Outlook UID (the
    /// hex of such an id) as it is, any other wrapped as `vCal-Uid`, for the whole series.
    public static func globalObjectID(uid: String) -> [UInt8] {
        let prefix: [UInt8] = [
            0x04, 0x00, 0x00, 0x00, 0x82, 0x00, 0xE0, 0x00, 0x74, 0xC5, 0xB7, 0x10, 0x1A, 0x82, 0xE0, 0x08,
        ]
        if let bytes = hexBytes(uid), bytes.count > 40, bytes.starts(with: prefix) { return bytes }
        let data = Array("vCal-Uid".utf8) + [0x01, 0x00, 0x00, 0x00] + Array(uid.utf8) + [0x00]
        let size = UInt32(data.count)
        let sizeBytes = (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
        return prefix + [UInt8](repeating: 0, count: 4 + 8 + 8) + sizeBytes + data
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        return bytes
    }
}
