/// A message a user sent (SendMail, SmartReply, SmartForward), filed in one transaction: a
/// copy in each local recipient's folder and the sender's Sent Items, the message for other
/// servers in the outbound queue, and the device's ClientId, so
/// that the same request resent after a lost response files nothing twice.
public struct Submission: Sendable {
    /// One copy to file: a folder of any user, and the message as it lands there.
    public struct Copy: Sendable {
        public var folderID: Folder.ID
        public var content: ItemContent

        public init(folderID: Folder.ID, content: ItemContent) {
            self.folderID = folderID
            self.content = content
        }
    }

    /// The sender.
    public var userID: User.ID
    /// The device's ClientId; nil (12.1, which has none) files every time.
    public var clientID: String?
    public var copies: [Copy]
    /// What goes to other servers through the relay; queued in the same transaction.
    public var outbound: OutboundMessage?

    public init(userID: User.ID, clientID: String?, copies: [Copy], outbound: OutboundMessage? = nil) {
        self.userID = userID
        self.clientID = clientID
        self.copies = copies
        self.outbound = outbound
    }
}

/// What `Store.submit` did.
public enum SubmissionOutcome: Sendable {
    /// Every copy was filed, in the order given.
    case submitted([Item])
    /// The sender's ClientId was submitted before: nothing was filed.
    case previouslySent
}
