import ActiveSync
import Foundation
import Logging
import ServiceLifecycle
import TernAuth
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import WBXML

/// The in-process server of `TernTesting` with a tiny EAS client speaking to it over a real
/// socket (curl), and the request bodies the server tests share.
typealias RunningServer = TestServer

extension TestServer {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: WBXMLElement?
        /// The binary parts after the document of a multipart response.
        var parts: [[UInt8]] = []

        /// The text of the first element with `name` anywhere in the body.
        func text(_ name: String) -> String? {
            func find(_ element: WBXMLElement) -> String? {
                if element.tag.name == name, let text = element.text { return text }
                return element.elements.lazy.compactMap(find).first
            }
            return body.flatMap(find)
        }
    }

    /// How a test sends a body: WBXML as devices do, or the XML form.
    enum Form: String, CaseIterable, Sendable {
        case wbxml, xml
    }

    /// POSTs a command as a device would; `body` is sent in `form`, or `xml` as it is. The
    /// request goes through curl, a client that shares nothing with the server.
    func post(
        _ command: String, body: WBXMLElement? = nil, version: String = "14.1", policyKey: UInt32? = nil,
        deviceID: String = "ApplF17XK2QJ", password: String? = "secret", form: Form = .wbxml, xml: String? = nil,
        headers extra: [String] = [], rawBody: [UInt8]? = nil
    ) async throws -> Reply {
        if form == .xml, let body, xml == nil {
            return try await post(
                command, version: version, policyKey: policyKey, deviceID: deviceID, password: password,
                xml: XMLWriter().write(body),
                headers: extra)
        }
        var arguments = ["-X", "POST", "-H", "MS-ASProtocolVersion: \(version)"] + extra.flatMap { ["-H", $0] }
        if let certificateFile { arguments += ["--cacert", certificateFile] }
        if let password { arguments += ["-u", "anna:\(password)"] }
        if let policyKey { arguments += ["-H", "X-MS-PolicyKey: \(policyKey)"] }
        var payload: [UInt8]?
        if let rawBody {
            if !extra.contains(where: { $0.lowercased().hasPrefix("content-type:") }) {
                arguments += ["-H", "Content-Type: application/vnd.ms-sync.wbxml"]
            }
            payload = rawBody
        } else if let xml {
            arguments += ["-H", "Content-Type: text/xml"]
            payload = Array(xml.utf8)
        } else if let body {
            arguments += ["-H", "Content-Type: application/vnd.ms-sync.wbxml"]
            payload = try WBXMLEncoder().encode(body)
        }
        let url =
            "\(certificateFile == nil ? "http" : "https")://127.0.0.1:\(port)/Microsoft-Server-ActiveSync?Cmd=\(command)&User=anna&DeviceId=\(deviceID)&DeviceType=iPhone"
        let (status, headers, data) = try await curl(arguments, url: url, payload: payload)
        let type = headers["content-type"] ?? ""
        let parts = type.hasPrefix("application/vnd.ms-sync.multipart") ? Self.multipartParts(data) : []
        let document = parts.first ?? data
        let decoded: WBXMLElement? =
            document.isEmpty
            ? nil
            : type.hasPrefix("text/xml") ? try XMLReader().read(document) : try WBXMLDecoder().decode(document).root
        return Reply(status: status, headers: headers, body: decoded, parts: Array(parts.dropFirst()))
    }

    /// Splits a multipart body by its own offset table, read independently of the server's writer.
    static func multipartParts(_ data: [UInt8]) -> [[UInt8]] {
        func word(_ at: Int) -> Int {
            guard at + 4 <= data.count else { return 0 }
            return Int(data[at]) | Int(data[at + 1]) << 8 | Int(data[at + 2]) << 16 | Int(data[at + 3]) << 24
        }
        return (0..<word(0)).compactMap { index in
            let offset = word(4 + index * 8)
            let length = word(8 + index * 8)
            return offset + length <= data.count ? Array(data[offset..<offset + length]) : nil
        }
    }

    func options() async throws -> [String: String] {
        try await curl(["-X", "OPTIONS"], url: "http://127.0.0.1:\(port)/Microsoft-Server-ActiveSync", payload: nil)
            .headers
    }

    /// Runs curl with `arguments` against `url`, sending `payload` as the body when given.
    func curl(_ arguments: [String], url: String, payload: [UInt8]?) async throws -> (
        status: Int, headers: [String: String], body: [UInt8]
    ) {
        let bodyFile = directory.url.appending(path: "response-\(UUID().uuidString)")
        let headerFile = directory.url.appending(path: "headers-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: bodyFile)
            try? FileManager.default.removeItem(at: headerFile)
        }
        guard let tool = ChildProcess.onPath("curl") else { throw URLError(.cannotConnectToHost) }
        var all = ["-s", "-m", "60", "-o", bodyFile.path, "-D", headerFile.path, "-w", "%{http_code}"] + arguments
        if payload != nil { all += ["--data-binary", "@-"] }
        let result = try await ChildProcess(tool, all + [url]).runDetached(standardInput: payload ?? [])
        let status = Int(String(decoding: result.standardOutput, as: UTF8.self)) ?? 0
        let headerText = (try? String(contentsOf: headerFile, encoding: .utf8)) ?? ""
        var headers: [String: String] = [:]
        for line in headerText.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let body = (try? Data(contentsOf: bodyFile)).map(Array.init) ?? []
        return (status, headers, body)
    }

    // MARK: Request bodies

    static func provisionRequest() -> WBXMLElement {
        WBXMLElement(ProvisionTag.provision, elements: [policies([policyType])])
    }

    static func acknowledgement(key: UInt32) -> WBXMLElement {
        WBXMLElement(
            ProvisionTag.provision,
            elements: [
                policies([
                    policyType, WBXMLElement(ProvisionTag.policyKey, text: String(key)),
                    WBXMLElement(ProvisionTag.status, text: "1"),
                ])
            ])
    }

    static func wipeAcknowledgement() -> WBXMLElement {
        WBXMLElement(
            ProvisionTag.provision,
            elements: [
                WBXMLElement(
                    ProvisionTag.remoteWipe,
                    elements: [WBXMLElement(ProvisionTag.status, text: "1")])
            ])
    }

    static func folderSync(_ key: String) -> WBXMLElement {
        WBXMLElement(
            FolderHierarchyTag.folderSync,
            elements: [WBXMLElement(FolderHierarchyTag.syncKey, text: key)])
    }

    private static let policyType = WBXMLElement(ProvisionTag.policyType, text: "MS-EAS-Provisioning-WBXML")

    private static func policies(_ children: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(
            ProvisionTag.policies,
            elements: [WBXMLElement(ProvisionTag.policy, elements: children)])
    }

    /// Both phases, in `form`; returns the final policy key.
    func provision(version: String = "14.1", deviceID: String = "ApplF17XK2QJ", form: Form = .wbxml) async throws
        -> UInt32
    {
        let phase1 = try await post(
            "Provision", body: Self.provisionRequest(), version: version, deviceID: deviceID, form: form)
        guard let temporary = phase1.text("PolicyKey").flatMap({ UInt32($0) }) else {
            throw URLError(.badServerResponse)
        }
        let phase2 = try await post(
            "Provision", body: Self.acknowledgement(key: temporary), version: version, policyKey: temporary,
            deviceID: deviceID,
            form: form)
        guard let final = phase2.text("PolicyKey").flatMap({ UInt32($0) }) else { throw URLError(.badServerResponse) }
        return final
    }
}
