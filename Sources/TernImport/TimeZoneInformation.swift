public import Foundation

/// The time zone of a calendar item as EAS carries it: a Windows TIME_ZONE_INFORMATION,
/// 172 bytes little-endian, base64-encoded in Calendar:TimeZone (MS-ASDTYPE 2.7.6,
/// formerly 2.6.4; MS-ASCAL 2.2.2.46).
///
/// ```
/// offset  size  field
///   0      4    Bias           LONG, minutes, UTC = local + Bias (Berlin: -60)
///   4     64    StandardName   32 WCHARs, NUL-padded
///  68     16    StandardDate   SYSTEMTIME: when daylight time ends, in local daylight time
///  84      4    StandardBias   LONG, added to Bias in standard time (usually 0)
///  88     64    DaylightName
/// 152     16    DaylightDate   SYSTEMTIME: when daylight time starts, in local standard time
/// 168      4    DaylightBias   LONG, added to Bias in daylight time (usually -60)
/// ```
///
/// A recurring transition is written in "day-in-month" form: wYear 0, wMonth, wDayOfWeek
/// (0 Sunday), wDay 1–5 for the first to fourth and (5) the last such weekday of the month.
/// A zone without daylight time has wMonth 0 in both dates.
public struct TimeZoneInformation: Hashable, Sendable {
    public var bias: Int32
    public var standardName: String
    public var standardDate: SystemTime
    public var standardBias: Int32
    public var daylightName: String
    public var daylightDate: SystemTime
    public var daylightBias: Int32

    public static let byteCount = 172

    public init(
        bias: Int32, standardName: String = "", standardDate: SystemTime = .none, standardBias: Int32 = 0,
        daylightName: String = "", daylightDate: SystemTime = .none, daylightBias: Int32 = 0
    ) {
        self.bias = bias
        self.standardName = standardName
        self.standardDate = standardDate
        self.standardBias = standardBias
        self.daylightName = daylightName
        self.daylightDate = daylightDate
        self.daylightBias = daylightBias
    }

    /// UTC: no offset, no daylight time.
    public static let utc = TimeZoneInformation(bias: 0, standardName: "UTC", daylightName: "UTC")

    /// A SYSTEMTIME (MS-DTYP 2.3.13): eight little-endian WORDs.
    public struct SystemTime: Hashable, Sendable {
        public var year: UInt16
        public var month: UInt16
        public var dayOfWeek: UInt16
        public var day: UInt16
        public var hour: UInt16
        public var minute: UInt16
        public var second: UInt16
        public var milliseconds: UInt16

        public init(
            year: UInt16 = 0, month: UInt16, dayOfWeek: UInt16, day: UInt16, hour: UInt16, minute: UInt16 = 0,
            second: UInt16 = 0, milliseconds: UInt16 = 0
        ) {
            self.year = year
            self.month = month
            self.dayOfWeek = dayOfWeek
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
            self.milliseconds = milliseconds
        }

        /// No transition (wMonth 0).
        public static let none = SystemTime(month: 0, dayOfWeek: 0, day: 0, hour: 0)

        /// A yearly transition on the `week`th (5 = last) `weekday` (0 Sunday) of `month`.
        static func yearly(month: Int, weekday: Int, week: Int, secondsIntoDay: Int) -> SystemTime {
            SystemTime(
                month: UInt16(clamping: month), dayOfWeek: UInt16(clamping: weekday), day: UInt16(clamping: week),
                hour: UInt16(clamping: secondsIntoDay / 3600), minute: UInt16(clamping: secondsIntoDay % 3600 / 60),
                second: UInt16(clamping: secondsIntoDay % 60))
        }

        /// The day-in-month form of one transition's local wall time: its weekday and week of
        /// the month, the last week (5) when no later such weekday is left in the month.
        static func yearly(at local: LocalDateTime) -> SystemTime {
            let length = LocalDateTime.daysInMonth(year: local.year, month: local.month)
            let week = local.day + 7 > length ? 5 : (local.day - 1) / 7 + 1
            return yearly(month: local.month, weekday: local.weekday, week: week, secondsIntoDay: local.secondsIntoDay)
        }

        fileprivate var words: [UInt16] { [year, month, dayOfWeek, day, hour, minute, second, milliseconds] }
    }

    /// The 172 bytes, to be base64-encoded into Calendar:TimeZone.
    public var encoded: Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        func append(_ value: Int32) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        func append(_ value: UInt16) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        func append(name: String) {
            let units = Self.nameUnits(name)
            for unit in units { append(unit) }
            for _ in units.count..<32 { append(UInt16(0)) }
        }
        append(bias)
        append(name: standardName)
        for word in standardDate.words { append(word) }
        append(standardBias)
        append(name: daylightName)
        for word in daylightDate.words { append(word) }
        append(daylightBias)
        return Data(bytes)
    }

    /// Reads the 172-byte form back; nil when the length is wrong.
    public init?(decoding data: Data) {
        guard data.count == Self.byteCount else { return nil }
        let bytes = [UInt8](data)
        func int32(_ offset: Int) -> Int32 {
            Int32(
                bitPattern: UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                    | UInt32(bytes[offset + 3]) << 24)
        }
        func word(_ offset: Int) -> UInt16 { UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8 }
        func name(_ offset: Int) -> String {
            let units = (0..<32).map { word(offset + 2 * $0) }
            return String(decoding: units.prefix { $0 != 0 }, as: UTF16.self)
        }
        func systemTime(_ offset: Int) -> SystemTime {
            SystemTime(
                year: word(offset), month: word(offset + 2), dayOfWeek: word(offset + 4), day: word(offset + 6),
                hour: word(offset + 8), minute: word(offset + 10), second: word(offset + 12),
                milliseconds: word(offset + 14))
        }
        self.init(
            bias: int32(0), standardName: name(4), standardDate: systemTime(68), standardBias: int32(84),
            daylightName: name(88), daylightDate: systemTime(152), daylightBias: int32(168))
    }

    /// At most 31 UTF-16 units, so the name stays NUL-terminated, cut between scalars.
    private static func nameUnits(_ name: String) -> [UInt16] {
        var units: [UInt16] = []
        for scalar in name.unicodeScalars {
            let scalarUnits = Array(String(scalar).utf16)
            guard units.count + scalarUnits.count <= 31 else { break }
            units.append(contentsOf: scalarUnits)
        }
        return units
    }
}
