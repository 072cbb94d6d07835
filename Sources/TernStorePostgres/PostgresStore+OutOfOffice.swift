import Foundation
import PostgresNIO
public import TernStore

extension PostgresStore {
    public func outOfOffice(of userID: User.ID) async throws(StoreError) -> OutOfOffice {
        try await readStatement { session in
            try OutOfOffice(
                storedDocument: try await session.value(
                    Data.self, "SELECT document FROM out_of_office WHERE user_id = \(userID)"))
        }
    }

    public func setOutOfOffice(_ settings: OutOfOffice, of userID: User.ID) async throws(StoreError) {
        let document = try settings.storedDocument()
        try await writeWithoutChange { session in
            try await session.run(
                """
                INSERT INTO out_of_office (user_id, document) VALUES (\(userID), \(document))
                ON CONFLICT (user_id) DO UPDATE SET document = excluded.document
                """)
        }
    }
}
