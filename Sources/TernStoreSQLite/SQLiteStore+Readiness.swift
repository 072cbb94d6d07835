import Foundation
import GRDB
public import TernStore

extension SQLiteStore {
    public func checkReadiness() async throws(StoreError) {
        try await writeWithoutChange { db in
            guard try Migrations.migrator.hasCompletedMigrations(db) else {
                throw StoreError(.database, "the database is not migrated to this version")
            }
            try db.execute(
                literal: "INSERT OR REPLACE INTO readiness (id, checked_at) VALUES (1, \(Date().timeIntervalSince1970))"
            )
        }
    }
}
