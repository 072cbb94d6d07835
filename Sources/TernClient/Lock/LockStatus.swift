public import Foundation

/// Whether a PIN is set and the device unlocked, against what the policy asks.
public struct LockStatus: Codable, Hashable, Sendable {
    public let pinSet: Bool
    /// The policy asks for a PIN (DevicePasswordEnabled).
    public let pinRequired: Bool
    /// The policy's PIN rules in a few words.
    public let rules: String
    /// The PIN set meets the policy, or none is needed.
    public let compliant: Bool
    /// The data key is at hand: no PIN is set, or a session is live.
    public let unlocked: Bool
    /// When the session ends if unused (MaxInactivityTimeDeviceLock).
    public let locksAt: Date?
    public let failedAttempts: Int
    public let maximumFailedAttempts: Int?
    /// Seconds of inactivity before the device locks.
    public let inactivityLock: Int?
}
