public import Foundation
public import WBXML

/// A task's `<airsync:ApplicationData>` (MS-ASTASK 2.2.2) as it travels, dates in the
/// extended form; nil is an element left out.
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
public struct TaskData: Hashable, Sendable {
    /// "" when the device clears it.
    public var subject: String?
    /// 0 low, 1 normal, 2 high.
    public var importance: Int?
    public var utcStartDate: Date?
    public var startDate: Date?
    public var utcDueDate: Date?
    public var dueDate: Date?
    public var complete: Bool?
    public var dateCompleted: Date?
    /// 0 normal, 1 personal, 2 private, 3 confidential.
    public var sensitivity: Int?
    public var reminderSet: Bool?
    public var reminderTime: Date?
    public var recurrence: RecurrenceData?
    public var categories: [String]?
    public var body: BodyData?

    public init(
        subject: String? = nil, importance: Int? = nil, utcStartDate: Date? = nil, startDate: Date? = nil,
        utcDueDate: Date? = nil, dueDate: Date? = nil, complete: Bool? = nil, dateCompleted: Date? = nil,
        sensitivity: Int? = nil, reminderSet: Bool? = nil, reminderTime: Date? = nil, recurrence: RecurrenceData? = nil,
        categories: [String]? = nil, body: BodyData? = nil
    ) {
        self.subject = subject
        self.importance = importance
        self.utcStartDate = utcStartDate
        self.startDate = startDate
        self.utcDueDate = utcDueDate
        self.dueDate = dueDate
        self.complete = complete
        self.dateCompleted = dateCompleted
        self.sensitivity = sensitivity
        self.reminderSet = reminderSet
        self.reminderTime = reminderTime
        self.recurrence = recurrence
        self.categories = categories
        self.body = body
    }

    /// Reads a device's task; a value out of its range is refused.
    public init(_ data: WBXMLElement) throws(ApplicationDataError) {
        self.init(
            subject: try data.string(TasksTag.subject), importance: try data.int(TasksTag.importance, in: 0...2),
            utcStartDate: try data.date(TasksTag.utcStartDate), startDate: try data.date(TasksTag.startDate),
            utcDueDate: try data.date(TasksTag.utcDueDate), dueDate: try data.date(TasksTag.dueDate),
            complete: try data.bool(TasksTag.complete), dateCompleted: try data.date(TasksTag.dateCompleted),
            sensitivity: try data.int(TasksTag.sensitivity, in: 0...3),
            reminderSet: try data.bool(TasksTag.reminderSet),
            reminderTime: try data.date(TasksTag.reminderTime),
            recurrence: try RecurrenceData.decode(in: data, for: .task),
            categories: try data.strings(TasksTag.categories, TasksTag.category), body: try data.body())
    }

    /// The children of `<airsync:ApplicationData>`, in the schema's order.
    public func elements(version: ProtocolVersion) -> [WBXMLElement] {
        var list = ElementList()
        list.append(TasksTag.subject, subject)
        list.append(TasksTag.importance, importance)
        list.append(TasksTag.utcStartDate, utcStartDate, .extended)
        list.append(TasksTag.startDate, startDate, .extended)
        list.append(TasksTag.utcDueDate, utcDueDate, .extended)
        list.append(TasksTag.dueDate, dueDate, .extended)
        list.append(TasksTag.complete, complete)
        list.append(TasksTag.dateCompleted, dateCompleted, .extended)
        list.append(TasksTag.sensitivity, sensitivity)
        list.append(TasksTag.reminderSet, reminderSet)
        list.append(TasksTag.reminderTime, reminderTime, .extended)
        list.append(recurrence?.element(for: .task, version: version))
        list.append(TasksTag.categories, TasksTag.category, categories)
        list.append(body?.element)
        return list.elements
    }

    /// This Change with what it left out taken from `stored` where `ghosting` keeps it.
    /// ReminderSet is never filled in: it speaks only for the ReminderTime sent with it.
    public func filling(from stored: TaskData, _ ghosting: Ghosting) -> TaskData {
        var task = self
        ghosting.fill(&task, from: stored, \.subject, TasksTag.subject)
        ghosting.fill(&task, from: stored, \.importance, TasksTag.importance)
        ghosting.fill(&task, from: stored, \.utcStartDate, TasksTag.utcStartDate)
        ghosting.fill(&task, from: stored, \.startDate, TasksTag.startDate)
        ghosting.fill(&task, from: stored, \.utcDueDate, TasksTag.utcDueDate)
        ghosting.fill(&task, from: stored, \.dueDate, TasksTag.dueDate)
        ghosting.fill(&task, from: stored, \.complete, TasksTag.complete)
        ghosting.fill(&task, from: stored, \.dateCompleted, TasksTag.dateCompleted)
        ghosting.fill(&task, from: stored, \.sensitivity, TasksTag.sensitivity)
        ghosting.fill(&task, from: stored, \.reminderTime, TasksTag.reminderTime)
        ghosting.fill(&task, from: stored, \.recurrence, TasksTag.recurrence)
        ghosting.fill(&task, from: stored, \.categories, TasksTag.categories)
        ghosting.fill(&task, from: stored, \.body, AirSyncBaseTag.body)
        return task
    }
}
