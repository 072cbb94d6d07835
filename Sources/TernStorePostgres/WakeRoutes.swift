import PostgresNIO
import Synchronization
import TernStore

/// Which nodes a user's commits wake. A commit's NOTIFY goes to the own channel of each node
/// named in its user's `wake_nodes` (`LoggedCommit.channels(wakeNodes:)`), or to the schema's
/// channel, which every node hears, while the column is NULL. Without it every node would
/// wake for every commit, read it and drop it: a cost each node added paid on every commit.
///
/// A node names itself for a user before a request of the user's waits there (`add(_:in:)`,
/// from `Store.listenForChanges(of:)`). It writes the user's row, so it waits for a commit
/// that holds the row's lock: a commit either names the node or committed before the
/// request checks the store. It stays named while it is alive, and is named once a user.
///
/// A node is alive while its LISTEN connection is: the connection stamps `nodes.seen_at` when
/// it opens and at every liveness probe (`stamp(_:)`), and a node naming itself for a user
/// drops the nodes not seen for `expiry`. A node whose connection was down for half that
/// names itself again for every user it named itself for, once the connection is back.
final class WakeRoutes: Sendable {
    private struct State {
        var named: Set<User.ID> = []
        var lastStamp: ContinuousClock.Instant?
    }

    /// This node's id, its channel's suffix (`LoggedCommit.nodeChannel`).
    let nodeID: String
    /// How long a node not seen stays named.
    static let expiry: Duration = .seconds(600)
    private let state = Mutex(State())

    init(nodeID: String) {
        self.nodeID = nodeID
    }

    /// Whether this node named itself for `userID` already.
    func isNamed(for userID: User.ID) -> Bool { state.withLock { $0.named.contains(userID) } }

    /// Names this node for `users`' commits, dropping the nodes no longer alive.
    func add(_ users: [User.ID], in session: PostgresSession) async throws {
        let expiry = Double(Self.expiry.components.seconds)
        try await session.run(
            """
            WITH known AS (
                INSERT INTO nodes (id, seen_at) VALUES (\(nodeID), now()) ON CONFLICT (id) DO NOTHING
            )
            UPDATE users SET wake_nodes = ARRAY(
                SELECT node FROM unnest(wake_nodes) AS node
                WHERE node <> \(nodeID)
                AND node IN (SELECT id FROM nodes WHERE seen_at > now() - make_interval(secs => \(expiry)))
            ) || \(nodeID)::text
            WHERE id = ANY(\(users)::bigint[])
            """)
        state.withLock { $0.named.formUnion(users) }
    }

    /// Stamps this node as seen, on its LISTEN connection; after a gap of half `expiry`, first
    /// names it again for every user it was named for, since another node may have dropped it.
    func stamp(_ session: PostgresSession) async throws {
        let (stale, named) = state.withLock { state in
            (state.lastStamp.map { .now - $0 > Self.expiry / 2 } ?? false, Array(state.named))
        }
        if stale, !named.isEmpty { try await add(named, in: session) }
        try await session.run(
            """
            INSERT INTO nodes (id, seen_at) VALUES (\(nodeID), now())
            ON CONFLICT (id) DO UPDATE SET seen_at = now()
            """)
        state.withLock { $0.lastStamp = .now }
    }
}
