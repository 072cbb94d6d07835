import TernAdmin

/// The devices, of everyone or of one user: what each is, where it is in provisioning and
/// wiping, and its actions, each confirmed by name. The page's script polls
/// `/admin/devices/state` and writes changed states in place (`DeviceState`).
enum DevicesPage {
    static func render(
        _ devices: [DeviceSummary], of login: String?, session: ConsoleSession, notice: ConsolePage.Notice?
    ) -> HTML {
        let rows = devices.map { row($0, filter: login, session: session) }
        // The table is there even when empty, so that the script sees the first device arrive.
        let body: HTML =
            devices.isEmpty
            ? "<tr><td colspan=\"10\" class=\"empty\">No devices yet: a device appears here once it connects.</td></tr>"
            : "\(rows)"
        let table: HTML = """
            <table class="cards" data-poll="/admin/devices/state\(ConsolePage.userQuery(login))">
            <thead><tr><th scope="col">Device</th><th scope="col">User</th><th scope="col">Type</th>\
            <th scope="col">Protocol</th><th scope="col">First seen</th><th scope="col">Last seen</th>\
            <th scope="col">Policy</th><th scope="col">Wipe</th><th scope="col">Access</th>\
            <th scope="col">Actions</th></tr></thead>
            <tbody aria-live="polite">\(body)</tbody>
            </table>
            """
        let title = login.map { "Devices of \($0)" } ?? "Devices"
        let everyone: HTML = login == nil ? "" : "<p><a href=\"/admin/devices\">Show every user's devices</a></p>"
        return ConsolePage(title: title, section: .devices, session: session, notice: notice).render(
            """
            <form method="get" action="/admin/devices" class="filter">
            <label for="filter-user">Show the devices of one user</label>
            <input id="filter-user" name="user" value="\(login ?? "")" autocomplete="off">
            <button type="submit">Show</button>
            </form>
            \(everyone)
            \(table)
            """)
    }

    private static func row(_ device: DeviceSummary, filter: String?, session: ConsoleSession) -> HTML {
        let state = DeviceState(device)
        let actions = DeviceAction.allCases.filter { $0.applies(to: device) }.map { action -> HTML in
            let style = action.isDestructive ? "danger" : "plain"
            return """
                <form method="post" action="/admin/devices/action" class="action" \
                data-confirm="\(action.confirmation(for: device))">\(ConsolePage.csrfField(session))
                <input type="hidden" name="user" value="\(device.user)">
                <input type="hidden" name="device" value="\(device.deviceID)">
                <input type="hidden" name="action" value="\(action.rawValue)">
                <input type="hidden" name="filter" value="\(filter ?? "")">
                <button type="submit" class="\(style)" \
                aria-label="\(action.label) \(DeviceAction.name(of: device))">\(action.label)</button>
                </form>
                """
        }
        return """
            <tr data-device="\(state.key)">
            <th scope="row" data-label="Device">\(device.model ?? "unknown model")<br>\
            <span class="id">\(device.deviceID)</span></th>
            <td data-label="User">\(device.user)</td>
            <td data-label="Type">\(device.deviceType)</td>
            <td data-label="Protocol">\(device.protocolVersion ?? "-")</td>
            <td data-label="First seen">\(device.firstSeen.consoleText)</td>
            <td data-label="Last seen" data-field="lastSeen">\(state.lastSeen)</td>
            <td data-label="Policy" data-field="policy">\(state.policy)</td>
            <td data-label="Wipe" data-field="wipe">\(state.wipe)</td>
            <td data-label="Access" data-field="access">\(state.access)</td>
            <td data-label="Actions">\(actions)</td>
            </tr>
            """
    }
}
