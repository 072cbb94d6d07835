import TernAdmin

/// The users: who they are, a form to add one, and per user a password reset and removal.
enum UsersPage {
    static func render(_ users: [UserSummary], session: ConsoleSession, notice: ConsolePage.Notice?) -> HTML {
        let csrf = ConsolePage.csrfField(session)
        let rows = users.map { user -> HTML in
            let id = "password-\(user.login.utf8.map { String($0, radix: 16) }.joined())"
            return """
                <tr>
                <td data-label="Login">\(user.login)</td>
                <td data-label="Name">\(user.displayName)</td>
                <td data-label="Addresses">\(user.emailAddresses.joined(separator: ", "))</td>
                <td data-label="Created">\(user.createdAt.consoleText)</td>
                <td data-label="Actions">
                <form method="post" action="/admin/users/password" class="row">\(csrf)
                <input type="hidden" name="login" value="\(user.login)">
                <label for="\(id)">New password for \(user.login)</label>
                <input id="\(id)" name="password" type="password" autocomplete="new-password" required>
                <button type="submit">Set password</button>
                </form>
                <form method="post" action="/admin/users/remove" class="row" \
                data-confirm="Remove user \(user.login) with all their mail, data and devices?">\(csrf)
                <input type="hidden" name="login" value="\(user.login)">
                <button type="submit" class="danger">Remove \(user.login)</button>
                </form>
                <a href="/admin/devices\(ConsolePage.userQuery(user.login))">Devices of \(user.login)</a>
                </td>
                </tr>
                """
        }
        let table: HTML =
            users.isEmpty
            ? "<p>No users yet.</p>"
            : """
            <table class="cards">
            <thead><tr><th scope="col">Login</th><th scope="col">Name</th><th scope="col">Addresses</th>\
            <th scope="col">Created</th><th scope="col">Actions</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
        return ConsolePage(title: "Users", section: .users, session: session, notice: notice).render(
            """
            \(table)
            <h2>Add a user</h2>
            <form method="post" action="/admin/users" class="panel">\(csrf)
            <label for="new-login">Login</label>
            <input id="new-login" name="login" autocomplete="off" required>
            <label for="new-name">Display name (optional)</label>
            <input id="new-name" name="displayName" autocomplete="off">
            <label for="new-address">Email address</label>
            <input id="new-address" name="address" type="email" autocomplete="off" required>
            <label for="new-password">Password</label>
            <input id="new-password" name="password" type="password" autocomplete="new-password" required>
            <button type="submit">Add user</button>
            </form>
            """)
    }
}
