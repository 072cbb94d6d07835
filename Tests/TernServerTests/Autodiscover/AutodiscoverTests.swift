import Foundation
import TernTesting
import Testing

/// `/autodiscover/autodiscover.xml` over a real socket: the mobile settings, checked element
/// by element with Foundation's XML parser, and every refusal.
@Suite(.serialized)
struct AutodiscoverTests {
    static let requestNamespace = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006"
    static let mobile = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"
    static let envelope = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"

    static func request(
        _ address: String, schema: String = mobile, namespace: String = requestNamespace
    ) -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <Autodiscover xmlns="\(namespace)">
              <Request>
                <EMailAddress>\(address)</EMailAddress>
                <AcceptableResponseSchema>\(schema)</AcceptableResponseSchema>
              </Request>
            </Autodiscover>
            """.utf8)
    }

    private func post(
        _ server: RunningServer, _ body: [UInt8], path: String = "/autodiscover/autodiscover.xml",
        password: String? = "secret"
    ) async throws -> RunningServer.HTTPReply {
        try await server.send(
            "POST", path, headers: ["Content-Type": "text/xml"], basic: password.map { ("anna", $0) }, body: body)
    }

    private static func mobileElement(_ name: String, _ text: String) -> ParsedXML {
        ParsedXML(mobile, name, text: text)
    }
    private static func mobileElement(_ name: String, _ children: [ParsedXML]) -> ParsedXML {
        ParsedXML(mobile, name, children: children)
    }

    private static func errorDocument(code: String, message: String) -> ParsedXML {
        ParsedXML(
            envelope, "Autodiscover",
            children: [
                ParsedXML(
                    envelope, "Response",
                    children: [
                        ParsedXML(
                            envelope, "Error",
                            children: [
                                ParsedXML(envelope, "ErrorCode", text: code),
                                ParsedXML(envelope, "Message", text: message),
                                ParsedXML(envelope, "DebugData"),
                            ])
                    ])
            ])
    }

    @Test(arguments: ["/autodiscover/autodiscover.xml", "/Autodiscover/Autodiscover.xml"])
    func theUsersOwnAddressGetsTheActiveSyncURLOfThePublicURL(path: String) async throws {
        try await RunningServer.with(publicURL: "https://mail.example.com/") { server in
            let reply = try await post(server, Self.request("Anna@Tern.Example"), path: path)
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == "text/xml; charset=utf-8")
            let url = "https://mail.example.com/Microsoft-Server-ActiveSync"
            let expected = ParsedXML(
                Self.envelope, "Autodiscover",
                children: [
                    Self.mobileElement(
                        "Response",
                        [
                            Self.mobileElement("Culture", "en:us"),
                            Self.mobileElement(
                                "User",
                                [
                                    Self.mobileElement("DisplayName", "Anna"),
                                    Self.mobileElement("EMailAddress", "anna@tern.example"),
                                ]),
                            Self.mobileElement(
                                "Action",
                                [
                                    Self.mobileElement(
                                        "Settings",
                                        [
                                            Self.mobileElement(
                                                "Server",
                                                [
                                                    Self.mobileElement("Type", "MobileSync"),
                                                    Self.mobileElement("Url", url), Self.mobileElement("Name", url),
                                                ])
                                        ])
                                ]),
                        ])
                ])
            #expect(ParsedXML.parse(reply.body) == expected, "\(reply.text)")
        }
    }

    @Test func withoutAPublicURLTheRequestsHostIsUsed() async throws {
        try await RunningServer.with { server in
            let reply = try await post(server, Self.request("anna@tern.example"))
            let parsed = try #require(ParsedXML.parse(reply.body))
            let serverElement = parsed.children.first?.children.last?.children.first?.children.first
            #expect(
                serverElement?.children.first { $0.name == "Url" }?.text
                    == "http://127.0.0.1:\(server.port)/Microsoft-Server-ActiveSync")
        }
    }

    @Test func anotherUsersAddressGetsTheMobileErrorAndNothingOfTheirs() async throws {
        try await RunningServer.with { server in
            _ = try await server.createOtherUser()
            let reply = try await post(server, Self.request("bruno@tern.example"))
            #expect(reply.status == 200)
            let expected = ParsedXML(
                Self.envelope, "Autodiscover",
                children: [
                    Self.mobileElement(
                        "Response",
                        [
                            Self.mobileElement("Culture", "en:us"),
                            Self.mobileElement(
                                "Action",
                                [
                                    Self.mobileElement(
                                        "Error",
                                        [
                                            Self.mobileElement("Status", "2"),
                                            Self.mobileElement(
                                                "Message", "The e-mail address is not the signed-in user's"),
                                        ])
                                ]),
                        ])
                ])
            #expect(ParsedXML.parse(reply.body) == expected, "\(reply.text)")
            #expect(!reply.text.contains("Bruno"))
        }
    }

    @Test func outlooksPOXSchemaGetsErrorCode601() async throws {
        try await RunningServer.with { server in
            let pox = Self.request(
                "anna@tern.example",
                schema: "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a",
                namespace: "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006")
            let reply = try await post(server, pox)
            let parsed = try #require(ParsedXML.parse(reply.body))
            #expect(parsed.children.first?.children.first?.children.first { $0.name == "ErrorCode" }?.text == "601")
        }
    }

    @Test func withoutCredentialsTheAnswerIs401WithAChallenge() async throws {
        try await RunningServer.with { server in
            let anonymous = try await post(server, Self.request("anna@tern.example"), password: nil)
            #expect(anonymous.status == 401)
            #expect(anonymous.headers["www-authenticate"] == "Basic realm=\"Tern\"")
            #expect(try await post(server, Self.request("anna@tern.example"), password: "wrong").status == 401)
            #expect(try await server.send("GET", "/autodiscover/autodiscover.xml").status == 401)
        }
    }

    @Test func aSignedInGetIsAnInvalidRequest() async throws {
        try await RunningServer.with { server in
            let reply = try await server.send("GET", "/autodiscover/autodiscover.xml", basic: ("anna", "secret"))
            #expect(reply.status == 200)
            #expect(ParsedXML.parse(reply.body) == Self.errorDocument(code: "600", message: "Invalid Request"))
        }
    }

    @Test func aBodyOver64KiBIsRefusedWith413() async throws {
        try await RunningServer.with { server in
            let padding = "<!--" + String(repeating: "x", count: 70_000) + "-->"
            let reply = try await post(server, Self.request("anna@tern.example") + Array(padding.utf8))
            #expect(reply.status == 413)
        }
    }

    @Test(arguments: [
        "<Autodiscover",  // truncated
        #"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e "anna@tern.example">]><Autodiscover/>"#,
        #"<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006"><Request><EMailAddress>&e;</EMailAddress></Request></Autodiscover>"#,
        #"<Other xmlns="urn:x"/>"#,
    ])
    func malformedOrForeignXMLGetsErrorCode600(body: String) async throws {
        try await RunningServer.with { server in
            let reply = try await post(server, Array(body.utf8))
            #expect(reply.status == 200)
            #expect(ParsedXML.parse(reply.body) == Self.errorDocument(code: "600", message: "Invalid Request"))
        }
    }
}
