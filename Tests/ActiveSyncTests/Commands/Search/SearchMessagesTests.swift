import ActiveSync
import Testing
import WBXML

/// Search and SendMail as a device writes them (MS-ASCMD 2.2.1.16, 2.2.1.17), and a Search
/// answer in the shape of the specification's, read back.
struct SearchMessagesTests {
    static func throughBytes(_ element: WBXMLElement) throws -> WBXMLElement {
        try WBXMLDecoder().decode(WBXMLEncoder().encode(element)).root
    }

    @Test func aMailboxSearchCarriesTheTextAndTheRange() throws {
        let root = try Self.throughBytes(MailboxSearchRequest(text: "lunch", limit: 10).element)
        let store = try #require(root.firstElement(SearchTag.store))
        #expect(store.firstElement(SearchTag.name)?.text == "Mailbox")
        let and = store.firstElement(SearchTag.query)?.firstElement(SearchTag.and)
        #expect(and?.firstElement(SearchTag.freeText)?.text == "lunch")
        #expect(and?.firstElement(AirSyncTag.`class`)?.text == "Email")
        #expect(
            store.firstElement(SearchTag.options)?.firstElement(SearchTag.range)?.text == "0-9")
    }

    @Test func aSearchAnswerGivesEachResultWithItsProperties() throws {
        let tag = { WBXMLTag("Search", $0) }
        let result = WBXMLElement(
            tag("Result"),
            elements: [
                WBXMLElement(AirSyncTag.`class`, text: "Email"), WBXMLElement(tag("LongId"), text: "RgAAAAD"),
                WBXMLElement(AirSyncTag.collectionId, text: "5"),
                WBXMLElement(tag("Properties"), elements: [WBXMLElement(EmailTag.subject, text: "Lunch?")]),
            ])
        let answer = WBXMLElement(
            tag("Search"),
            elements: [
                WBXMLElement(tag("Status"), text: "1"),
                WBXMLElement(
                    tag("Response"),
                    elements: [
                        WBXMLElement(
                            tag("Store"),
                            elements: [
                                WBXMLElement(tag("Status"), text: "1"), result, WBXMLElement(tag("Range"), text: "0-0"),
                                WBXMLElement(tag("Total"), text: "1"),
                            ])
                    ]),
            ])
        let read = try #require(SearchResponse(try Self.throughBytes(answer)))
        #expect(read.status == .success && read.storeStatus == .success && read.total == 1)
        #expect(read.results.map(\.longID) == ["RgAAAAD"] && read.results.map(\.collectionID) == ["5"])
        #expect(read.results.first?.properties?.firstElement(EmailTag.subject)?.text == "Lunch?")
    }
}
