import Foundation
import Testing

@testable import TernImport

private func document(_ text: String, limits: ImportLimits = .default) -> ContentDocument {
    ContentDocument(text: text, limits: limits)
}

private func line(_ text: String) throws -> ContentLine {
    try ContentLine.parse(Array(text.utf8), line: 1)
}

@Test(arguments: ["\r\n", "\n"], [" ", "\t"])
func foldedLinesAreJoinedWhateverTheLineEndingAndFoldCharacter(lineEnding: String, fold: String) throws {
    let text = ["BEGIN:VCARD", "NOTE:Hel", "\(fold)lo, wor", "\(fold)ld", "END:VCARD"].joined(separator: lineEnding)
    let parsed = document(text)
    let card = try #require(parsed.components.first)
    #expect(card.property("NOTE")?.rawValue == "Hello, world")
    #expect(card.property("NOTE")?.line == 2)
    #expect(parsed.warnings.warnings.isEmpty)
}

@Test func onlyOneWhitespaceCharacterOfAFoldIsRemoved() throws {
    let card = try #require(document("BEGIN:X\r\nNOTE:two\r\n  spaces\r\nEND:X\r\n").components.first)
    #expect(card.property("NOTE")?.rawValue == "two spaces")
}

@Test func quotedParameterValuesMayHoldColonsSemicolonsAndCommas() throws {
    let parsed = try line(#"ATTENDEE;CN="Doe, Jane";X-NOTE="a:b;c";ROLE=REQ-PARTICIPANT:mailto:jane@example.com"#)
    #expect(parsed.name == "ATTENDEE")
    #expect(parsed.parameter("CN") == "Doe, Jane")
    #expect(parsed.parameter("X-NOTE") == "a:b;c")
    #expect(parsed.parameter("ROLE") == "REQ-PARTICIPANT")
    #expect(parsed.rawValue == "mailto:jane@example.com")
}

@Test func parameterListsAndRepeatedParametersAllCountAsTypes() throws {
    #expect(try line("TEL;TYPE=work,voice;type=PREF:+1").types == ["work", "voice", "pref"])
    #expect(try line(#"TEL;TYPE="cell,text":+1"#).types == ["cell", "text"])
    #expect(try line("TEL;WORK;FAX:+1").types == ["work", "fax"])
}

@Test func aGroupPrefixIsSplitFromTheName() throws {
    let parsed = try line("item1.EMAIL;type=INTERNET:john@example.com")
    #expect(parsed.group == "item1")
    #expect(parsed.name == "EMAIL")
}

@Test func namesAndParameterNamesAreCaseInsensitive() throws {
    let parsed = try line("dtStart;tzid=Europe/Berlin:20250310T090000")
    #expect(parsed.name == "DTSTART")
    #expect(parsed.parameter("TZID") == "Europe/Berlin")
}

@Test func textEscapesAreDecoded() throws {
    #expect(try line(#"NOTE:a\,b\;c\\d\ne\Nf"#).text == "a,b;c\\d\ne\nf")
    #expect(try line(#"URL:http\://example.com"#).text == "http://example.com")
}

@Test func structuredValuesSplitOnlyAtUnescapedSeparators() throws {
    let parsed = try line(#"N:Doe\, Jr.;John;Paul,Ringo;;"#)
    #expect(parsed.structuredValues == [["Doe, Jr."], ["John"], ["Paul", "Ringo"], [""], [""]])
    #expect(try line(#"CATEGORIES:a\,b,c"#).listValues == ["a,b", "c"])
}

@Test func caretEscapesInParameterValuesAreDecoded() throws {
    #expect(
        try line("ADR;LABEL=\"1 Main St^nSpringfield ^'home^' ^^\":;;1 Main St").parameter("LABEL")
            == "1 Main St\nSpringfield \"home\" ^")
}

@Test(arguments: ["no colon here", ";starts with a semicolon:x", "BAD NAME:x", #"X;P="unterminated:x"#])
func aMalformedLineIsSkippedWithACountedWarning(bad: String) throws {
    let parsed = document("BEGIN:VCARD\n\(bad)\nFN:Kept\nEND:VCARD\n")
    let card = try #require(parsed.components.first)
    #expect(card.property("FN")?.text == "Kept")
    #expect(parsed.warnings.warnings.count == 1)
    #expect(parsed.warnings.warnings.first?.line == 2)
}

@Test func warningsBeyondTheLimitAreCountedNotKept() {
    let text = (["BEGIN:X"] + Array(repeating: "junk", count: 25) + ["END:X"]).joined(separator: "\n")
    let parsed = document(text, limits: ImportLimits(maxWarnings: 10))
    #expect(parsed.warnings.warnings.count == 10)
    #expect(parsed.warnings.dropped == 15)
}

@Test func componentsNestAndKeepTheirBeginLine() throws {
    let parsed = document(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VALARM\nTRIGGER:-PT5M\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR")
    let calendar = try #require(parsed.components.first)
    let event = try #require(calendar.components("VEVENT").first)
    #expect(event.line == 2)
    #expect(event.components("VALARM").first?.property("TRIGGER")?.text == "-PT5M")
    #expect(calendar.problem == nil && event.problem == nil)
}

@Test func nestingDeeperThanTheLimitMarksTheDeepestKeptComponentAndSparesTheNextOne() throws {
    let deep = (1...12).map { "BEGIN:X\($0)" } + ["SUMMARY:too deep"] + (1...12).reversed().map { "END:X\($0)" }
    let text = (deep + ["BEGIN:VCARD", "FN:Next", "END:VCARD"]).joined(separator: "\n")
    let parsed = document(text, limits: ImportLimits(maxDepth: 8))
    #expect(parsed.components.count == 2)
    var component = parsed.components[0]
    for _ in 1..<8 { component = try #require(component.components.first) }
    #expect(component.name == "X8")
    #expect(component.components.isEmpty)
    #expect(component.problem == ImportSkip("components nested deeper than 8 at line 9", line: 8))
    #expect(parsed.components[1].name == "VCARD")
    #expect(parsed.components[1].problem == nil)
    #expect(parsed.components[1].property("FN")?.text == "Next")
}

@Test func aBeginOfTheSameKindClosesTheUnterminatedComponent() throws {
    let parsed = document("BEGIN:VCARD\nFN:One\nBEGIN:VCARD\nFN:Two\nEND:VCARD")
    #expect(parsed.components.count == 2)
    #expect(parsed.components[0].problem?.line == 1)
    #expect(parsed.components[0].problem?.reason.contains("BEGIN:VCARD at line 3") == true)
    #expect(parsed.components[1].problem == nil)
}

@Test func aComponentOpenAtTheEndOfTheFileHasAProblem() throws {
    let parsed = document("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x")
    let calendar = try #require(parsed.components.first)
    #expect(calendar.problem?.reason == "no END:VCALENDAR before the end of the file")
    #expect(calendar.components.first?.problem?.reason == "no END:VEVENT before the end of the file")
}

@Test func aLineOverTheLengthLimitIsSkippedAndTheComponentKept() throws {
    let long = "NOTE:" + String(repeating: "x", count: 70) + "\n " + String(repeating: "y", count: 70)
    let parsed = document("BEGIN:VCARD\n\(long)\nFN:Kept\nEND:VCARD\n", limits: ImportLimits(maxLineBytes: 100))
    let card = try #require(parsed.components.first)
    #expect(card.property("NOTE") == nil)
    #expect(card.property("FN")?.text == "Kept")
    #expect(parsed.warnings.warnings.map(\.line) == [2])
}

@Test func aFileThatIsNotUTF8IsReadAsLatin1() throws {
    let bytes: [UInt8] = Array("BEGIN:VCARD\nFN:J".utf8) + [0xFC] + Array("rgen\nEND:VCARD\n".utf8)
    let parsed = ContentDocument(data: Data(bytes), limits: .default)
    #expect(parsed.components.first?.property("FN")?.text == "Jürgen")
    #expect(parsed.warnings.warnings.count == 1)
}
