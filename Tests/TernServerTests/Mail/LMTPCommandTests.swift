import Testing

@testable import TernServer

@Suite struct LMTPCommandTests {
    static func command(_ line: String) -> LMTPCommand { LMTPCommand(line: Array(line.utf8)[...]) }

    @Test func verbsAreReadInAnyCaseWithTheirArguments() {
        #expect(Self.command("lhlo mx.example.org extra") == .lhlo(clientName: "mx.example.org"))
        #expect(
            Self.command("MAIL FROM:<carla@outside.example> SIZE=120")
                == .mail(sender: "carla@outside.example", size: 120))
        #expect(Self.command("MAIL FROM:<>") == .mail(sender: "", size: nil))
        #expect(Self.command("Rcpt To:<anna@example.org>") == .rcpt(recipient: "anna@example.org"))
        #expect(Self.command("EHLO x") == .smtpHello)
        #expect(Self.command("STARTTLS") == .unknown)
    }

    @Test(arguments: [
        "LHLO", "LHLO a\u{7}b", "MAIL FROM:carla@outside.example", "MAIL FROM:<a\nb@x>", "RCPT TO:<>",
        "RCPT TO:<an\rna@example.org>",
    ])
    func aMissingOrMalformedArgumentOrOneWithAControlCharacterIsNil(_ line: String) {
        switch Self.command(line) {
        case .lhlo(let name): #expect(name == nil)
        case .mail(let sender, _): #expect(sender == nil)
        case .rcpt(let recipient): #expect(recipient == nil)
        default: Issue.record("\(line) read as another verb")
        }
    }

    @Test func linesEndOnlyAtCRLFWhereverTheChunksBreak() {
        var reader = CRLFLineReader()
        var lines: [String] = []
        for chunk in ["a\r", "\nb\nc\r", "x\r\n.\n", "\r", "\nrest\r"] {
            reader.append(Array(chunk.utf8))
            while let line = reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        }
        #expect(lines == ["a", "b\nc\rx", ".\n"])
        #expect(reader.partialLineCount == 5)
        reader.dropPartialLine()
        reader.append(Array("\nnext\r\n".utf8))
        #expect(reader.nextLine().map { String(decoding: $0, as: UTF8.self) } == "")
        #expect(reader.nextLine().map { String(decoding: $0, as: UTF8.self) } == "next")
    }
}
