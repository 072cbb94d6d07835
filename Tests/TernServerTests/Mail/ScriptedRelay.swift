import Foundation
import TernTesting

/// A relay that answers from a script, for the SMTP client's edge cases: Python on a socket on
/// 127.0.0.1 taking one connection. `replies` maps a command's verb to the replies it gets in
/// turn (`*` for lines that are no command, as AUTH LOGIN's, `.` for the end of the data);
/// each reply is written as given, so one may carry several lines or bytes after its line end.
/// What the client sent is kept, a line each, for `transcript()`.
final class ScriptedRelay: @unchecked Sendable {
    let port: Int
    private let folder: TemporaryDirectory
    private let process: Process

    init(greeting: String = "220 relay.test ESMTP\r\n", replies: [String: [String]]) throws {
        port = try SMTPSink.freePort()
        folder = try TemporaryDirectory("scripted-relay")
        let script = folder.url.appending(path: "relay.py")
        try Data(Self.script.utf8).write(to: script)
        let plan = try JSONSerialization.data(withJSONObject: ["greeting": greeting, "replies": replies])
        try plan.write(to: folder.url.appending(path: "plan.json"))
        process = Process()
        process.executableURL = URL(filePath: "/usr/bin/python3")
        process.arguments = [script.path, String(port), folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        _ = output.fileHandleForReading.availableData
    }

    /// The lines the client sent, in order.
    func transcript() -> [String] {
        let text = (try? String(contentsOf: folder.url.appending(path: "transcript.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        folder.remove()
    }

    static let script = #"""
        import json, os, signal, socket, sys
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        port, folder = int(sys.argv[1]), sys.argv[2]
        plan = json.load(open(os.path.join(folder, "plan.json")))
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))
        listener.listen(1)
        print("ready", flush=True)
        connection, _ = listener.accept()
        log = open(os.path.join(folder, "transcript.txt"), "w")
        connection.sendall(plan["greeting"].encode())
        replies = {verb: list(texts) for verb, texts in plan["replies"].items()}
        buffer, in_data = b"", False
        while True:
            chunk = connection.recv(65536)
            if not chunk: break
            buffer += chunk
            while b"\r\n" in buffer:
                line, buffer = buffer.split(b"\r\n", 1)
                text = line.decode("utf-8", "replace")
                if in_data:
                    if text != ".": continue
                    in_data, verb = False, "."
                else:
                    verb = text.split(" ")[0].upper()
                    if verb not in replies: verb = "*"
                log.write(text + "\n"); log.flush()
                queue = replies.get(verb) or ["502 5.5.2 not in the script\r\n"]
                reply = queue.pop(0) if len(queue) > 1 else queue[0]
                connection.sendall(reply.encode())
                if verb == "DATA" and reply.startswith("354"): in_data = True
                if verb == "QUIT": sys.exit(0)
        """#
}
