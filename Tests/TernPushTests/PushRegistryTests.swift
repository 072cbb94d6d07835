import TernStore
import Testing

@testable import TernPush

/// The push registry as a state machine: plain integers stand for continuations and time is
/// a manual clock, so every transition is checked without sockets or sleeping.
struct PushRegistryTests {
    typealias Registry = PushRegistry<Int>

    static let anna: User.ID = 1
    static let bruno: User.ID = 2
    static let inbox: Folder.ID = 10
    static let calendar: Folder.ID = 11

    /// Arms device `deviceID` of `userID` on `folders` and hands over continuation `deviceID`.
    static func hold(
        _ registry: inout Registry, _ deviceID: Device.ID, of userID: User.ID = anna,
        on folders: Set<Folder.ID> = [inbox],
        until deadline: Duration = .seconds(60)
    ) throws -> Registry.Ticket {
        let (result, _) = registry.arm(userID: userID, deviceID: deviceID, folderIDs: folders, deadline: deadline)
        let ticket = try result.get()
        #expect(registry.wait(ticket, continuation: Int(deviceID)) == nil)
        return ticket
    }

    static func woken(_ resumptions: [Registry.Resumption]) -> [Int: PushWake] {
        Dictionary(uniqueKeysWithValues: resumptions.map { ($0.continuation, $0.wake) })
    }

    @Test func aChangeWakesOnlyTheWaitersWatchingItsFolder() throws {
        var registry = Registry(maxPerUser: 10, maxTotal: 10)
        _ = try Self.hold(&registry, 1, on: [Self.inbox])
        _ = try Self.hold(&registry, 2, on: [Self.calendar])
        _ = try Self.hold(&registry, 3, of: Self.bruno, on: [Self.inbox])
        let woken = Self.woken(
            registry.apply(
                StoreChange(
                    userID: Self.anna, modSeq: ModSeq(rawValue: 5), folderIDs: [Self.inbox], hierarchyChanged: false)))
        #expect(woken == [1: .changed([Self.inbox])])
        #expect(registry.count == 2)
    }

    @Test func aHierarchyChangeWakesEveryWaiterOfTheUser() throws {
        var registry = Registry(maxPerUser: 10, maxTotal: 10)
        _ = try Self.hold(&registry, 1, on: [Self.inbox])
        _ = try Self.hold(&registry, 2, on: [Self.calendar])
        let woken = Self.woken(
            registry.apply(StoreChange(userID: Self.anna, modSeq: .zero, folderIDs: [], hierarchyChanged: true)))
        #expect(woken == [1: .hierarchyChanged, 2: .hierarchyChanged])
    }

    @Test func aDeviceChangeWakesThatDeviceAndAPolicyChangeAllOfTheUsers() throws {
        var registry = Registry(maxPerUser: 10, maxTotal: 10)
        _ = try Self.hold(&registry, 1)
        _ = try Self.hold(&registry, 2)
        let device = registry.apply(
            StoreChange(userID: Self.anna, modSeq: .zero, folderIDs: [], hierarchyChanged: false, deviceIDs: [2]))
        #expect(Self.woken(device) == [2: .deviceChanged])
        _ = try Self.hold(&registry, 2)
        let policy = registry.apply(
            StoreChange(userID: Self.anna, modSeq: .zero, folderIDs: [], hierarchyChanged: false, policyChanged: true))
        #expect(Self.woken(policy) == [1: .deviceChanged, 2: .deviceChanged])
    }

    @Test func aDefaultPolicyChangeWakesEveryUsersWaiters() throws {
        var registry = Registry(maxPerUser: 10, maxTotal: 10)
        _ = try Self.hold(&registry, 1)
        _ = try Self.hold(&registry, 2, of: Self.bruno)
        let change = StoreChange(
            userID: StoreChange.everyUser, modSeq: .zero, folderIDs: [], hierarchyChanged: false, policyChanged: true)
        #expect(Self.woken(registry.apply(change)) == [1: .deviceChanged, 2: .deviceChanged])
        #expect(registry.count == 0)
    }

    @Test func aWaiterExpiresAtItsDeadlineAndNotBefore() throws {
        var registry = Registry(maxPerUser: 10, maxTotal: 10)
        _ = try Self.hold(&registry, 1, until: .milliseconds(1_500))
        #expect(registry.expire(now: .seconds(1)).isEmpty)
        #expect(Self.woken(registry.expire(now: .seconds(2))) == [1: .expired])
        #expect(registry.count == 0)
    }

    @Test func aNewerRequestOfTheSameDeviceEndsTheOlderOne() throws {
        var registry = Registry(maxPerUser: 10, maxTotal: 10)
        let older = try Self.hold(&registry, 1, until: .seconds(5))
        let (result, superseded) = registry.arm(
            userID: Self.anna, deviceID: 1, folderIDs: [Self.inbox], deadline: .seconds(60))
        #expect(superseded?.continuation == 1 && superseded?.wake == .superseded)
        let newer = try result.get()
        #expect(registry.wait(newer, continuation: 100) == nil)
        #expect(registry.expire(now: .seconds(5)).isEmpty, "the older deadline no longer ends the newer request")
        #expect(registry.release(older) == nil)
        #expect(registry.count == 1)
    }

    @Test func aChangeWhileArmedIsKeptForTheWait() throws {
        var registry = Registry(maxPerUser: 10, maxTotal: 10)
        let ticket = try registry.arm(userID: Self.anna, deviceID: 1, folderIDs: [Self.inbox], deadline: .seconds(60)).0
            .get()
        #expect(
            registry.apply(
                StoreChange(
                    userID: Self.anna, modSeq: ModSeq(rawValue: 1), folderIDs: [Self.inbox], hierarchyChanged: false)
            ).isEmpty)
        let resumed = registry.wait(ticket, continuation: 1)
        #expect(resumed?.wake == .changed([Self.inbox]))
        #expect(registry.count == 0)
    }

    @Test func aCancelledWaiterIsResumedOnceAndAWaitAfterCancelReturnsAtOnce() throws {
        var registry = Registry(maxPerUser: 10, maxTotal: 10)
        let waiting = try Self.hold(&registry, 1)
        #expect(registry.release(waiting)?.wake == .cancelled)
        #expect(registry.release(waiting) == nil)
        let armed = try registry.arm(userID: Self.anna, deviceID: 2, folderIDs: [Self.inbox], deadline: .seconds(60)).0
            .get()
        #expect(registry.release(armed) == nil)
        #expect(registry.wait(armed, continuation: 2)?.wake == .cancelled)
    }

    @Test func theCapsPerUserAndInAllRefuseMore() throws {
        var registry = Registry(maxPerUser: 2, maxTotal: 3)
        _ = try Self.hold(&registry, 1)
        _ = try Self.hold(&registry, 2)
        #expect(
            registry.arm(userID: Self.anna, deviceID: 3, folderIDs: [], deadline: .seconds(60)).0
                == .failure(.overCapacity))
        _ = try Self.hold(&registry, 2, on: [Self.calendar])
        _ = try Self.hold(&registry, 4, of: Self.bruno)
        #expect(
            registry.arm(userID: Self.bruno, deviceID: 5, folderIDs: [], deadline: .seconds(60)).0
                == .failure(.overCapacity))
    }

    @Test func shutdownAnswersEveryWaiterAndRefusesNewOnes() throws {
        var registry = Registry(maxPerUser: 10, maxTotal: 10)
        _ = try Self.hold(&registry, 1)
        _ = try Self.hold(&registry, 2, of: Self.bruno)
        #expect(Self.woken(registry.shutDown()) == [1: .shutDown, 2: .shutDown])
        #expect(
            registry.arm(userID: Self.anna, deviceID: 3, folderIDs: [], deadline: .seconds(60)).0
                == .failure(.shuttingDown))
    }
}
