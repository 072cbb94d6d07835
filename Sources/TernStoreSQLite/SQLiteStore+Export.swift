package import GRDB
package import TernStore

/// What `tern migrate` needs to read a store out whole: whether its schema is the one this
/// version writes, and one unchanging view of it across many reads.
extension SQLiteStore {
    /// Whether every migration this version knows has run and none it does not know (a store
    /// written by a newer Tern, whose tables this version could not account for).
    package func schemaIsCurrent() async throws(StoreError) -> Bool {
        try await read { db in
            let migrator = Migrations.migrator
            return try migrator.hasCompletedMigrations(db) && !migrator.hasBeenSuperseded(db)
        }
    }

    /// A snapshot of the database as it is now: every read through it sees the same
    /// committed state, whatever is written meanwhile.
    package func makeSnapshot() throws(StoreError) -> DatabaseSnapshot {
        do {
            return try pool.makeSnapshot()
        } catch {
            throw Self.storeError(error)
        }
    }
}
