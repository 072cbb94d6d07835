extension CodePage {
    /// Every ActiveSync code page, indexed by page number (MS-ASWBXML 2.1.2.1).
    public static let all: [CodePage] = [
        .airSync,  // 0
        .contacts,  // 1
        .email,  // 2
        .airNotify,  // 3
        .calendar,  // 4
        .move,  // 5
        .getItemEstimate,  // 6
        .folderHierarchy,  // 7
        .meetingResponse,  // 8
        .tasks,  // 9
        .resolveRecipients,  // 10
        .validateCert,  // 11
        .contacts2,  // 12
        .ping,  // 13
        .provision,  // 14
        .search,  // 15
        .gal,  // 16
        .airSyncBase,  // 17
        .settings,  // 18
        .documentLibrary,  // 19
        .itemOperations,  // 20
        .composeMail,  // 21
        .email2,  // 22
        .notes,  // 23
        .rightsManagement,  // 24
        .find,  // 25
    ]
}
