import ActiveSync
import Foundation
import Testing
import WBXML

/// Settings requests as devices send them (MS-ASCMD 4.10's examples) read into typed properties.
@Suite struct SettingsRequestTests {
    @Test func anOofSetWithAWindowAndTwoMessagesReadsIntoItsFields() throws {
        let root = try XMLReader().read(
            #"""
            <Settings xmlns="Settings:"><Oof><Set>
              <OofState>2</OofState>
              <StartTime>2026-12-20T08:00:00.000Z</StartTime><EndTime>2026-12-27T17:00:00.000Z</EndTime>
              <OofMessage><AppliesToInternal/><Enabled>1</Enabled><ReplyMessage>Away</ReplyMessage><BodyType>Text</BodyType></OofMessage>
              <OofMessage><Enabled>0</Enabled></OofMessage>
            </Set></Oof></Settings>
            """#)
        let request = try SettingsRequest(root)
        guard case .setOutOfOffice(let set) = try #require(request.properties.first) else {
            Issue.record("not an Oof Set: \(request.properties)")
            return
        }
        #expect(set.state == .timeBased)
        #expect(set.startTime == Date(timeIntervalSince1970: 1_797_753_600))
        #expect(set.messages.map(\.audience) == [.internal, nil])
        #expect(set.messages.first?.replyMessage == "Away")
    }

    @Test func deviceInformationWritesAndReadsBackTheSame() throws {
        let information = DeviceInformationData(model: "iPhone15,2", imei: "", operatingSystem: "iOS 17.2")
        let root = WBXMLElement(SettingsTag.settings, elements: [information.element])
        let read = try SettingsRequest(WBXMLDecoder().decode(WBXMLEncoder().encode(root)).root)
        #expect(read.properties == [.setDeviceInformation(information)])
    }

    @Test func anEmptyPasswordIsThatPropertysOwnRefusal() throws {
        let root = try XMLReader().read(
            #"<Settings xmlns="Settings:"><DevicePassword><Set><Password/></Set></DevicePassword></Settings>"#)
        #expect(try SettingsRequest(root).properties == [.setDevicePassword(nil)])
    }

    @Test(arguments: [
        #"<Settings xmlns="Settings:"/>"#,
        #"<Settings xmlns="Settings:"><Oof/></Settings>"#,
        #"<Settings xmlns="Settings:"><DevicePassword><Set/></DevicePassword></Settings>"#,
        #"<Settings xmlns="Settings:"><UserInformation/></Settings>"#,
    ])
    func anIncompleteRequestIsStatus2(xml: String) throws {
        let root = try XMLReader().read(xml)
        #expect(throws: RequestDecodingError<SettingsStatus>.self) { try SettingsRequest(root) }
    }
}
