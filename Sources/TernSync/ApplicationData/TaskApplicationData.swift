import ActiveSync
import Foundation
import TernStore

/// A stored task to and from its typed ApplicationData (`TaskData`, MS-ASTASK 2.2.2).
///
/// ReminderSet is whether there is a ReminderTime. A Change replaces the task as for contacts.
enum TaskApplicationData {
    static func encode(_ task: TaskItem, options: ItemEncodingOptions) -> TaskData {
        TaskData(
            subject: task.subject, importance: task.importance, utcStartDate: task.utcStartDate,
            startDate: task.startDate, utcDueDate: task.utcDueDate, dueDate: task.dueDate, complete: task.complete,
            dateCompleted: task.complete ? task.dateCompleted : nil, sensitivity: task.sensitivity,
            reminderSet: task.reminderTime != nil, reminderTime: task.reminderTime,
            recurrence: task.recurrence, categories: task.categories.nilWhenEmpty,
            body: task.body.map { BodyData(plainText: $0, options: options) })
    }

    static func decode(_ sent: TaskData, replacing existing: TaskItem?, ghosting: Ghosting, version: ProtocolVersion)
        -> TaskItem
    {
        let data = existing.map { sent.filling(from: encode($0, options: .whole(version)), ghosting) } ?? sent
        let complete = data.complete ?? false
        return TaskItem(
            subject: data.subject.flatMap(nonEmpty), body: data.body.flatMap { nonEmpty($0.text) },
            importance: data.importance ?? 1, startDate: data.startDate, utcStartDate: data.utcStartDate,
            dueDate: data.dueDate, utcDueDate: data.utcDueDate, complete: complete,
            dateCompleted: complete ? data.dateCompleted : nil, sensitivity: data.sensitivity ?? 0,
            reminderTime: sent.reminderSet == false ? nil : data.reminderTime, categories: data.categories ?? [],
            recurrence: data.recurrence)
    }
}
