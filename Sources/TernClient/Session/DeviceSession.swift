import ActiveSync
public import Foundation
import WBXML

/// One device at work: its profile, the local cache and the transport, and the operations a
/// user asks for. Each operation sends what it needs and keeps profile and cache up to date.
///
/// A server that wants the device provisioned again (449, Status 142-144) gets a Provision
/// and then the same request once more; one that asks for a remote wipe (Status 140) gets a
/// Provision that receives it, after which the local data is gone and a `.wiped` error says so.
public actor DeviceSession {
    public private(set) var profile: DeviceProfile
    let transport: any EASExchanging
    let cache: LocalCache

    init(profile: DeviceProfile, password: String) throws {
        try self.init(profile: profile, transport: EASTransport(account: profile.record.account, password: password))
    }

    /// A session over any transport; tests use a lossy one.
    init(profile: DeviceProfile, transport: any EASExchanging) throws {
        self.profile = profile
        self.transport = transport
        cache = try profile.openCache()
    }

    /// Opens the profile in `directory`: a `.usage` error when there is none, `.wiped` when
    /// it was wiped.
    public static func open(_ directory: URL) throws -> DeviceSession {
        let profile = try DeviceProfile.load(from: directory)
        if let wipedAt = profile.record.wipedAt {
            throw ClientError(.wiped, "this device was remotely wiped at \(wipedAt.formatted(.iso8601)); run `tern-device setup` again")
        }
        guard let password = profile.record.password else {
            throw ClientError(.authentication, "the profile has no password; run `tern-device setup` again")
        }
        return try DeviceSession(profile: profile, password: password)
    }

    /// Sets a device up from nothing in `directory`: picks the protocol version (the highest
    /// both sides speak, or `version`, such as `14.1`, if the server offers it), provisions
    /// and runs a first FolderSync. Whatever was in the folder before is replaced; on failure
    /// nothing is left.
    public static func setup(
        in directory: URL, account: DeviceAccount, password: String, version versionText: String? = nil
    ) async throws -> DeviceSession {
        var version: ProtocolVersion?
        if let versionText {
            guard let parsed = ProtocolVersion(versionText) else {
                throw ClientError(.usage, "\"\(versionText)\" is not a protocol version such as 16.1")
            }
            version = parsed
        }
        let probe = EASTransport(account: account, password: password)
        let chosen: ProtocolVersion
        do {
            chosen = try Self.negotiate(offered: try await probe.supportedVersions(), wanted: version)
            try await probe.shutdown()
        } catch {
            try? await probe.shutdown()
            throw error
        }
        let profile = DeviceProfile(directory: directory, record: ProfileRecord(account: account, password: password, protocolVersion: chosen))
        try profile.removeCache()
        let session = try DeviceSession(profile: profile, password: password)
        do {
            try await session.provision()
            try await session.folderSync()
        } catch {
            await session.close()
            try? profile.removeCache()
            try? FileManager.default.removeItem(at: profile.profileFile)
            throw error
        }
        return session
    }

    /// The version to speak: `wanted` if offered, else the highest offered one Tern knows.
    static func negotiate(offered: [ProtocolVersion], wanted: ProtocolVersion?) throws -> ProtocolVersion {
        let common = offered.filter(ProtocolVersion.supported.contains)
        if let wanted {
            guard ProtocolVersion.supported.contains(wanted) else {
                throw ClientError(.usage, "protocol \(wanted) is not one this device speaks (\(Self.list(ProtocolVersion.supported)))")
            }
            guard common.contains(wanted) else {
                throw ClientError(.server, "the server does not offer protocol \(wanted) (it offers \(Self.list(offered)))")
            }
            return wanted
        }
        guard let highest = common.max() else {
            throw ClientError(.server, "the server offers no protocol version this device speaks (it offers \(Self.list(offered)))")
        }
        return highest
    }

    private static func list(_ versions: [ProtocolVersion]) -> String {
        versions.isEmpty ? "none" : versions.map(\.description).joined(separator: ", ")
    }

    /// Ends the connections; call once when done.
    public func close() async {
        try? await transport.shutdown()
    }

    // MARK: Local reads

    public func folders() throws -> [CachedFolder] {
        try cache.folders()
    }

    /// The folder whose ServerId or display name (ignoring case) is `name`.
    public func folder(named name: String) throws -> CachedFolder {
        let folders = try cache.folders()
        if let folder = folders.first(where: { $0.serverID == name }) ?? folders.first(where: { $0.name.lowercased() == name.lowercased() }) {
            return folder
        }
        throw ClientError(.usage, "no folder \"\(name)\"; `tern-device folders` lists them")
    }

    public func items(in folder: CachedFolder) throws -> [CachedItem] {
        try cache.items(in: folder.serverID)
    }

    public func item(_ serverID: String) throws -> CachedItem {
        guard let item = try cache.item(serverID) else {
            throw ClientError(.usage, "no item \"\(serverID)\" in the local cache; `tern-device ls FOLDER` lists them")
        }
        return item
    }

    // MARK: Sending

    /// Sends one command with the current policy key, provisioning again when the server asks
    /// (then once more), and receiving a remote wipe when it orders one. With `resendOnce`,
    /// a request whose answer was lost to the network is sent again as it was: a Sync with the
    /// same key, which the server answers as before (MS-ASCMD 3.1.5.3).
    func exchange(_ command: Command, _ body: WBXMLElement?, resendOnce: Bool = false) async throws -> WBXMLElement? {
        do {
            return try await sendWithResend(command, body, resendOnce: resendOnce)
        } catch let error as ClientError where error.kind == .provisioningRequired {
            try await provision()
            return try await sendWithResend(command, body, resendOnce: resendOnce)
        } catch let error as ClientError where error.kind == .remoteWipeRequested {
            try await provision()
            throw ClientError(.server, "the server asked for a remote wipe, but Provision brought none")
        }
    }

    private func sendWithResend(_ command: Command, _ body: WBXMLElement?, resendOnce: Bool) async throws -> WBXMLElement? {
        do {
            return try await send(command, body)
        } catch let error as ClientError where error.kind == .network && resendOnce {
            return try await send(command, body)
        }
    }

    func send(_ command: Command, _ body: WBXMLElement?, policyKey: UInt32? = nil) async throws -> WBXMLElement? {
        try await transport.send(command, body: body, version: profile.record.version, policyKey: policyKey ?? profile.record.policyKey)
    }

    func save(_ change: (inout ProfileRecord) -> Void) throws {
        change(&profile.record)
        try profile.save()
    }
}
