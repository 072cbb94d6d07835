import ActiveSync
import Testing
import WBXML

/// A device writes Provision requests and reads responses; the server does the reverse.
/// Each direction's writer is checked against the other direction's reader, through WBXML bytes.
struct ProvisionRoundTripTests {
    static let information = DeviceInformationData(model: "tern-device", userAgent: "tern-device/1.0")

    static let requests: [ProvisionRequest] = [
        .policyRequest(policyType: ProvisionRequest.wbxmlPolicyType, deviceInformation: nil),
        .policyRequest(policyType: ProvisionRequest.wbxmlPolicyType, deviceInformation: information),
        .acknowledgement(policyType: ProvisionRequest.wbxmlPolicyType, policyKey: 1_307_199_584, status: 1),
        .wipeAcknowledgement(status: 1, accountOnly: false),
        .wipeAcknowledgement(status: 1, accountOnly: true),
        .wipeAcknowledgement(status: 2, accountOnly: false),
        .wipeQuery,
    ]

    static let document = ProvisionDocument(settings: [
        (name: "DevicePasswordEnabled", value: "1"), (name: "MinDevicePasswordLength", value: "6"),
    ])

    static let responses: [ProvisionResponse] = [
        .policy(document, temporaryKey: 4_000_000_001, deviceInformationStatus: nil),
        .policy(document, temporaryKey: 17, deviceInformationStatus: .success),
        .provisioned(key: 1_307_199_584),
        .remoteWipe(accountOnly: false),
        .remoteWipe(accountOnly: true),
        .remoteWipe(accountOnly: false, status: .protocolError),
        .status(.success, policyStatus: nil),
        .status(.protocolError, policyStatus: nil),
        .status(.success, policyStatus: .wrongPolicyKey),
    ]

    static func throughBytes(_ element: WBXMLElement) throws -> WBXMLElement {
        try WBXMLDecoder().decode(WBXMLEncoder().encode(element)).root
    }

    @Test(arguments: requests)
    func aWrittenRequestReadsBackTheSame(request: ProvisionRequest) throws {
        #expect(try ProvisionRequest(Self.throughBytes(request.element)) == request)
    }

    @Test(arguments: responses)
    func aServedResponseReadsBackTheSame(response: ProvisionResponse) throws {
        #expect(ProvisionResponse(try Self.throughBytes(response.element)) == response)
    }

    @Test func aRootThatIsNotProvisionIsNoResponse() {
        #expect(ProvisionResponse(WBXMLElement(FolderHierarchyTag.folderSync)) == nil)
        #expect(ProvisionResponse(WBXMLElement(ProvisionTag.provision)) == nil, "no Status")
    }
}
