import ActiveSync
import Foundation
import TernStore
import WBXML

/// `<calendar:Recurrence>` (MS-ASCAL 2.2.2.39) and `<tasks:Recurrence>` (MS-ASTASK 2.2.2.20):
/// the same pattern in two namespaces. Calendar writes Until in the compact form; Tasks adds
/// Start, Regenerate and DeadOccur and writes dates in the extended form. FirstDayOfWeek is 14.1+.
///
/// ```xml
/// <calendar:Recurrence>
///   <calendar:Type>1</calendar:Type>
///   <calendar:Interval>1</calendar:Interval>
///   <calendar:Occurrences>10</calendar:Occurrences>
///   <calendar:DayOfWeek>2</calendar:DayOfWeek>
/// </calendar:Recurrence>
/// ```
enum RecurrenceElement {
    enum Owner {
        case calendar, task

        var namespace: String { self == .calendar ? "Calendar" : "Tasks" }
        var dateStyle: EASDate.Style { self == .calendar ? .compact : .extended }
    }

    static func make(_ recurrence: Recurrence, for owner: Owner, version: ProtocolVersion) -> WBXMLElement {
        let namespace = owner.namespace
        var list = ElementList()
        list.append(namespace, "Type", recurrence.type)
        if owner == .task { list.append(namespace, "Start", recurrence.start, .extended) }
        list.append(namespace, "Interval", recurrence.interval)
        list.append(namespace, "Until", recurrence.until, owner.dateStyle)
        list.append(namespace, "Occurrences", recurrence.occurrences)
        list.append(namespace, "DayOfWeek", recurrence.dayOfWeek)
        list.append(namespace, "DayOfMonth", recurrence.dayOfMonth)
        list.append(namespace, "WeekOfMonth", recurrence.weekOfMonth)
        list.append(namespace, "MonthOfYear", recurrence.monthOfYear)
        if owner == .task {
            list.append(namespace, "Regenerate", recurrence.regenerate)
            list.append(namespace, "DeadOccur", recurrence.deadOccur)
        }
        if version >= .v14_1 { list.append(namespace, "FirstDayOfWeek", recurrence.firstDayOfWeek) }
        return list.element(namespace, "Recurrence")
    }

    /// The pattern in `data`'s Recurrence child; nil when there is none.
    static func decode(in data: WBXMLElement, for owner: Owner) throws(ApplicationDataError) -> Recurrence? {
        let namespace = owner.namespace
        guard let element = data.child(namespace, "Recurrence") else { return nil }
        guard let type = try element.int(namespace, "Type", in: 0...6) else { throw .missing("\(namespace):Type") }
        var recurrence = Recurrence(
            type: type, interval: try element.int(namespace, "Interval", in: 1...999) ?? 1,
            until: try element.date(namespace, "Until"),
            occurrences: try element.int(namespace, "Occurrences", in: 1...999),
            dayOfWeek: try element.int(namespace, "DayOfWeek", in: 0...127),
            dayOfMonth: try element.int(namespace, "DayOfMonth", in: 1...31),
            weekOfMonth: try element.int(namespace, "WeekOfMonth", in: 1...5),
            monthOfYear: try element.int(namespace, "MonthOfYear", in: 1...12),
            firstDayOfWeek: try element.int(namespace, "FirstDayOfWeek", in: 0...6))
        if owner == .task {
            recurrence.start = try element.date(namespace, "Start")
            recurrence.regenerate = try element.bool(namespace, "Regenerate")
            recurrence.deadOccur = try element.bool(namespace, "DeadOccur")
        }
        return recurrence
    }
}
