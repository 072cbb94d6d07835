import MIME
import Testing

struct MIMEParametersTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let field: String
        let name: String
        let value: String?
        var testDescription: String { field }
    }

    static let cases: [Case] = [
        Case(field: "text/plain; charset=utf-8", name: "charset", value: "utf-8"),
        Case(field: "text/plain; CHARSET=\"ISO-8859-1\"", name: "charset", value: "ISO-8859-1"),
        Case(
            field: "attachment; filename=\"a \\\"quoted\\\" name.txt\"", name: "filename",
            value: "a \"quoted\" name.txt"),
        Case(field: "attachment; filename=unquoted name.txt; size=10", name: "filename", value: "unquoted name.txt"),
        Case(field: "attachment; filename=\"unterminated.txt", name: "filename", value: "unterminated.txt"),
        Case(field: "attachment;filename*=UTF-8''%E2%82%AC%20rates.pdf", name: "filename", value: "€ rates.pdf"),
        Case(field: "attachment; filename*=iso-8859-1'fr'caf%E9.txt", name: "filename", value: "café.txt"),
        Case(
            field: "attachment; filename*0*=UTF-8''%E2%82; filename*1*=%AC; filename*2=\" tail.txt\"", name: "filename",
            value: "€ tail.txt"),
        Case(
            field: "attachment; filename*1=\"second\"; filename*0=\"first-\"", name: "filename", value: "first-second"),
        Case(
            field: "attachment; filename=\"fallback.txt\"; filename*=UTF-8''pr%C3%A9f%C3%A9r%C3%A9.txt",
            name: "filename", value: "préféré.txt"),
        Case(field: "attachment; filename*=''no-charset%20here", name: "filename", value: "no-charset here"),
        Case(field: "attachment; filename*=bad%ZZescape", name: "filename", value: "bad%ZZescape"),
        Case(field: "multipart/mixed; boundary=\"----=_Part_1\"", name: "boundary", value: "----=_Part_1"),
        Case(field: "text/plain; novalue; charset=us-ascii", name: "charset", value: "us-ascii"),
        Case(field: "text/plain (a comment; with semicolon); charset=koi8-r", name: "charset", value: "koi8-r"),
        Case(field: "text/plain;;; =x; charset=big5", name: "charset", value: "big5"),
        Case(field: "text/plain", name: "charset", value: nil),
    ]

    @Test(arguments: cases)
    func parametersAreReadWithRFC2231Assembly(_ example: Case) {
        let value = ContentDisposition(headerValue: example.field).parameters[example.name]
        #expect(value == example.value)
    }

    @Test func parameterOrderIsKeptAndNamesAreLowerCased() {
        let parameters = ContentType(headerValue: "text/plain; Format=flowed; DelSp=yes; charset=utf-8").parameters
        #expect(parameters.all.map(\.name) == ["format", "delsp", "charset"])
        #expect(parameters["DELSP"] == "yes")
    }
}
