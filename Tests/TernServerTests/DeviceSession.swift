import TernTesting
import WBXML

/// A provisioned device of the test user that speaks one protocol version in one body form.
struct DeviceSession: Sendable {
    let server: RunningServer
    let deviceID: String
    let version: String
    let form: RunningServer.Form
    let policyKey: UInt32

    func send(_ command: String, _ body: WBXMLElement) async throws -> RunningServer.Reply {
        try await server.post(
            command, body: body, version: version, policyKey: policyKey, deviceID: deviceID, form: form)
    }
}

extension RunningServer {
    /// Provisions `deviceID` in the session's own body form and returns a session for it.
    func session(deviceID: String = "ApplF17XK2QJ", version: String = "14.1", form: Form = .wbxml) async throws
        -> DeviceSession
    {
        DeviceSession(
            server: self, deviceID: deviceID, version: version, form: form,
            policyKey: try await provision(version: version, deviceID: deviceID, form: form))
    }
}

extension RunningServer.Reply {
    /// Every element named `name` anywhere in the body, in document order.
    func elements(_ name: String) -> [WBXMLElement] {
        func collect(_ element: WBXMLElement) -> [WBXMLElement] {
            (element.tag.name == name ? [element] : []) + element.elements.flatMap(collect)
        }
        return body.map(collect) ?? []
    }
}

/// Builds an element of one namespace from name/text pairs: `Hierarchy.element("FolderCreate", ["SyncKey": "1"])`.
struct RequestBuilder {
    let namespace: String

    func element(_ name: String, _ fields: KeyValuePairs<String, String>) -> WBXMLElement {
        WBXMLElement(
            WBXMLTag(namespace, name),
            elements: fields.map { WBXMLElement(WBXMLTag(namespace, $0.key), text: $0.value) })
    }
}
