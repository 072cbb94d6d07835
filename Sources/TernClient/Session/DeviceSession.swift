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
    public internal(set) var profile: DeviceProfile
    let transport: any EASExchanging
    let cache: LocalCache

    /// A session over any transport, with the cache opened under `key`; tests use a lossy transport.
    init(profile: DeviceProfile, key: CacheKey, transport: any EASExchanging) throws {
        self.profile = profile
        self.transport = transport
        cache = try profile.openCache(key: key)
    }

    /// Opens the profile in `directory`: a `.usage` error when there is none, `.wiped` when
    /// it was wiped, `.locked` when a PIN is set and the device locked (unless `pin`, from
    /// `TERN_DEVICE_PIN`, opens it). A device that has not acknowledged its policy yet (it
    /// lacked a PIN) provisions first. `now` is when the device is used, which the
    /// inactivity lock measures from.
    public static func open(_ directory: URL, pin: String? = nil, now: Date = Date()) async throws -> DeviceSession {
        var profile = try DeviceProfile.load(from: directory)
        try profile.refuseIfWiped()
        let key = try profile.unlockedKey(pin: pin, now: now)
        guard let sealed = profile.record.sealedPassword,
            let password = try? key.openText(sealed, context: ProfileRecord.passwordContext)
        else {
            throw ClientError(.authentication, "the profile has no readable password; run `tern-device setup` again")
        }
        let transport = EASTransport(account: profile.record.account, password: password)
        let session = try DeviceSession(profile: profile, key: key, transport: transport)
        if profile.record.policyKey == nil {
            do {
                try await session.provision()
            } catch {
                await session.close()
                throw error
            }
        }
        return session
    }

    /// Sets a device up from nothing in `directory`: picks the protocol version (the highest
    /// both sides speak, or `version`, such as `14.1`, if the server offers it), provisions
    /// and runs a first FolderSync. Whatever was in the folder before is replaced; on failure
    /// nothing is left, except when the policy asks for a PIN first (`.pinRequired`): then
    /// the profile stays, and the first command after `pin set` finishes provisioning.
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
        let key = CacheKey.random()
        let profile = DeviceProfile(
            directory: directory,
            record: try ProfileRecord(account: account, password: password, key: key, protocolVersion: chosen))
        try profile.removeCache()
        try profile.lock()
        let session = try DeviceSession(
            profile: profile, key: key, transport: EASTransport(account: account, password: password))
        do {
            try await session.provision()
            try await session.folderSync()
        } catch let error as ClientError where error.kind == .pinRequired {
            await session.close()
            throw error
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
                throw ClientError(
                    .usage, "protocol \(wanted) is not one this device speaks (\(Self.list(ProtocolVersion.supported)))"
                )
            }
            guard common.contains(wanted) else {
                throw ClientError(
                    .server, "the server does not offer protocol \(wanted) (it offers \(Self.list(offered)))")
            }
            return wanted
        }
        guard let highest = common.max() else {
            throw ClientError(
                .server, "the server offers no protocol version this device speaks (it offers \(Self.list(offered)))")
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
        if let folder = folders.first(where: { $0.serverID == name })
            ?? folders.first(where: { $0.name.lowercased() == name.lowercased() })
        {
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
    func exchange(
        _ command: Command, _ body: WBXMLElement?, resendOnce: Bool = false,
        timeout: Duration = EASTransport.defaultTimeout
    ) async throws -> WBXMLElement? {
        do {
            return try await sendWithResend(command, body, resendOnce: resendOnce, timeout: timeout)
        } catch let error as ClientError where error.kind == .provisioningRequired {
            try await provision()
            return try await sendWithResend(command, body, resendOnce: resendOnce, timeout: timeout)
        } catch let error as ClientError where error.kind == .remoteWipeRequested {
            try await receivePendingWipe()
            throw ClientError(.server, "the server asked for a remote wipe, but Provision brought none")
        }
    }

    private func sendWithResend(
        _ command: Command, _ body: WBXMLElement?, resendOnce: Bool, timeout: Duration
    ) async throws -> WBXMLElement? {
        do {
            return try await send(command, body, timeout: timeout)
        } catch let error as ClientError where error.kind == .network && resendOnce {
            return try await send(command, body, timeout: timeout)
        }
    }

    func send(
        _ command: Command, _ body: WBXMLElement?, policyKey: UInt32? = nil,
        timeout: Duration = EASTransport.defaultTimeout
    ) async throws -> WBXMLElement? {
        try await transport.send(
            command, body: body, version: profile.record.version, policyKey: policyKey ?? profile.record.policyKey,
            timeout: timeout)
    }

    func save(_ change: (inout ProfileRecord) -> Void) throws {
        change(&profile.record)
        try profile.save()
    }
}
