import Foundation

extension DeviceProfile {
    /// The data key for a command: as it is when no PIN is set; from the unlocked session,
    /// which this use at `now` keeps alive; or, when locked, from `pin` (counted as
    /// `unlock(_:)` counts).
    mutating func unlockedKey(pin: String?, now: Date = Date()) throws -> CacheKey {
        switch record.cacheKey {
        case nil:
            throw ClientError(.usage, "the profile has no data key; run `tern-device setup` again")
        case .open(let bytes):
            guard let key = CacheKey(bytes: bytes) else {
                throw ClientError(.usage, "the profile's data key is damaged")
            }
            return key
        case .pinProtected:
            var expired = false
            if let session = UnlockSession.read(in: directory) {
                if !session.isExpired(after: record.pinPolicy.inactivityLock, now: now),
                    let key = CacheKey(bytes: session.key)
                {
                    try UnlockSession(key: session.key, lastUsedAt: now).write(in: directory)
                    return key
                }
                try UnlockSession.remove(in: directory)
                expired = true
            }
            guard let pin else {
                let why =
                    expired
                    ? "the device locked itself after \(record.pinPolicy.inactivityLock ?? 0) s unused"
                    : "the device is locked"
                throw ClientError(.locked, "\(why); run `tern-device pin unlock`")
            }
            return try unlock(pin)
        }
    }

    /// `pin unlock`: opens the data key with `pin` and starts a session. A wrong PIN is counted;
    /// the policy's MaxDevicePasswordFailedAttempts-th in a row erases the local data.
    @discardableResult
    public mutating func unlock(_ pin: String) throws -> CacheKey {
        try refuseIfWiped()
        guard var protected = record.pinProtection else {
            throw ClientError(.usage, "no PIN is set on this device; `tern-device pin set` sets one")
        }
        guard let key = try protected.unwrap(pin) else {
            protected.failedAttempts += 1
            let limit = record.pinPolicy.maximumFailedAttempts
            if let limit, protected.failedAttempts >= limit {
                try eraseLocalData(.failedPINs)
                throw ClientError(
                    .wiped,
                    "\(limit) wrong PINs in a row: the local data, keys and password are erased; run `tern-device setup` again"
                )
            }
            record.cacheKey = .pinProtected(lock: protected)
            try save()
            let left =
                limit.map { limit in
                    let remaining = limit - protected.failedAttempts
                    return " (\(remaining) more wrong \(remaining == 1 ? "PIN erases" : "PINs erase") the local data)"
                } ?? ""
            throw ClientError(.locked, "wrong PIN\(left)")
        }
        if protected.failedAttempts != 0 {
            protected.failedAttempts = 0
            record.cacheKey = .pinProtected(lock: protected)
            try save()
        }
        try UnlockSession(key: key.bytes, lastUsedAt: Date()).write(in: directory)
        return key
    }

    /// `pin set`: checks `pin` against the policy received at Provision and wraps the data key
    /// with it; the device stays unlocked. Changing a PIN needs the device unlocked.
    ///
    /// The first PIN starts a new data key, as the old one sat in `profile.json` unwrapped: the
    /// password is sealed again and the cache dropped, to be synced again from scratch (every
    /// change this device made is on the server already).
    public mutating func setPIN(_ pin: String) throws {
        try refuseIfWiped()
        if let violation = record.pinPolicy.violation(of: PINQuality(pin)) {
            throw ClientError(.pinRequired, "PIN refused: \(violation)")
        }
        var key = try unlockedKey(pin: nil)
        if case .open = record.cacheKey, let sealed = record.sealedPassword {
            let password = try key.openText(sealed, context: ProfileRecord.passwordContext)
            key = CacheKey.random()
            record.sealedPassword = try key.seal(password, context: ProfileRecord.passwordContext)
            try removeCache()
        }
        record.cacheKey = .pinProtected(lock: try PINProtectedKey(wrapping: key, pin: pin))
        try save()
        try UnlockSession(key: key.bytes, lastUsedAt: Date()).write(in: directory)
    }

    /// `pin lock`: ends the unlocked session at once.
    public func lock() throws {
        try UnlockSession.remove(in: directory)
    }

    /// What `pin status` shows.
    public var lockStatus: LockStatus {
        let policy = record.pinPolicy
        let protected = record.pinProtection
        let session =
            protected == nil
            ? nil : UnlockSession.read(in: directory).flatMap { $0.isExpired(after: policy.inactivityLock) ? nil : $0 }
        return LockStatus(
            pinSet: protected != nil, pinRequired: policy.required, rules: policy.summary,
            compliant: !policy.required || protected.map { policy.violation(of: $0.quality) == nil } == true,
            unlocked: record.cacheKey != nil && (protected == nil || session != nil),
            locksAt: session.flatMap { session in
                policy.inactivityLock.map { session.lastUsedAt.addingTimeInterval(Double($0)) }
            },
            failedAttempts: protected?.failedAttempts ?? 0, maximumFailedAttempts: policy.maximumFailedAttempts,
            inactivityLock: policy.inactivityLock)
    }

    /// Erases the local data for `reason`: the cache and the password always; the data key,
    /// the PIN and the session unless only the account is wiped; the policy when the server
    /// ordered it. `profile.json` keeps the account's address and the time, for `wipe-status`.
    mutating func eraseLocalData(_ reason: WipeReason) throws {
        try removeCache()
        record.sealedPassword = nil
        record.policyKey = nil
        if reason != .accountOnly {
            record.cacheKey = nil
            try lock()
        }
        if reason != .failedPINs { record.policy = [] }
        record.wipedAt = Date()
        record.wipeReason = reason
        try save()
    }

    /// A `.wiped` error when the local data is gone.
    func refuseIfWiped() throws {
        guard let wipedAt = record.wipedAt else { return }
        let reason = (record.wipeReason ?? .remote).explanation
        throw ClientError(.wiped, "\(reason) (at \(wipedAt.formatted(.iso8601))); run `tern-device setup` again")
    }
}
