import ActiveSync
import Foundation
import TernStore
import Testing
import WBXML

@testable import TernSync

@Suite struct ContactApplicationDataTests {
    static let full = ContactItem(
        fields: [
            .fileAs: "Lee, Ann", .firstName: "Ann", .lastName: "Lee", .email1Address: "ann@example.com",
            .mobilePhoneNumber: "+44 7700 900123", .birthday: "1990-04-01T00:00:00.000Z", .nickName: "Annie",
            .companyMainPhone: "+44 20 7946 0000", ContactField("Contacts", "YomiFirstName"): "アン",
        ], categories: ["Friends", "Work"], children: ["Kim"], picture: Data([0xFF, 0xD8, 0xFF, 0xE0]),
        body: "Met at the conference.")

    static func encode(_ contact: ContactItem, _ version: ProtocolVersion = .v16_1) -> WBXMLElement {
        encodeElement(.contact(contact), serverID: "3:1", options: options(version))
    }

    @Test(arguments: [full, ContactItem(fields: [.fileAs: "Solo"])])
    func roundTrips(_ contact: ContactItem) throws {
        #expect(try decode(Self.encode(contact), as: .contacts) == .contact(contact))
        #expect(try decode(Self.encode(contact), as: .contacts, replacing: .contact(Self.full)) == .contact(contact))
    }

    @Test func fieldsComeInCodePageOrder() {
        #expect(
            tags(Self.encode(Self.full)) == [
                "Contacts:Birthday", "Contacts:Categories", "Contacts:Children", "Contacts:Email1Address",
                "Contacts:FileAs", "Contacts:FirstName", "Contacts:LastName", "Contacts:MobilePhoneNumber",
                "Contacts:YomiFirstName", "Contacts:Picture", "Contacts2:CompanyMainPhone", "Contacts2:NickName",
                "AirSyncBase:Body",
            ])
        #expect(Self.encode(Self.full).child("Contacts", "Picture")?.text == "/9j/4A==")
        #expect(
            xml(Self.encode(Self.full).child("Contacts", "Categories")!)
                == "<contacts:Categories><contacts:Category>Friends</contacts:Category>"
                + "<contacts:Category>Work</contacts:Category></contacts:Categories>")
    }

    @Test func changeWithoutSupportedClearsWhatIsLeftOut() throws {
        let change = applicationData([element("Contacts", "FileAs", "Lee, Ann")])
        let result = try decode(change, as: .contacts, replacing: .contact(Self.full))
        #expect(result == .contact(ContactItem(fields: [.fileAs: "Lee, Ann"])))
    }

    /// MS-ASCMD 2.2.3.179: what Supported does not list is ghosted and keeps its value.
    @Test func ghostedFieldsKeepTheirValue() throws {
        let change = applicationData([element("Contacts", "FileAs", "Lee, A.")])
        let supported: Set = ["Contacts:FileAs", "Contacts:FirstName", "Contacts:Categories", "AirSyncBase:Body"]
        guard
            case .contact(let contact) = try decode(
                change, as: .contacts, replacing: .contact(Self.full), supported: supported)
        else {
            Issue.record("not a contact")
            return
        }
        #expect(contact[.fileAs] == "Lee, A.")
        #expect(contact[.firstName] == nil, "supported and absent: cleared")
        #expect(contact.categories.isEmpty, "supported and absent: cleared")
        #expect(contact.body == nil, "supported and absent: cleared")
        #expect(contact[.lastName] == "Lee", "ghosted: kept")
        #expect(contact[.nickName] == "Annie", "ghosted: kept")
        #expect(contact.children == ["Kim"] && contact.picture == Self.full.picture, "ghosted: kept")
    }

    @Test func emptyElementClearsEvenAGhostedField() throws {
        let change = applicationData([element("Contacts", "LastName", "")])
        guard
            case .contact(let contact) = try decode(
                change, as: .contacts, replacing: .contact(Self.full), supported: [])
        else {
            Issue.record("not a contact")
            return
        }
        #expect(contact[.lastName] == nil && contact[.firstName] == "Ann")
    }

    @Test func oversizedPictureIsDroppedAndTheRestKept() throws {
        var sent = Self.full
        sent.picture = Data(repeating: 1, count: 48 * 1024 + 1)
        var stored = Self.full
        stored.picture = Data([1, 2, 3])
        let result = try decode(Self.encode(sent), as: .contacts, replacing: .contact(stored))
        #expect(result == .contact(stored))
    }

    @Test func overlongTextIsRefused() {
        let change = applicationData([element("Contacts", "FileAs", String(repeating: "a", count: 32 * 1024 + 1))])
        do {
            _ = try decode(change, as: .contacts)
            Issue.record("accepted 32 KiB + 1")
        } catch {
            #expect(error.code == .badValue && error.element == "Contacts:FileAs")
        }
    }

    @Test func aContactCannotReplaceAnotherClass() {
        let event = CalendarItem(startTime: date("20261201T090000Z"), endTime: date("20261201T100000Z"), uid: "u")
        do {
            _ = try decode(Self.encode(Self.full), as: .contacts, replacing: .event(event))
            Issue.record("accepted a class change")
        } catch {
            #expect(error.code == .classNotAllowed)
        }
    }
}
