import Foundation
import TernStore
import Testing

@testable import TernImport

private func contacts(_ fixture: String) throws -> ImportBatch<ContactItem> {
    VCardReader().read(try Fixture.data(fixture))
}

private func card(_ lines: String...) throws -> ContactItem {
    let batch = VCardReader().read((["BEGIN:VCARD", "VERSION:3.0"] + lines + ["END:VCARD"]).joined(separator: "\r\n"))
    return try #require(batch.imported.first)
}

@Test func anAppleContactsExportMapsEveryField() throws {
    let batch = try contacts("apple-contacts-v3.vcf")
    #expect(batch.skipped.isEmpty)
    let john = try #require(batch.imported.first)
    let expected: [ContactField: String] = [
        .lastName: "Appleseed", .firstName: "John", .middleName: "Quincy", .title: "Mr.", .suffix: "Jr.",
        .fileAs: "Appleseed, John", .nickName: "Johnny", .companyName: "Apple Inc.", .department: "Engineering",
        .jobTitle: "Software Engineer",
        .email1Address: "john.appleseed@apple.example", .email2Address: "john@home.example",
        .mobilePhoneNumber: "+1 (408) 555-0101", .homePhoneNumber: "+1 (408) 555-0102",
        .businessPhoneNumber: "+1 (408) 555-0103", .businessFaxNumber: "+1 (408) 555-0104",
        .pagerNumber: "+1 (408) 555-0105", .home2PhoneNumber: "+1 (408) 555-0106",
        .homeAddressStreet: "1 Infinite Loop\nBuilding 2", .homeAddressCity: "Cupertino", .homeAddressState: "CA",
        .homeAddressPostalCode: "95014", .homeAddressCountry: "United States",
        .businessAddressStreet: "One Apple Park Way", .businessAddressCity: "Cupertino",
        .businessAddressState: "CA", .businessAddressPostalCode: "95014", .businessAddressCountry: "United States",
        .webPage: "https://www.apple.example/john", .birthday: "1976-04-01T00:00:00.000Z",
        .anniversary: "2001-06-15T00:00:00.000Z", .imAddress: "johnnyapple", .spouse: "Jane Appleseed",
    ]
    #expect(john.fields == expected)
    #expect(john.body == "Met at WWDC, 2019.\nLikes apples.")
    #expect(john.categories == ["Work", "VIP"])
    #expect(john.picture == (try Fixture.data("photo.jpg")))
}

@Test func anAppleCompanyCardIsFiledAsTheCompany() throws {
    let cards = try contacts("apple-contacts-v3.vcf").imported
    let acme = try #require(cards.last)
    #expect(
        acme.fields == [
            .companyName: "Acme Corporation", .fileAs: "Acme Corporation", .companyMainPhone: "+1 555 0100",
            .email1Address: "info@acme.example",
        ])
}

@Test func aGoogleExportWithBareLineFeedsMapsAndReportsWhatDidNotFit() throws {
    let batch = try contacts("google-export-v3.vcf")
    let erika = try #require(batch.imported.first)
    #expect(erika[.fileAs] == "Mustermann, Erika")
    #expect(erika[.nickName] == "Eri")
    #expect(erika[.email1Address] == "erika@example.de")
    #expect(erika[.email2Address] == "e.mustermann@firma.example")
    #expect(erika[.email3Address] == "erika.m@example.org")
    #expect(erika[.mobilePhoneNumber] == "+49 151 23456789")
    #expect(erika[.homePhoneNumber] == "+49 30 1234567")
    #expect(erika[.businessPhoneNumber] == "+49 30 7654321")
    #expect(erika[.business2PhoneNumber] == "+49 30 7654322")
    #expect(erika[.home2PhoneNumber] == "+49 30 999")
    #expect(erika[.homeAddressStreet] == "Heidestraße 17")
    #expect(erika[.homeAddressCity] == "Köln")
    #expect(erika[.homeAddressState] == nil)
    #expect(erika[.homeAddressPostalCode] == "51147")
    #expect(erika[.homeAddressCountry] == "Deutschland")
    #expect(erika[.businessAddressStreet] == "Unter den Linden 1")
    #expect(erika[.businessAddressState] == "Berlin")
    #expect(erika[.companyName] == "Musterfirma GmbH")
    #expect(erika[.jobTitle] == "Projektleiterin")
    #expect(erika[.birthday] == "1964-08-12T00:00:00.000Z")
    #expect(erika[.anniversary] == "2010-05-20T00:00:00.000Z")
    #expect(erika[.webPage] == "https://erika.example.de")
    #expect(erika.body == "Notiz mit Umlauten: äöü ß")
    #expect(erika.categories == ["myContacts", "Familie"])
    let reasons = batch.warnings.map(\.reason)
    #expect(reasons.contains("1 email addresses beyond the third dropped"))
    #expect(reasons.contains { $0.hasPrefix("phone number +49 30 7654323 (TYPE=work) dropped") })
}

@Test func aVCard4CardUsesPreferenceOrderURIValuesAndYearlessDates() throws {
    let cards = try contacts("v4-with-photo.vcf").imported
    let ada = try #require(cards.first)
    let expected: [ContactField: String] = [
        .lastName: "Lovelace", .firstName: "Ada", .middleName: "Augusta King", .title: "Dr.",
        .fileAs: "Lovelace, Ada", .email1Address: "ada@engine.example", .email2Address: "ada@home.example",
        .mobilePhoneNumber: "+44-7700-900000", .homePhoneNumber: "+44-20-7946-0000",
        .businessFaxNumber: "+44-20-7946-0001", .businessAddressStreet: "12 St James's Square",
        .businessAddressCity: "London", .businessAddressPostalCode: "SW1Y 4JH",
        .businessAddressCountry: "United Kingdom", .otherAddressCity: "Marylebone", .otherAddressCountry: "UK",
        .birthday: "1604-12-10T00:00:00.000Z", .anniversary: "1835-07-08T00:00:00.000Z",
        .webPage: "https://example.org/ada", .imAddress: "ada@jabber.example",
    ]
    #expect(ada.fields == expected)
    #expect(ada.body == "First programmer.")
    #expect(ada.categories == ["Mathematicians", "Pioneers"])
}

@Test(arguments: ["apple-contacts-v3.vcf", "v4-with-photo.vcf"])
func anInlinePhotoIsDecodedFromItsFoldedBase64(fixture: String) throws {
    let cards = try contacts(fixture).imported
    let contact = try #require(cards.first)
    #expect(contact.picture == (try Fixture.data("photo.jpg")))
}

@Test(arguments: [
    ("apple-contacts-v3.vcf", ["Appleseed, John", "Acme Corporation"]),
    ("google-export-v3.vcf", ["Mustermann, Erika"]),
    ("v4-with-photo.vcf", ["Lovelace, Ada"]),
    (
        "non-ascii-folded.vcf",
        [
            "Müller, Jürgen", "山田, 太郎",
            "Ольга Александровна Иванова-Петрова, Санкт-Петербургский государственный университет",
        ]
    ),
    ("broken-among-good.vcf", ["One, Good", "Two, Good"]),
])
func everyGoodCardOfAFixtureIsImportedAndFiledByName(fixture: String, fileAs: [String]) throws {
    #expect(try contacts(fixture).imported.map { $0[.fileAs] } == fileAs)
}

@Test func nonASCIITextSurvivesFoldsThatSplitAUTF8Sequence() throws {
    let batch = try contacts("non-ascii-folded.vcf")
    #expect(batch.warnings.isEmpty)
    let cards = batch.imported
    try #require(cards.count == 3)
    let sentence =
        "Grüße aus München! Öffnungszeiten: Mo–Fr 6–18 Uhr, Sa 7–13 Uhr. Spezialität: Brezn und Weißwürste 🥨."
    #expect(cards[0].body == sentence + " " + sentence)
    #expect(cards[0][.companyName] == "Bäckerei Müller & Söhne")
    #expect(cards[0][.department] == "Backstube")
    #expect(cards[0][.businessPhoneNumber] == "+49 89 123456")
    #expect(cards[1][.yomiFirstName] == "たろう")
    #expect(cards[1][.yomiLastName] == "やまだ")
    #expect(cards[2][.firstName] == cards[2][.fileAs])
}

@Test func aBrokenCardIsSkippedWithItsReasonAndTheOthersImported() throws {
    let batch = try contacts("broken-among-good.vcf")
    #expect(batch.items.count == 5)
    #expect(
        batch.skipped == [
            ImportSkip("unsupported vCard VERSION 5.0", line: 6),
            ImportSkip("BEGIN:VCARD at line 14 before END:VCARD", line: 10),
            ImportSkip("card has no name, organisation, email, phone or address", line: 20),
        ])
    #expect(
        batch.warnings == [
            ImportSkip("line without a colon skipped", line: 16),
            ImportSkip("END:VCARD without BEGIN:VCARD ignored", line: 24),
        ])
}

@Test func aTwoMegabytePhotoIsDroppedWithAWarningAndTheContactKept() throws {
    let photo = Data(pseudoRandomBytes(count: 2_000_000, seed: 42)).base64EncodedString()
    var lines = ["BEGIN:VCARD", "VERSION:3.0", "N:Large;Photo;;;", "FN:Photo Large"]
    var rest = Substring("PHOTO;ENCODING=b;TYPE=JPEG:" + photo)
    lines.append(String(rest.prefix(75)))
    rest = rest.dropFirst(75)
    while !rest.isEmpty {
        lines.append(" " + rest.prefix(74))
        rest = rest.dropFirst(74)
    }
    lines += ["EMAIL:large@example.com", "END:VCARD"]
    let batch = VCardReader().read(Data(lines.joined(separator: "\r\n").utf8))
    let contact = try #require(batch.imported.first)
    #expect(contact.picture == nil)
    #expect(contact[.fileAs] == "Large, Photo")
    #expect(contact[.email1Address] == "large@example.com")
    #expect(batch.warnings.count == 1)
    #expect(batch.warnings.first?.reason.contains("exceeds the 36864-byte EAS limit") == true)
    #expect(batch.warnings.first?.line == 5)
}

@Test func aPhotoJustUnderTheLimitIsKept() throws {
    let bytes = Data(pseudoRandomBytes(count: ImportLimits.default.maxPictureBytes, seed: 7))
    let contact = try card("FN:Edge", "PHOTO;ENCODING=b:" + bytes.base64EncodedString())
    #expect(contact.picture == bytes)
}

@Test(
    arguments: [
        ("BDAY:1980-04-15", "1980-04-15T00:00:00.000Z"),
        ("BDAY:19800415", "1980-04-15T00:00:00.000Z"),
        ("BDAY;VALUE=date:1980-04-15", "1980-04-15T00:00:00.000Z"),
        ("BDAY:1953-10-15T23:10:00Z", "1953-10-15T00:00:00.000Z"),
        ("BDAY:--0415", "1604-04-15T00:00:00.000Z"),
        ("BDAY:--04-15", "1604-04-15T00:00:00.000Z"),
        ("BDAY:--0229", "1604-02-29T00:00:00.000Z"),
        ("BDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29", "1604-02-29T00:00:00.000Z"),
        ("ANNIVERSARY:20010615", nil),
        ("BDAY:---15", nil),
        ("BDAY:1980-04", nil),
        ("BDAY:1980-02-30", nil),
        ("BDAY;VALUE=text:circa 1800", nil),
    ] as [(String, String?)])
func birthdaysBecomeEASDatesAndPartialDatesAreRefused(line: String, expected: String?) throws {
    let contact = try card("FN:Dated", line)
    #expect(contact[.birthday] == expected)
}

@Test(arguments: [
    ("TEL;TYPE=cell:1", ContactField.mobilePhoneNumber),
    ("TEL;TYPE=CELL,VOICE:1", .mobilePhoneNumber),
    ("TEL;type=IPHONE:1", .mobilePhoneNumber),
    ("TEL;CELL:1", .mobilePhoneNumber),
    (#"TEL;VALUE=uri;TYPE="cell,text":tel:1"#, .mobilePhoneNumber),
    ("TEL;TYPE=home:1", .homePhoneNumber),
    ("TEL;TYPE=work:1", .businessPhoneNumber),
    ("TEL;TYPE=work,fax:1", .businessFaxNumber),
    ("TEL;TYPE=fax:1", .businessFaxNumber),
    ("TEL;TYPE=home,fax:1", .homeFaxNumber),
    ("TEL;TYPE=pager:1", .pagerNumber),
    ("TEL;TYPE=car:1", .carPhoneNumber),
    ("TEL;type=MAIN:1", .companyMainPhone),
    ("TEL;TYPE=x-assistant:1", .assistantPhoneNumber),
    ("TEL:1", .homePhoneNumber),
    ("TEL;TYPE=voice:1", .homePhoneNumber),
])
func aPhoneNumberGoesToTheFieldItsTypeNames(line: String, field: ContactField) throws {
    let contact = try card("FN:Phone", line)
    #expect(contact[field] == "1")
}

@Test func aSecondHomeAndWorkNumberFillHome2AndBusiness2() throws {
    let contact = try card("FN:Two", "TEL;TYPE=home:1", "TEL;TYPE=home:2", "TEL;TYPE=work:3", "TEL;TYPE=work:4")
    #expect(contact[.homePhoneNumber] == "1")
    #expect(contact[.home2PhoneNumber] == "2")
    #expect(contact[.businessPhoneNumber] == "3")
    #expect(contact[.business2PhoneNumber] == "4")
}

@Test func aPreferredNumberTakesTheFirstFieldOfItsKind() throws {
    let contact = try card("FN:Pref", "TEL;TYPE=home:1", "TEL;TYPE=home,pref:2")
    #expect(contact[.homePhoneNumber] == "2")
    #expect(contact[.home2PhoneNumber] == "1")
}

@Test func aCardWithOnlyAFormattedNameUsesItAsFirstNameAndFileAs() throws {
    let contact = try card("FN:Cher")
    #expect(contact.fields == [.firstName: "Cher", .fileAs: "Cher"])
}

@Test func quotedPrintableValuesAndPhotoReferencesAreLeftOutWithWarnings() throws {
    let batch = VCardReader().read(
        [
            "BEGIN:VCARD", "VERSION:2.1", "N:Old;Phone", "NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9",
            "PHOTO;VALUE=uri:https://example.com/me.jpg", "END:VCARD",
        ].joined(separator: "\r\n"))
    let contact = try #require(batch.imported.first)
    #expect(contact.body == nil)
    #expect(contact.picture == nil)
    #expect(contact[.fileAs] == "Old, Phone")
    #expect(batch.warnings.map(\.line) == [4, 5])
}

@Test(arguments: [0, 1, 2, 3])
func randomBytesYieldNoContactsAndNoCrash(seed: UInt64) {
    let batch = VCardReader().read(Data(pseudoRandomBytes(count: 20_000, seed: seed)))
    #expect(batch.imported.isEmpty)
    #expect(batch.warningCount > 0)
}

@Test func anEmptyFileSaysItHasNoCards() {
    let batch = VCardReader().read("")
    #expect(batch.items.isEmpty)
    #expect(batch.warnings == [ImportSkip("no BEGIN:VCARD found", line: 0)])
}
