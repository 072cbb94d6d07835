import MIME
import Testing

struct ContentTypeTests {
    @Test(arguments: [
        ("text/plain; charset=us-ascii", "text/plain"),
        ("TEXT/HTML; charset=UTF-8", "text/html"),
        ("multipart/alternative;\r\n boundary=\"x\"", "multipart/alternative"),
        ("image / png", "image/png"),
        ("text", "text/plain"),
        ("text/", "text/plain"),
        ("", "text/plain"),
        ("garbage;charset=utf-8", "text/plain"),
        ("\"application/pdf\"", "application/pdf"),
    ])
    func mediaTypesAreReadTolerantlyWithThePlainTextDefault(_ value: String, _ mimeType: String) {
        #expect(ContentType(headerValue: value).mimeType == mimeType)
    }

    @Test func anInvalidTypeKeepsItsCharset() {
        let type = ContentType(headerValue: "garbage; charset=koi8-r")
        #expect(type.mimeType == "text/plain")
        #expect(type.charset == "koi8-r")
    }

    @Test func nameParameterIsDecodedLikeAFileName() {
        #expect(
            ContentType(headerValue: "image/png; name=\"=?UTF-8?B?w5xiZXJzaWNodC5wbmc=?=\"").name == "Übersicht.png")
        #expect(ContentType(headerValue: "image/png; name=\"  \"").name == nil)
    }

    @Test func classificationFollowsTheTopLevelType() {
        #expect(ContentType(headerValue: "multipart/signed; boundary=b").isMultipart)
        #expect(ContentType(headerValue: "message/rfc822").isEncapsulatedMessage)
        #expect(ContentType(headerValue: "message/global").isEncapsulatedMessage)
        #expect(!ContentType(headerValue: "message/delivery-status").isEncapsulatedMessage)
        #expect(ContentType(headerValue: "multipart/mixed; boundary=\"\"").boundary == nil)
    }
}
