import ActiveSync
import Foundation
import TernStore
import Testing
import WBXML

@testable import TernSync

@Suite struct TaskApplicationDataTests {
    static let full = TaskItem(
        subject: "File the report", body: "Use the new template.", importance: 2,
        startDate: date("2026-11-30T01:00:00.000Z"), utcStartDate: date("2026-11-30T00:00:00.000Z"),
        dueDate: date("2026-12-01T18:00:00.000Z"), utcDueDate: date("2026-12-01T17:00:00.500Z"), complete: true,
        dateCompleted: date("2026-12-01T12:00:00.000Z"), sensitivity: 1, reminderTime: date("2026-12-01T08:00:00.000Z"),
        categories: ["Work"],
        recurrence: Recurrence(
            type: 2, interval: 1, occurrences: 6, dayOfMonth: 1, firstDayOfWeek: 1, regenerate: false, deadOccur: false,
            start: date("2026-12-01T00:00:00.000Z")))

    static func encode(_ task: TaskItem, _ version: ProtocolVersion = .v16_1) -> WBXMLElement {
        encodeElement(.task(task), serverID: "7:1", options: options(version))
    }

    @Test(arguments: [full, TaskItem(subject: "Minimal")])
    func roundTrips(_ task: TaskItem) throws {
        #expect(try decode(Self.encode(task), as: .tasks) == .task(task))
        #expect(try decode(Self.encode(task), as: .tasks, replacing: .task(Self.full)) == .task(task))
    }

    @Test func writesExtendedDatesInOrder() {
        let data = Self.encode(Self.full)
        #expect(
            tags(data) == [
                "Tasks:Subject", "Tasks:Importance", "Tasks:UtcStartDate", "Tasks:StartDate", "Tasks:UtcDueDate",
                "Tasks:DueDate", "Tasks:Complete", "Tasks:DateCompleted", "Tasks:Sensitivity", "Tasks:ReminderSet",
                "Tasks:ReminderTime", "Tasks:Recurrence", "Tasks:Categories", "AirSyncBase:Body",
            ])
        #expect(data.child("Tasks", "UtcDueDate")?.text == "2026-12-01T17:00:00.500Z")
        #expect(
            tags(data.child("Tasks", "Recurrence")) == [
                "Tasks:Type", "Tasks:Start", "Tasks:Interval", "Tasks:Occurrences", "Tasks:DayOfMonth",
                "Tasks:Regenerate", "Tasks:DeadOccur", "Tasks:FirstDayOfWeek",
            ])
    }

    @Test func reminderSetZeroRemovesTheReminder() throws {
        let change = Self.encode(Self.full).replacing(
            "Tasks", "ReminderSet", with: element("Tasks", "ReminderSet", "0"))
        guard case .task(let task) = try decode(change, as: .tasks, replacing: .task(Self.full)) else {
            Issue.record("not a task")
            return
        }
        #expect(task.reminderTime == nil)
    }

    @Test func badDueDateIsRefused() {
        let data = applicationData([element("Tasks", "Subject", "x"), element("Tasks", "UtcDueDate", "2026-12-01")])
        do {
            _ = try decode(data, as: .tasks)
            Issue.record("accepted a bad date")
        } catch {
            #expect(error.code == .badValue && error.element == "Tasks:UtcDueDate")
        }
    }
}
