import Foundation
import TernTesting
import Testing
import WBXML

@testable import SchemaValidation

/// The XSDs in `Schemas/` against the golden corpus (every real-shaped document validates)
/// and against documents that are wrong in one way each (each fails).
struct SchemaValidatorTests {
    static let validator = Result {
        try SchemaValidator(schemaDirectory: Fixtures.repositoryRoot.appending(path: "Schemas").path)
    }

    @Test(arguments: Fixtures.all.filter { !$0.name.hasSuffix("-large") })
    func everyCorpusDocumentValidates(_ fixture: Fixtures.Fixture) throws {
        let root = try XMLReader().read(try fixture.xml())
        #expect(throws: Never.self) { try Self.validator.get().validate(root) }
    }

    @Test(arguments: [
        (
            "another command's element",
            #"<FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey><DisplayName>x</DisplayName></FolderSync>"#
        ),
        ("a status that is not a number", #"<Ping xmlns="Ping:"><Status>abc</Status></Ping>"#),
        (
            "an element under the wrong parent",
            #"<FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey><Changes><Status>1</Status></Changes></FolderSync>"#
        ),
        (
            "a body type out of range",
            #"<Sync xmlns="AirSync:" xmlns:airsyncbase="AirSyncBase:"><Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Options><airsyncbase:BodyPreference><airsyncbase:Type>9</airsyncbase:Type></airsyncbase:BodyPreference></Options></Collection></Collections></Sync>"#
        ),
        (
            "a window size over 512",
            #"<Sync xmlns="AirSync:"><Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><WindowSize>513</WindowSize></Collection></Collections></Sync>"#
        ),
        (
            "a contact property in an email's place",
            #"<Sync xmlns="AirSync:" xmlns:email="Email:"><Collections><Collection><SyncKey>1</SyncKey><CollectionId>5</CollectionId><Commands><Add><ServerId>5:1</ServerId><ApplicationData><email:Read>yes</email:Read></ApplicationData></Add></Commands></Collection></Collections></Sync>"#
        ),
    ])
    func aDocumentWrongInOneWayFails(_ what: String, _ text: String) throws {
        let root = try XMLReader().read(text)
        #expect(throws: SchemaValidationError.self, "\(what) validated") { try Self.validator.get().validate(root) }
    }

    @Test func violationsAreReportedOneLineEach() throws {
        let root = try XMLReader().read(#"<Ping xmlns="Ping:"><Status>abc</Status></Ping>"#)
        do {
            try Self.validator.get().validate(root)
            Issue.record("an invalid Status validated")
        } catch let error as SchemaValidationError {
            #expect(!error.messages.isEmpty)
            #expect(error.messages.allSatisfy { !$0.contains("\n") && $0.contains("Status") })
        }
    }

    @Test func aMissingSchemaFolderIsAClearError() {
        #expect(throws: SchemaValidationError.self) { try SchemaValidator(schemaDirectory: "/nonexistent/schemas") }
    }
}
