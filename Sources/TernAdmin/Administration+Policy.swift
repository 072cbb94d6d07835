public import TernStore

extension Administration {
    /// The default policy, or the one in force for `login` (their override, else the default).
    public func policy(for login: String?) async throws -> StoredPolicy {
        guard let login else { return try await store.defaultPolicy() }
        return try await store.effectivePolicy(for: user(login).id)
    }

    /// The users with a policy of their own, by login, each with that override.
    public func policyOverrides() async throws -> [(login: String, policy: StoredPolicy)] {
        var overrides: [(login: String, policy: StoredPolicy)] = []
        for user in try await store.users() {
            let policy = try await store.effectivePolicy(for: user.id)
            if policy.isUserOverride { overrides.append((user.login, policy)) }
        }
        return overrides
    }

    /// Changes `settings` (EASProvisionDoc names, case-insensitive) in one new version of the
    /// default or of `login`'s override, so every device concerned provisions again
    /// (MS-ASPROV 3.2.5.1); nothing is stored when any setting is refused.
    public func setPolicy(_ settings: [(name: String, value: String)], for login: String?) async throws -> StoredPolicy
    {
        var changed = try await policy(for: login).policy
        for setting in settings { try changed.set(setting.name, to: setting.value) }
        var owner: User.ID?
        if let login { owner = try await user(login).id }
        return try await store.setPolicy(changed, for: owner)
    }
}
