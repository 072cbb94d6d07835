public import Foundation

/// A task (MS-ASTASK): due dates in local and UTC form, completion, reminder, recurrence.
public struct TaskItem: Hashable, Sendable, Codable {
    public var subject: String?
    public var body: String?
    /// 0 low, 1 normal, 2 high.
    public var importance: Int
    public var startDate: Date?
    public var utcStartDate: Date?
    public var dueDate: Date?
    public var utcDueDate: Date?
    public var complete: Bool
    public var dateCompleted: Date?
    /// 0 normal, 1 personal, 2 private, 3 confidential.
    public var sensitivity: Int
    public var reminderTime: Date?
    public var categories: [String]
    public var recurrence: Recurrence?

    public init(
        subject: String? = nil, body: String? = nil, importance: Int = 1, startDate: Date? = nil,
        utcStartDate: Date? = nil, dueDate: Date? = nil, utcDueDate: Date? = nil, complete: Bool = false,
        dateCompleted: Date? = nil, sensitivity: Int = 0, reminderTime: Date? = nil, categories: [String] = [],
        recurrence: Recurrence? = nil
    ) {
        self.subject = subject
        self.body = body
        self.importance = importance
        self.startDate = startDate
        self.utcStartDate = utcStartDate
        self.dueDate = dueDate
        self.utcDueDate = utcDueDate
        self.complete = complete
        self.dateCompleted = dateCompleted
        self.sensitivity = sensitivity
        self.reminderTime = reminderTime
        self.categories = categories
        self.recurrence = recurrence
    }
}
