import ActiveSync
import Foundation
import TernStore
import WBXML

/// A task's `<airsync:ApplicationData>` (MS-ASTASK 2.2.2), dates in the extended form:
///
/// ```xml
/// <tasks:Subject>File the report</tasks:Subject>
/// <tasks:Importance>1</tasks:Importance>
/// <tasks:UtcDueDate>2026-12-01T17:00:00.000Z</tasks:UtcDueDate>
/// <tasks:DueDate>2026-12-01T18:00:00.000Z</tasks:DueDate>
/// <tasks:Complete>0</tasks:Complete>
/// <tasks:Sensitivity>0</tasks:Sensitivity>
/// <tasks:ReminderSet>0</tasks:ReminderSet>
/// ```
///
/// ReminderSet is whether there is a ReminderTime. A Change replaces the task as for contacts.
enum TaskApplicationData {
    static func encode(_ task: TaskItem, options: ItemEncodingOptions) -> [WBXMLElement] {
        var list = ElementList()
        list.append("Tasks", "Subject", task.subject)
        list.append("Tasks", "Importance", task.importance)
        list.append("Tasks", "UtcStartDate", task.utcStartDate, .extended)
        list.append("Tasks", "StartDate", task.startDate, .extended)
        list.append("Tasks", "UtcDueDate", task.utcDueDate, .extended)
        list.append("Tasks", "DueDate", task.dueDate, .extended)
        list.append("Tasks", "Complete", task.complete)
        list.append("Tasks", "DateCompleted", task.complete ? task.dateCompleted : nil, .extended)
        list.append("Tasks", "Sensitivity", task.sensitivity)
        list.append("Tasks", "ReminderSet", task.reminderTime != nil)
        list.append("Tasks", "ReminderTime", task.reminderTime, .extended)
        list.append(task.recurrence.map { RecurrenceElement.make($0, for: .task, version: options.protocolVersion) })
        if !task.categories.isEmpty { list.append("Tasks", "Categories", "Category", task.categories) }
        list.append(task.body.map { BodyElement.plainText($0, options: options) })
        return list.elements
    }

    static func decode(
        _ data: WBXMLElement, replacing existing: TaskItem?, ghosting: Ghosting
    ) throws(ApplicationDataError) -> TaskItem {
        let stored = existing ?? TaskItem()
        func optional<Value>(_ name: String, _ sent: Value??, _ value: Value?) -> Value? {
            ghosting.merge("Tasks:\(name)", sent: sent, stored: value, cleared: nil)
        }
        var task = TaskItem()
        task.subject = optional("Subject", try data.string("Tasks", "Subject").map(nonEmpty), stored.subject)
        task.importance = ghosting.merge(
            "Tasks:Importance", sent: try data.int("Tasks", "Importance", in: 0...2), stored: stored.importance,
            cleared: 1)
        task.utcStartDate = optional(
            "UtcStartDate", try data.date("Tasks", "UtcStartDate").map(Optional.some), stored.utcStartDate)
        task.startDate = optional("StartDate", try data.date("Tasks", "StartDate").map(Optional.some), stored.startDate)
        task.utcDueDate = optional(
            "UtcDueDate", try data.date("Tasks", "UtcDueDate").map(Optional.some), stored.utcDueDate)
        task.dueDate = optional("DueDate", try data.date("Tasks", "DueDate").map(Optional.some), stored.dueDate)
        task.complete = ghosting.merge(
            "Tasks:Complete", sent: try data.bool("Tasks", "Complete"), stored: stored.complete, cleared: false)
        task.dateCompleted = optional(
            "DateCompleted", try data.date("Tasks", "DateCompleted").map(Optional.some), stored.dateCompleted)
        if !task.complete { task.dateCompleted = nil }
        task.sensitivity = ghosting.merge(
            "Tasks:Sensitivity", sent: try data.int("Tasks", "Sensitivity", in: 0...3), stored: stored.sensitivity,
            cleared: 0)
        task.reminderTime = optional(
            "ReminderTime", try data.date("Tasks", "ReminderTime").map(Optional.some), stored.reminderTime)
        if try data.bool("Tasks", "ReminderSet") == false { task.reminderTime = nil }
        task.recurrence = optional(
            "Recurrence", try RecurrenceElement.decode(in: data, for: .task).map(Optional.some), stored.recurrence)
        task.categories = ghosting.merge(
            "Tasks:Categories", sent: try data.strings("Tasks", "Categories", "Category"), stored: stored.categories,
            cleared: [])
        task.body = ghosting.merge(
            "AirSyncBase:Body", sent: try BodyElement.text(in: data).map(nonEmpty), stored: stored.body, cleared: nil)
        return task
    }
}

/// nil for "", which a device sends to clear a property.
func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
