import MIME

extension CorpusFixture {
    static let all: [CorpusFixture] = [
        CorpusFixture(
            file: "plain-ascii.eml", subject: "Lunch on Thursday?",
            from: [mailbox("Alice Example", "alice@example.com")], to: [mailbox("Bob", "bob@tern.test")],
            cc: [mailbox("Carol C.", "carol@example.org")], date: utc(2024, 3, 5, 13, 3),
            messageID: "20240305130300.GA1234@example.com",
            plainStart: "Hi Bob,\n\nare you free for lunch on Thursday? The usual place at noon.\n\nAlice\n",
            preview: "Hi Bob, are you free for lunch on Thursday? The usual place at noon. Alice"),
        CorpusFixture(
            file: "plain-utf8-8bit.eml", subject: "Grüße aus Köln",
            from: [mailbox("Jörg Müller", "joerg@example.de")], to: [mailbox("Tern Team", "team@tern.test")],
            date: utc(2024, 3, 6, 9, 15, 42), messageID: "a1b2c3@example.de",
            plainStart: "Hallo zusammen,\n\nviele Grüße aus Köln – das Wetter ist schön, 20 °C.\nΕλληνικά και 日本語",
            preview:
                "Hallo zusammen, viele Grüße aus Köln – das Wetter ist schön, 20 °C. Ελληνικά και 日本語 funktionieren auch. Jörg"
        ),
        CorpusFixture(
            file: "quoted-printable-latin1.eml", subject: "Menu du café",
            from: [mailbox("François Lefèvre", "francois@example.fr")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 7, 11, 0), messageID: "menu.42@example.fr",
            plainStart: "Au menu aujourd'hui : café crème, crêpes et crème brûlée. Une très longue ligne qui continue "
                + "après un saut de ligne doux. \nTrailing spaces here are dropped.\nPrix = 12 euros, © 2024 Café François.\n",
            preview:
                "Au menu aujourd'hui : café crème, crêpes et crème brûlée. Une très longue ligne qui continue après un "
                + "saut de ligne doux. Trailing spaces here are dropped. Prix = 12 euros, © 2024 Café François."),
        CorpusFixture(
            file: "html-only.eml", subject: "Spring sale: 20% off",
            from: [mailbox("Newsletter", "news@shop.example")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 8, 12, 30), messageID: "news-2024-03@shop.example",
            htmlContains: "<h1>Spring&nbsp;sale</h1>",
            preview: "Spring sale Everything is 20% off & shipping is free until Sunday. Café é é ☺"),
        CorpusFixture(
            file: "multipart-alternative.eml", subject: "Re: Q1 figures",
            from: [mailbox("Dana Scully", "dana@example.com")], to: [mailbox("Bob", "bob@tern.test")],
            date: utc(2024, 3, 11, 14, 45, 10), messageID: "CAF=q1-reply@mail.example.com", importance: .high,
            plainStart: "Hi Bob,\n\nthe figures for Q1 are attached to the wiki — revenue is up 12 %.",
            htmlContains: "<b>Q1</b>",
            preview: "Hi Bob, the figures for Q1 are attached to the wiki — revenue is up 12 %. Cheers, Dana"),
        CorpusFixture(
            file: "multipart-mixed-attachments.eml", subject: "Invoice and overview",
            from: [mailbox("Erin", "erin@example.net")],
            to: [mailbox(nil, "bob@tern.test"), mailbox("Frank", "frank@example.net")],
            cc: [mailbox("Grégoire", "gregoire@example.net")], date: utc(2024, 3, 12, 8, 0),
            messageID: "invoice-march@example.net",
            plainStart: "Please find the invoice and the overview attached.", htmlContains: "<i>invoice</i>",
            preview: "Please find the invoice and the overview attached.",
            attachments: [
                Attachment(filename: "€ Rechnung März.pdf", mimeType: "application/pdf", size: 1200),
                Attachment(filename: "Übersicht.png", mimeType: "image/png", size: 333),
            ]),
        CorpusFixture(
            file: "multipart-related-inline-image.eml", subject: "Our new logo",
            from: [mailbox("Marketing", "hello@brand.example")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 13, 9, 20, 30), messageID: "logo-launch@brand.example",
            htmlContains: "<img src=\"cid:logo@brand.example\"", preview: "This is our new logo.",
            attachments: [
                Attachment(
                    filename: "logo.png", mimeType: "image/png", size: 128, contentID: "logo@brand.example",
                    isInline: true),
                Attachment(
                    filename: nil, mimeType: "image/gif", size: 43, contentID: "spacer.gif@brand.example",
                    isInline: true),
            ]),
        CorpusFixture(
            file: "charset-windows-1252.eml", subject: "“Quoted” price – €5",
            from: [mailbox("Shop", "shop@example.com")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 14, 11, 0),
            plainStart: "Dear customer,\n\n“Smart quotes” cost €5 – that’s all.\nNaïve café ™",
            preview: "Dear customer, “Smart quotes” cost €5 – that’s all. Naïve café ™"),
        CorpusFixture(
            file: "charset-koi8-r.eml", subject: "Привет из Москвы",
            from: [mailbox("Иван Петров", "ivan@example.ru")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 15, 6, 0),
            plainStart: "Здравствуйте, Боб!\n\nВстреча переносится на пятницу.",
            preview: "Здравствуйте, Боб! Встреча переносится на пятницу."),
        CorpusFixture(
            file: "charset-iso-2022-jp.eml", subject: "会議の件",
            from: [mailbox("鈴木一郎", "suzuki@example.jp")], to: [mailbox(nil, "yamada@example.jp")],
            date: utc(2024, 3, 16, 1, 0),
            plainStart: "山田様\n\nお世話になっております。\n会議の資料を送ります。",
            preview: "山田様 お世話になっております。 会議の資料を送ります。"),
        CorpusFixture(
            file: "charset-shift-jis.eml", subject: "お知らせ",
            from: [mailbox(nil, "tanaka@example.jp")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 17, 9, 30),
            plainStart: "こんにちは、世界。\nシフトJISの本文です。",
            preview: "こんにちは、世界。 シフトJISの本文です。"),
        CorpusFixture(
            file: "charset-gb2312-meta.eml", subject: "你好",
            from: [mailbox(nil, "li@example.cn")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 18, 0, 8, 8),
            htmlContains: "<p>你好，世界！这是简体中文邮件。</p>", preview: "你好，世界！这是简体中文邮件。"),
        CorpusFixture(
            file: "encoded-word-subjects.eml", subject: "🐦 Tern pushes mail — für alle, été und 日本語",
            from: [mailbox("Zoë Smith", "zoe@example.com")],
            to: [mailbox("山田太郎", "taro@example.jp"), mailbox("Doe, Jane", "jane@example.com")],
            date: utc(2024, 3, 19, 19, 34, 56),
            plainStart: "Encoded words everywhere.", preview: "Encoded words everywhere."),
        CorpusFixture(
            file: "broken-final-boundary.eml", subject: "Weekly report",
            from: [mailbox(nil, "reports@example.com")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 20, 6, 0),
            plainStart: "The weekly report is attached.\n", preview: "The weekly report is attached.",
            attachments: [Attachment(filename: "report.csv", mimeType: "text/csv", size: 41)]),
        CorpusFixture(
            file: "boundary-absent.eml", subject: "Boundary mismatch",
            from: [mailbox(nil, "old-mailer@example.com")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 21, 13, 0),
            plainStart:
                "--other-boundary\nContent-Type: text/plain\n\nThe declared boundary never occurs in this body.",
            preview:
                "--other-boundary Content-Type: text/plain The declared boundary never occurs in this body. --other-boundary--"
        ),
        CorpusFixture(
            file: "bare-lf.eml", subject: "Line endings from a Unix mailer",
            from: [mailbox("Unix User", "user@host.example")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 22, 23, 59, 59), messageID: "lf@host.example",
            plainStart: "Only LF here, no CR at all. Soft break works.", htmlContains: "<p>Only LF here.</p>",
            preview: "Only LF here, no CR at all. Soft break works."),
        CorpusFixture(
            file: "rfc822-attachment.eml", subject: "Fwd: Original: budget 2024",
            from: [mailbox("Heidi", "heidi@example.org")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 5, 15, 0),
            plainStart: "See the forwarded message below.", preview: "See the forwarded message below.",
            attachments: [Attachment(filename: "Original message.eml", mimeType: "message/rfc822", size: 469)]),
        CorpusFixture(
            file: "calendar-invitation.eml", subject: "Invitation: Design review",
            from: [mailbox("Ivy Organizer", "ivy@example.com")], to: [mailbox("Bob", "bob@tern.test")],
            date: utc(2024, 3, 23, 15, 0), messageID: "invite-design-review@example.com",
            plainStart: "When: Monday, 25 March 2024 14:00-15:00 UTC\nWhere: Room 4", htmlContains: "Where: Room 4",
            preview: "When: Monday, 25 March 2024 14:00-15:00 UTC Where: Room 4",
            attachments: [
                Attachment(filename: nil, mimeType: "text/calendar", size: 433),
                Attachment(filename: "invite.ics", mimeType: "application/ics", size: 433),
            ]),
        CorpusFixture(
            file: "header-garbage-8bit.eml", subject: "Réunion d'équipe =?utf-8?Q?incomplete",
            from: [mailbox("Zoë", "zoe@example.com")], to: [mailbox(nil, "bob@tern.test")],
            date: utc(2024, 3, 5, 19, 3), importance: .low,
            plainStart: "Le compte rendu de la réunion suit.", preview: "Le compte rendu de la réunion suit."),
        CorpusFixture(
            file: "mbox-groups-no-blank-line.eml", subject: "Groups and odd addresses",
            from: [mailbox("Ops", "ops@example.com")], to: [],
            cc: [
                mailbox("A. Person", "a@example.com", group: "Team"), mailbox(nil, "b@example.com", group: "Team"),
                mailbox("Doe, John", "jd@example.com"),
            ],
            date: utc(2024, 3, 5, 14, 3),
            plainStart: "This first line is not a header, so the body starts here.\nSecond line.\n",
            preview: "This first line is not a header, so the body starts here. Second line."),
        CorpusFixture(
            file: "body-only.eml", plainStart: "Just a note without any headers.\nNothing else.\n",
            preview: "Just a note without any headers. Nothing else."),
    ]
}
