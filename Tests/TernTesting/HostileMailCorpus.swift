import Foundation

/// Mail anyone on the internet can send, built byte by byte: control characters in every
/// header and body position, invalid bytes in every charset path, oversized and degenerate
/// structure. Each must be delivered and then reach every device, whatever it asks for.
/// Shared by the corpus test and the soak benchmark.
public enum HostileMailCorpus {
    public struct Message: Sendable, CustomStringConvertible {
        public let name: String
        public let bytes: [UInt8]
        public var description: String { name }
    }

    static func message(_ name: String, _ parts: [UInt8]...) -> Message {
        Message(name: name, bytes: parts.flatMap { $0 })
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    static let headers = text("From: Mallory <mallory@evil.example>\r\nTo: anna@tern.example\r\n")
    /// Every C0 control but tab, LF and CR, and DEL.
    static let controls: [UInt8] = Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0x7F]

    static func multipart(_ boundary: String, _ parts: [[UInt8]]) -> [UInt8] {
        parts.flatMap { text("--\(boundary)\r\n") + $0 + text("\r\n") } + text("--\(boundary)--\r\n")
    }

    static func nested(depth: Int) -> [UInt8] {
        var body = text("Content-Type: text/plain\r\n\r\ninnermost\r\n")
        for level in 0..<depth {
            body = text("Content-Type: multipart/mixed; boundary=n\(level)\r\n\r\n") + multipart("n\(level)", [body])
        }
        return body
    }

    public static let all: [Message] = [
        message("NUL and controls in the Subject", headers, text("Subject: a"), controls, text("b\r\n\r\nbody\r\n")),
        message(
            "controls in every address header", text("From: \"Mal"), controls,
            text("lory\" <m@evil.example>\r\nTo: \"An\0na\" <anna@tern.example>\r\n"),
            text(
                "Cc: \"C\u{1}c\" <c@evil.example>\r\nReply-To: \"R\u{7}\" <r@evil.example>\r\nMessage-ID: <a\0b@evil>\r\n"
            ),
            text(
                "In-Reply-To: <\u{1}>\r\nReferences: <x\0y>\r\nDate: Mon, 1 Dec 2026 10:\0:00 +0000\r\nSubject: addresses\r\n\r\nbody\r\n"
            )),
        message("NUL in a plain body", headers, text("Subject: plain\r\n\r\nbefore"), controls, text("after\r\n")),
        message(
            "NUL in an HTML body", headers, text("Subject: html\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>x"),
            controls,
            text("y</p>\r\n")),
        message(
            "encoded words that decode to NULs", headers,
            text("Subject: =?utf-8?b?AAE=?= =?iso-8859-1?q?=00=01?= =?utf-8?q?=1F_end?=\r\n\r\nbody\r\n")),
        message(
            "quoted-printable NULs", headers,
            text(
                "Subject: qp\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\na=00b=1Fc=\r\n\r\n"
            )),
        message(
            "base64 NULs", headers,
            text(
                "Subject: b64\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+YQBiAWM8L3A+\r\n"
            )),
        message(
            "invalid UTF-8 labelled UTF-8", headers, text("Subject: caf"), [0xC3, 0x28, 0xFF, 0xFE],
            text("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"),
            [0xF0, 0x28, 0x8C, 0x28, 0xC0, 0xAF, 0xED, 0xA0, 0x80], text("\r\n")),
        message(
            "invalid bytes in every charset path", headers,
            text("Subject: charsets\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n"),
            multipart(
                "c",
                [
                    "iso-2022-jp", "shift_jis", "gb2312", "koi8-r", "euc-jp", "big5", "x-unknown", "utf-16",
                    "windows-1252",
                ].map {
                    text("Content-Type: text/plain; charset=\($0)\r\n\r\n") + [
                        0x1B, 0x24, 0x42, 0xFF, 0x00, 0x80, 0x81, 0xA1, 0x00, 0xFE,
                    ]
                })),
        message(
            "control characters in attachment names", headers,
            text("Subject: names\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n"),
            multipart(
                "a",
                [
                    text("Content-Type: text/plain\r\n\r\nsee attached"),
                    text(
                        "Content-Type: application/pdf; name=\"\u{1}evil\u{0}.pdf\"\r\nContent-ID: <c\0id>\r\n\r\n%PDF"),
                    text(
                        "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename*=utf-8''a%00b%1F.txt\r\n\r\nx"
                    ),
                    text(
                        "Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"=?utf-8?q?n=00ul.txt?=\"\r\n\r\nx"
                    ),
                ])),
        message(
            "a 1 MB header line", headers, text("Subject: long\r\nX-Long: "), Array(repeating: 0x61, count: 1_000_000),
            text("\r\n\r\nbody\r\n")),
        message("a 1 MB body of NULs", headers, text("Subject: zeros\r\n\r\n"), Array(repeating: 0, count: 1 << 20)),
        message("1,000 nested multiparts", headers, text("Subject: deep\r\n"), nested(depth: 1_000)),
        message(
            "a 100,000-part message", headers,
            text("Subject: wide\r\nContent-Type: multipart/mixed; boundary=w\r\n\r\n"),
            multipart("w", Array(repeating: text("\r\nx"), count: 100_000))),
        message(
            "a zero-length boundary", headers,
            text(
                "Subject: empty boundary\r\nContent-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\n\r\nx\r\n----\r\n"
            )),
        message(
            "an attached message with a NUL Subject", headers,
            text("Subject: forward\r\nContent-Type: multipart/mixed; boundary=f\r\n\r\n"),
            multipart(
                "f",
                [text("Content-Type: message/rfc822\r\n\r\nSubject: in\0ner\r\nFrom: \u{2}x@y\r\n\r\nin\u{0}ner body")])
        ),
        message("bare CRs and LFs", headers, text("Subject: line\rends\r\n\nbody\rwith\n\r\nbreaks\0\r")),
        message(
            "unlabelled 8-bit bytes in headers", text("From: "), [0xFF, 0xC0, 0x00],
            text(" <x@y>\r\nTo: anna@tern.example\r\nSubject: "), [0x80, 0x9F, 0x00, 0xFE], text("\r\n\r\nbody\r\n")),
        message("no headers at all", text("\r\n\0\u{1}")),
    ]
}
