public import ActiveSync

/// A recurrence pattern as EAS carries it (MS-ASCAL 2.2.2.38, MS-ASTASK 2.2.2.20), kept in
/// the protocol's own form.
///
/// `type`: 0 daily, 1 weekly, 2 monthly on a day, 3 monthly on the nth weekday,
/// 5 yearly on a day, 6 yearly on the nth weekday. `dayOfWeek` is a bit mask,
/// Sunday = 1 ... Saturday = 64.
public typealias Recurrence = RecurrenceData
