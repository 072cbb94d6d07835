import ActiveSync
import Testing

/// A body sized by a BodyPreference (MS-ASAIRS 2.2.2.9).
struct BodyDataTests {
    @Test(arguments: [(2, "Gr"), (3, "Gr"), (4, "Grü"), (5, "Grü"), (6, "Grü"), (7, "Grü€")])
    func truncationNeverSplitsACharacter(_ size: Int, _ expected: String) {
        // "Grü€ß": ü is 2 bytes (2–3), € is 3 bytes (4–6), ß 2 bytes (7–8).
        let body = BodyData(
            type: 1, content: Array("Grü€ß".utf8), preference: BodyPreference(type: 1, truncationSize: size),
            preview: { "" }, version: .v16_1)
        #expect(body.text == expected)
        #expect(body.isTruncated)
        #expect(body.estimatedDataSize == 9)
    }

    @Test func previewIsSentFrom14Point0OnAndOnlyWhenAsked() {
        let asked = BodyPreference(type: 1, preview: 3)
        let body = { (version: ProtocolVersion, preference: BodyPreference) in
            BodyData(
                type: 1, content: Array("Hello".utf8), preference: preference, preview: { "Hello" }, version: version)
        }
        #expect(body(.v16_1, asked).preview == "Hel")
        #expect(body(.v12_1, asked).preview == nil)
        #expect(body(.v16_1, BodyPreference(type: 1)).preview == nil)
    }
}
