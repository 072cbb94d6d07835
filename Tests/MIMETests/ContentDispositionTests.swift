import MIME
import Testing

struct ContentDispositionTests {
    @Test(
        arguments: [
            ("attachment; filename=report.pdf", "attachment", "report.pdf"),
            ("INLINE; filename=\"logo.png\"", "inline", "logo.png"),
            ("inline", "inline", nil),
            ("attachment; filename=\"=?ISO-8859-1?Q?r=E9sum=E9.doc?=\"", "attachment", "résumé.doc"),
            ("attachment; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt", "attachment", "日本.txt"),
            ("; filename=noname.bin", "attachment", "noname.bin"),
            ("", "inline", nil),
        ] as [(String, String, String?)])
    func dispositionTypeAndFileNameAreDecoded(_ value: String, _ type: String, _ filename: String?) {
        let disposition = ContentDisposition(headerValue: value)
        #expect(disposition.type == type)
        #expect(disposition.filename == filename)
        #expect(disposition.isInline == (type == "inline"))
    }
}
