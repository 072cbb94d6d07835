/// The frame of every console page: a phone-sized viewport, the style sheet and script
/// files, the navigation, and a notice or an error above the page's own content.
struct ConsolePage {
    /// Where a page sits in the navigation.
    enum Section: String, CaseIterable {
        case users, devices, policy, queue

        var title: String {
            switch self {
            case .users: "Users"
            case .devices: "Devices"
            case .policy: "Policy"
            case .queue: "Outbound queue"
            }
        }
    }

    /// What the last action came to: done, or refused and why.
    enum Notice {
        case done(String)
        case error(String)
    }

    let title: String
    let section: Section?
    /// The signed-in session, whose CSRF token every form carries; nil on the sign-in page.
    let session: ConsoleSession?
    var notice: Notice?

    func render(_ content: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Tern admin</title>
        <link rel="stylesheet" href="/admin/console.css">
        <script src="/admin/console.js" defer></script>
        </head>
        <body>
        <header>
        <span class="brand">Tern admin</span>
        \(navigation)
        </header>
        <main>
        <h1>\(title)</h1>
        \(noticeHTML)
        \(content)
        </main>
        </body>
        </html>

        """
    }

    /// `?user=LOGIN`, encoded, to show one user's devices; empty without a user.
    static func userQuery(_ login: String?) -> String {
        login.map { "?user=" + $0.addingPercentEncodingForQuery } ?? ""
    }

    /// The hidden field that carries the session's CSRF token in a form.
    static func csrfField(_ session: ConsoleSession) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(session.csrfToken)\">"
    }

    private var navigation: HTML {
        guard let session else { return "" }
        let links = Section.allCases.map { link -> HTML in
            let current: HTML = link == section ? " aria-current=\"page\"" : ""
            return "<li><a href=\"/admin/\(link.rawValue)\"\(current)>\(link.title)</a></li>"
        }
        return """
            <nav aria-label="Console"><ul>\(links)</ul></nav>
            <form method="post" action="/admin/sign-out" class="sign-out">\(Self.csrfField(session))\
            <button type="submit">Sign out</button></form>
            """
    }

    private var noticeHTML: HTML {
        switch notice {
        case .done(let text): "<p class=\"notice\" role=\"status\">\(text)</p>"
        case .error(let text): "<p class=\"error\" role=\"alert\">\(text)</p>"
        case nil: ""
        }
    }
}
