import Foundation
import TernTesting
import Testing

/// The files `Deploy/` tells an operator to install: the systemd unit is one systemd takes
/// and keeps its hardening, the container file runs what it builds as a user that is not root.
@Suite struct DeployFilesTests {
    static let deploy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../Deploy")
        .standardized

    static func read(_ name: String) throws -> String {
        try String(contentsOf: deploy.appending(path: name), encoding: .utf8)
    }

    /// The single server's unit and the templated unit of a node on PostgreSQL.
    @Test(arguments: ["tern.service", "two-nodes/tern@.service"])
    func theSystemdUnitVerifiesCleanWithItsHardening(_ name: String) throws {
        let analyze = try #require(
            ChildProcess.onPath("systemd-analyze"), "systemd-analyze comes with Debian's systemd")
        let unit = try Self.read(name)
        for setting in [
            "User=tern", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
            "PrivateDevices=yes", "LimitNOFILE=262144", "SystemCallArchitectures=native",
            "SystemCallFilter=@system-service", "MemoryDenyWriteExecute=yes", "ExecReload=/bin/kill -HUP $MAINPID",
        ] {
            #expect(unit.split(separator: "\n").contains { $0 == setting }, "\(setting)")
        }
        // verify checks that ExecStart's binary exists: point it at the one just built.
        let folder = try TemporaryDirectory("tern-unit")
        defer { folder.remove() }
        let copy = folder.url.appending(path: URL(fileURLWithPath: name).lastPathComponent)
        try unit.replacingOccurrences(of: "/usr/local/bin/tern", with: ChildProcess.builtProduct("tern").path)
            .write(to: copy, atomically: true, encoding: .utf8)
        let result = try ChildProcess(analyze, ["verify", copy.path]).run()
        #expect(result.status == 0 && result.standardError.isEmpty, "\(result.standardError)")
    }

    @Test func theContainerRunsAsANonRootUserWithAVolumeAndAHealthCheck() throws {
        let lines = try Self.read("Containerfile").split(separator: "\n").map(String.init)
        let stages = lines.filter { $0.hasPrefix("FROM ") }
        #expect(stages.count == 2, "a build stage and a runtime stage")
        let runtime = lines.drop { $0 != stages.last }
        #expect(runtime.contains("USER tern"))
        #expect(runtime.contains("VOLUME /var/lib/tern"))
        #expect(runtime.contains { $0.hasPrefix("HEALTHCHECK ") })
        #expect(!runtime.contains { $0.contains("swift") && $0.hasPrefix("RUN ") }, "no toolchain at run time")
    }
}
