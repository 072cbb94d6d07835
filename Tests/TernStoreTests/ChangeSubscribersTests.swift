import Synchronization
import TernStore
import Testing

/// The subscribers every backend's change feed hands its changes to.
struct ChangeSubscribersTests {
    static func change(for userID: User.ID, policy: Bool = false) -> StoreChange {
        StoreChange(userID: userID, modSeq: .zero, folderIDs: [], hierarchyChanged: false, policyChanged: policy)
    }

    @Test func aDefaultPolicyChangeReachesEveryUserAddressedToThemAndTheAllFeedOnce() async {
        let subscribers = ChangeSubscribers()
        let anna = subscribers.subscribe(userID: 1)
        let bruno = subscribers.subscribe(userID: 2)
        let all = subscribers.subscribeToAll()
        #expect(subscribers.hears(StoreChange.everyUser) && subscribers.hears(3), "the all feed hears everyone")
        subscribers.announce([Self.change(for: StoreChange.everyUser, policy: true)])
        subscribers.finish()
        #expect(await anna.map(\.userID).reduce(into: []) { $0.append($1) } == [1])
        #expect(await bruno.map(\.userID).reduce(into: []) { $0.append($1) } == [2])
        #expect(await all.map(\.userID).reduce(into: []) { $0.append($1) } == [StoreChange.everyUser])
    }

    @Test func aUsersChangeReachesOnlyTheirSubscribers() async {
        let subscribers = ChangeSubscribers()
        let anna = subscribers.subscribe(userID: 1)
        #expect(subscribers.hears(1) && !subscribers.hears(2))
        subscribers.announce([Self.change(for: 2), Self.change(for: 1)])
        subscribers.finish()
        #expect(await anna.map(\.userID).reduce(into: []) { $0.append($1) } == [1])
    }

    @Test func aSubscriptionAfterTheEndEndsAtOnce() async {
        let subscribers = ChangeSubscribers()
        subscribers.finish()
        var changes = subscribers.subscribe(userID: 1).makeAsyncIterator()
        #expect(await changes.next() == nil)
        var all = subscribers.subscribeToAll().makeAsyncIterator()
        #expect(await all.next() == nil)
        #expect(subscribers.isEmpty)
    }

    @Test func anAllFeedWithAnInterestHearsOnlyTheUsersItWants() {
        let subscribers = ChangeSubscribers()
        let wanted = Mutex<Set<User.ID>>([1])
        let all = subscribers.subscribeToAll(
            interest: ChangeInterest(
                wants: { userID in wanted.withLock { $0.contains(userID) } }, users: { wanted.withLock { $0 } }))
        let bruno = subscribers.subscribe(userID: 5)
        #expect(subscribers.hears(1) && subscribers.hears(5) && !subscribers.hears(2))
        #expect(subscribers.hears(StoreChange.everyUser), "a default-policy change is heard by anybody")
        #expect(subscribers.heardUsers() == [1, 5])
        wanted.withLock { $0 = [2] }
        #expect(subscribers.hears(2) && !subscribers.hears(1), "asked each time, not remembered")
        #expect(subscribers.heardUsers() == [2, 5])
        let everyone = subscribers.subscribeToAll()
        #expect(subscribers.hears(7) && subscribers.heardUsers() == nil, "a feed of every user hears everyone")
        withExtendedLifetime((all, bruno, everyone)) {}
    }
}
