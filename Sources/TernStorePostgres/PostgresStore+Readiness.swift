import Foundation
import PostgresNIO
public import TernStore

extension PostgresStore {
    public func checkReadiness() async throws(StoreError) {
        try await writeWithoutChange { session in
            guard try await PostgresMigrations.isMigrated(session) else {
                throw StoreError(.database, "the database is not migrated to this version")
            }
            try await session.run(
                """
                INSERT INTO readiness (id, checked_at) VALUES (1, \(Date().timeIntervalSince1970))
                ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at
                """)
        }
    }
}
