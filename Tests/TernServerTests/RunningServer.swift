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

/// A Tern server on 127.0.0.1 and a free port, on a fresh data folder with user anna/secret,
/// and a tiny EAS client speaking to it over a real socket.
final class RunningServer: Sendable {
    let directory: TemporaryDirectory
    let store: SQLiteStore
    let user: User
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    /// `adminToken` and `publicURL` go into the server's configuration, then `tuning` may
    /// change any other setting. `reopening` starts the server on the data of one that was
    /// shut down (see `restarted`).
    init(
        adminToken: String? = nil, publicURL: String? = nil, reopening existing: TemporaryDirectory? = nil,
        tuning: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws {
        await ServerSlots.shared.acquire()
        do {
            directory = try existing ?? TemporaryDirectory("tern-server")
            store = try SQLiteStore(dataDirectory: directory.path)
            if existing != nil, let anna = try await store.user(login: "anna") {
                user = anna
            } else {
                user = try await store.createUser(
                    NewUser(
                        login: "anna", emailAddresses: ["anna@tern.example"], displayName: "Anna",
                        passwordHash: PasswordHash.make("secret", cost: 4)))
            }
        } catch {
            await ServerSlots.shared.release()
            throw error
        }
        var configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, schemaDirectory: Fixtures.repositoryRoot.appending(path: "Schemas").path,
            adminToken: adminToken, publicURL: publicURL)
        tuning(&configuration)
        let server = TernServer(store: store, configuration: configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let group = ServiceGroup(
            configuration: .init(
                services: [try server.service { continuation.yield($0) }], logger: Logger(label: "tern-test")))
        self.group = group
        task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        port = await iterator.next() ?? 0
    }

    /// A second user, bruno/other, whose data anna must never reach.
    func createOtherUser() async throws -> User {
        try await store.createUser(
            NewUser(
                login: "bruno", emailAddresses: ["bruno@tern.example"], displayName: "Bruno",
                passwordHash: PasswordHash.make("other", cost: 4)))
    }

    func stop() async {
        task.cancel()
        _ = await task.result
        directory.remove()
        await ServerSlots.shared.release()
    }

    /// Shuts the server down as SIGTERM does, without removing its data.
    func shutDownGracefully() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }

    /// Shuts this server down gracefully and starts a new one, on another port, on the same
    /// data; stop the new one, not this one.
    func restarted() async throws -> RunningServer {
        try await shutDownGracefully()
        await ServerSlots.shared.release()
        return try await RunningServer(reopening: directory)
    }

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
            "http://127.0.0.1:\(port)/Microsoft-Server-ActiveSync?Cmd=\(command)&User=anna&DeviceId=\(deviceID)&DeviceType=iPhone"
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

/// Bounds how many in-process servers run at once: Swift Testing runs every test in parallel,
/// and on a 2-core machine dozens of servers with their curl clients starved each other until
/// curl gave up. Tests beyond the limit wait for a slot.
actor ServerSlots {
    static let shared = ServerSlots(limit: 4)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
