import Foundation
import GRDB
public import TernStore

extension SQLiteStore {
    public func outOfOffice(of userID: User.ID) async throws(StoreError) -> OutOfOffice {
        try await read { db in
            try OutOfOffice(
                storedDocument: try Data.fetchOne(
                    db, literal: "SELECT document FROM out_of_office WHERE user_id = \(userID)"))
        }
    }

    public func setOutOfOffice(_ settings: OutOfOffice, of userID: User.ID) async throws(StoreError) {
        let document = try settings.storedDocument()
        try await writeWithoutChange { db in
            try db.executeCached(
                literal: "INSERT OR REPLACE INTO out_of_office (user_id, document) VALUES (\(userID), \(document))")
        }
    }
}
