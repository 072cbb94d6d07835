import TernStore
import Testing

@testable import TernServer

/// The console's plain values driven directly: the lockout with made-up instants, escaping,
/// form decoding, the policy in words.
struct WebAdminValuesTests {
    let start = ContinuousClock.now

    @Test func theLockoutClosesAtTheFifthFailureAndOpensFifteenMinutesAfterTheFirst() {
        var lockout = SignInLockout()
        for minute in 0..<4 { lockout.recordFailure(of: "192.0.2.7", at: start + .seconds(60 * minute)) }
        #expect(!lockout.isLocked("192.0.2.7", at: start + .seconds(300)))
        lockout.recordFailure(of: "192.0.2.7", at: start + .seconds(300))
        #expect(lockout.isLocked("192.0.2.7", at: start + .seconds(301)))
        #expect(!lockout.isLocked("192.0.2.8", at: start + .seconds(301)), "per client address")
        #expect(lockout.isLocked("192.0.2.7", at: start + .seconds(899)))
        #expect(!lockout.isLocked("192.0.2.7", at: start + .seconds(900)), "the first failure left the window")
    }

    @Test func aSessionLastsThirtyMinutesFromItsLastUseAndEndsAtSignOut() throws {
        let sessions = ConsoleSessions()
        let session = sessions.open(at: start)
        let other = sessions.open(at: start)
        for token in [session.id, session.csrfToken, other.id] {
            #expect(token.wholeMatch(of: /[0-9a-f]{64}/) != nil, "256 bits in hex: \(token)")
        }
        #expect(Set([session.id, session.csrfToken, other.id, other.csrfToken]).count == 4)
        #expect(sessions.session(session.id, at: start + .seconds(29 * 60))?.csrfToken == session.csrfToken)
        #expect(sessions.session(session.id, at: start + .seconds(58 * 60)) != nil, "renewed by the last use")
        #expect(sessions.session(other.id, at: start + .seconds(30 * 60)) == nil, "idle for 30 minutes")
        #expect(sessions.session(other.id, at: start) == nil, "and forgotten")
        #expect(sessions.session(nil, at: start) == nil && sessions.session("guess", at: start) == nil)
        sessions.close(session.id)
        #expect(sessions.session(session.id, at: start + .seconds(59 * 60)) == nil)
    }

    @Test func interpolatedTextIsEscapedAndHTMLIsNot() {
        let model = "<script>alert(\"x\" & 'y')</script>"
        let cell: HTML = "<td title=\"\(model)\">\(model)</td>"
        #expect(
            cell.text
                == "<td title=\"&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;\">"
                + "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;</td>")
        let inner: HTML = "<b>\(model)</b>"
        let outer: HTML = "<p>\(inner)</p>"
        #expect(outer.text == "<p><b>&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;</b></p>")
    }

    @Test func formsDecodePlusAndPercentAndKeepTheFirstOfTwo() throws {
        let form = try FormBody(Array("login=anna+b&address=a%40b.example&login=other&empty=&bare".utf8))
        #expect(form["login"] == "anna b")
        #expect(form["address"] == "a@b.example")
        #expect(form.optional("empty") == nil && form["bare"] == "")
        #expect(throws: (any Error).self) { try form.required("missing", label: "Missing") }
        #expect(throws: (any Error).self) { try FormBody(Array("a=%E2%28".utf8)) }
    }

    @Test func thePolicyInWordsFollowsItsSettings() {
        #expect(DevicePolicy().rulesInWords.first == "Devices need no PIN.")
        let strict = DevicePolicy(
            devicePasswordEnabled: true, alphanumericDevicePasswordRequired: true, minDevicePasswordLength: 8,
            minDevicePasswordComplexCharacters: 3, allowSimpleDevicePassword: false,
            maxDevicePasswordFailedAttempts: 10,
            maxInactivityTimeDeviceLock: 300, devicePasswordExpiration: 90, devicePasswordHistory: 4,
            requireDeviceEncryption: true, attachmentsEnabled: false)
        #expect(
            strict.rulesInWords == [
                "Devices must be locked with a PIN of at least 8 characters made of letters and digits, using at "
                    + "least 3 of the four groups lower case, upper case, digits and symbols.",
                "Simple PINs such as 1111 or 1234 are refused.",
                "After 10 wrong PINs in a row the device wipes itself.",
                "The PIN must be changed every 90 days.",
                "The last 4 PINs cannot be used again.",
                "The device locks after 5 minutes without use.",
                "The device must encrypt its storage.",
                "Attachments are not downloaded to devices.",
            ])
    }
}
