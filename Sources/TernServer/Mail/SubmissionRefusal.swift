import ActiveSync

/// Why SendMail, SmartReply or SmartForward sent nothing, with the common status the device is
/// answered (MS-ASCMD 2.2.2).
struct SubmissionRefusal: CommandRefusal, CustomStringConvertible {
    let status: CommonStatus
    /// What was wrong, for the log.
    let reason: String

    init(_ status: CommonStatus, _ reason: String) {
        self.status = status
        self.reason = reason
    }

    var description: String { "\(reason) (\(status))" }
}
