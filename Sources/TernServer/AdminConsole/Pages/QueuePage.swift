import TernStore

/// The outbound queue, read-only: the messages waiting for the relay, as `tern queue list`
/// shows them (retrying or dropping one stays with the CLI).
enum QueuePage {
    static func render(_ messages: [QueuedMessage], session: ConsoleSession, notice: ConsolePage.Notice?) -> HTML {
        let rows = messages.map { message -> HTML in
            """
            <tr>
            <td data-label="ID">\(message.id)</td>
            <td data-label="From">\(message.sender)</td>
            <td data-label="To">\(message.recipients.joined(separator: ", "))</td>
            <td data-label="Bytes">\(message.size)</td>
            <td data-label="Queued">\(message.queuedAt.consoleText)</td>
            <td data-label="Attempts">\(message.attempts)</td>
            <td data-label="Next attempt">\(message.nextAttemptAt.consoleText)</td>
            <td data-label="Last error">\(message.lastError ?? "-")</td>
            </tr>
            """
        }
        let content: HTML =
            messages.isEmpty
            ? "<p>The queue is empty: no mail is waiting for the relay.</p>"
            : """
            <table class="cards">
            <thead><tr><th scope="col">ID</th><th scope="col">From</th><th scope="col">To</th>\
            <th scope="col">Bytes</th><th scope="col">Queued</th><th scope="col">Attempts</th>\
            <th scope="col">Next attempt</th><th scope="col">Last error</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        return ConsolePage(title: "Outbound queue", section: .queue, session: session, notice: notice).render(content)
    }
}
