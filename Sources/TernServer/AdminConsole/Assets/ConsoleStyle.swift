/// `/admin/console.css`: readable on a phone (tables become one card per row below 760 px),
/// high-contrast colours, and a focus ring on everything that takes the keyboard.
enum ConsoleStyle {
    static let text = """
        :root { --ink: #111827; --paper: #ffffff; --accent: #0b4ea2; --danger: #9b1c1c; --line: #9ca3af; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
               background: var(--paper); }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.5rem 1rem;
                 background: #1f2937; color: #ffffff; }
        header .brand { font-weight: 700; }
        header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; list-style: none; }
        header a { color: #ffffff; }
        header a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
        header .sign-out { margin-left: auto; }
        main { max-width: 80rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin-top: 2rem; }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible {
            outline: 3px solid #d97706; outline-offset: 2px; }
        label { display: block; font-weight: 600; margin-top: 0.75rem; }
        input, select { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #4b5563; border-radius: 4px;
                        max-width: 100%; }
        button { font: inherit; margin-top: 0.5rem; padding: 0.35rem 0.8rem; border: 2px solid var(--accent);
                 border-radius: 4px; background: var(--accent); color: #ffffff; cursor: pointer; }
        button.plain { background: #ffffff; color: var(--accent); }
        button.danger { background: var(--danger); border-color: var(--danger); }
        header button { margin: 0; background: #ffffff; color: #1f2937; border-color: #ffffff; }
        .panel { max-width: 28rem; }
        .hint { color: #374151; font-size: 0.9rem; }
        .notice { padding: 0.5rem 0.75rem; border: 2px solid #166534; background: #ecfdf3; color: #14532d; }
        .error { padding: 0.5rem 0.75rem; border: 2px solid var(--danger); background: #fef2f2; color: #7f1d1d; }
        form.action, form.row { display: inline-block; margin: 0 0.25rem 0.25rem 0; }
        form.action button { margin: 0; }
        form.row label { font-weight: 400; margin: 0; }
        .filter input { width: 14rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); }
        .id { font-family: ui-monospace, monospace; font-weight: 400; font-size: 0.9rem; }
        ul.rules li { margin: 0.25rem 0; }
        @media (max-width: 760px) {
            table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
            table.cards tr { display: block; margin-bottom: 1rem; border: 1px solid var(--line); border-radius: 6px; }
            table.cards th, table.cards td { display: block; border: none; padding: 0.25rem 0.75rem; }
            table.cards td::before { content: attr(data-label) ": "; font-weight: 600; }
            table.cards td.empty::before { content: none; }
        }

        """
}
