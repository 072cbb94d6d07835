/// The sign-in form: the admin token, as the JSON API takes it.
enum SignInPage {
    static func render(error: String? = nil) -> HTML {
        ConsolePage(title: "Sign in", section: nil, session: nil, notice: error.map { .error($0) }).render(
            """
            <form method="post" action="/admin/sign-in" class="panel">
            <label for="token">Admin token</label>
            <input id="token" name="token" type="password" autocomplete="current-password" required>
            <p class="hint">The <code>adminToken</code> of this server's configuration.</p>
            <button type="submit">Sign in</button>
            </form>
            """)
    }
}
