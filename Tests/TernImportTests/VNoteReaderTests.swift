import Foundation
import TernImport
import TernStore
import Testing

@Test func aQuotedPrintableBodyContinuesAcrossSoftLineBreaks() throws {
    let text = [
        "BEGIN:VNOTE", "VERSION:1.1", "BODY;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Einkauf:=0D=0AMilch, K=C3=A4se=",
        "und Brot=", "=0D=0AEnde", "SUMMARY:Einkauf", "END:VNOTE",
    ].joined(separator: "\r\n")
    let batch = VNoteReader().read(Data(text.utf8))
    let note = try #require(batch.imported.first)
    #expect(note.body == "Einkauf:\r\nMilch, Käseund Brot\r\nEnde")
    #expect(note.subject == "Einkauf" && batch.warnings.isEmpty)
}

@Test func aPlainValueEndingInAnEqualsSignDoesNotSwallowTheNextLine() throws {
    let text = ["BEGIN:VNOTE", "VERSION:1.1", "BODY:x=", "SUMMARY:Sum", "END:VNOTE"].joined(separator: "\r\n")
    let note = try #require(VNoteReader().read(Data(text.utf8)).imported.first)
    #expect(note.body == "x=" && note.subject == "Sum")
}
