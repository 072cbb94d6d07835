import ActiveSync
import Foundation
import WBXML

/// A device of anna (password `secret`) on one loopback connection to a Tern server, speaking
/// WBXML at `version`; provisioned when made, so every later command carries its policy key.
public final class BenchmarkDevice {
    let connection: LoopbackConnection
    let version: String
    var policyKey: UInt32?

    public init(port: Int, version: String) throws {
        connection = try LoopbackConnection(port: port)
        self.version = version
        let policyType = ProvisionRequest.wbxmlPolicyType
        guard
            let phaseOne = try send(
                "Provision", ProvisionRequest.policyRequest(policyType: policyType, deviceInformation: nil).element),
            case .policy(_, let temporaryKey, _) = ProvisionResponse(phaseOne)
        else { fatalError("provisioning failed") }
        policyKey = temporaryKey
        guard
            let phaseTwo = try send(
                "Provision",
                ProvisionRequest.acknowledgement(policyType: policyType, policyKey: temporaryKey, status: 1).element),
            case .provisioned(let key) = ProvisionResponse(phaseTwo)
        else { fatalError("provisioning failed") }
        policyKey = key
    }

    /// POSTs `command` with `body`; the answer's document, nil for an empty 200. Any other
    /// HTTP status ends the benchmark.
    public func send(_ command: String, _ body: WBXMLElement) throws -> WBXMLElement? {
        var headers = [
            "Authorization": "Basic " + Data("anna:secret".utf8).base64EncodedString(),
            "MS-ASProtocolVersion": version, "Content-Type": "application/vnd.ms-sync.wbxml",
        ]
        if let policyKey { headers["X-MS-PolicyKey"] = String(policyKey) }
        let target = "/Microsoft-Server-ActiveSync?Cmd=\(command)&User=anna&DeviceId=BENCH0001&DeviceType=Bench"
        let (status, bytes) = try connection.post(target, headers: headers, body: try WBXMLEncoder().encode(body))
        guard status == 200 else { fatalError("\(command) answered HTTP \(status)") }
        return bytes.isEmpty ? nil : try WBXMLDecoder().decode(bytes).root
    }
}
