import TernStore

/// The device policy: the default and each user's override, their PIN rules in words and
/// their settings as the EASProvisionDoc names them, and a form to change one setting.
enum PolicyPage {
    static func render(
        default stored: StoredPolicy, overrides: [(login: String, policy: StoredPolicy)], session: ConsoleSession,
        notice: ConsolePage.Notice?
    ) -> HTML {
        let sections = overrides.map { override -> HTML in
            section("Override for \(override.login)", override.policy, level: 3)
        }
        let overridesHTML: HTML =
            overrides.isEmpty
            ? "<p>No user has a policy of their own; the default applies to everyone.</p>" : "\(sections)"
        let options = DevicePolicy().settings.map { setting -> HTML in
            "<option value=\"\(setting.name)\">\(setting.name)</option>"
        }
        return ConsolePage(title: "Policy", section: .policy, session: session, notice: notice).render(
            """
            \(section("Default policy", stored, level: 2))
            <h2>Per-user overrides</h2>
            \(overridesHTML)
            <h2>Change a setting</h2>
            <form method="post" action="/admin/policy" class="panel">\(ConsolePage.csrfField(session))
            <label for="setting-name">Setting</label>
            <select id="setting-name" name="name">\(options)</select>
            <label for="setting-value">Value (1 or 0 for switches, a number, or none for no limit)</label>
            <input id="setting-value" name="value" autocomplete="off" required>
            <label for="setting-user">For user (empty: the default policy)</label>
            <input id="setting-user" name="user" autocomplete="off">
            <button type="submit">Change setting</button>
            </form>
            <p class="hint">Every device concerned provisions again to receive the change.</p>
            """)
    }

    /// One policy under a heading of `level` (an override sits under "Per-user overrides").
    private static func section(_ heading: String, _ stored: StoredPolicy, level: Int) -> HTML {
        let rules = stored.policy.rulesInWords.map { rule -> HTML in "<li>\(rule)</li>" }
        let settings = stored.policy.settings.map { setting -> HTML in
            "<tr><th scope=\"row\">\(setting.name)</th><td>\(setting.value)</td></tr>"
        }
        return """
            <section class="policy">
            <h\(level)>\(heading) (version \(stored.version))</h\(level)>
            <ul class="rules">\(rules)</ul>
            <details><summary>Settings as sent to devices</summary>
            <table class="settings"><thead><tr><th scope="col">Setting</th><th scope="col">Value</th></tr></thead>
            <tbody>\(settings)</tbody></table>
            </details>
            </section>
            """
    }
}
