import ActiveSync
import BenchmarkSupport
import Foundation
import Synchronization
import WBXML

/// The devices of the soak, run in the child process: each on a thread of its own with one
/// keep-alive connection, syncing its Inbox until nothing more is available and then holding
/// a Ping until mail arrives or the heartbeat runs out, over and over until `deadline`.
/// Every five seconds a line of running totals goes to stdout:
/// `counts 2XX 4XX 5XX EAS_ERRORS ADDS`.
enum SoakClient {
    struct Totals {
        var byClass = [0, 0, 0, 0, 0, 0]
        var easErrors = 0
        var adds = 0
    }

    static let totals = Mutex(Totals())

    static func run(port: Int, devices: Int, inbox: String, deadline: Date) {
        for index in 0..<devices {
            Thread { device(index, port: port, inbox: inbox, deadline: deadline) }.start()
        }
        while Date() < deadline.addingTimeInterval(30) {
            Thread.sleep(forTimeInterval: 5)
            report()
        }
        report()
        exit(0)
    }

    private static func report() {
        let line = totals.withLock { totals in
            "counts \(totals.byClass[2]) \(totals.byClass[4]) \(totals.byClass[5]) \(totals.easErrors) \(totals.adds)\n"
        }
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    /// Device `index` is device `index % 4` of user `index / 4`; the four speak 12.1, 14.1
    /// and 16.1 (twice) and ask for plain, HTML or MIME bodies in turn.
    private static func device(_ index: Int, port: Int, inbox: String, deadline: Date) {
        let user = index / 4
        let version = ["12.1", "14.1", "16.1", "16.1"][index % 4]
        let bodyType = [1, 2, 4][(user + index % 4) % 3]
        let headers = [
            "Authorization": "Basic " + Data("u\(user):secret".utf8).base64EncodedString(),
            "MS-ASProtocolVersion": version, "X-MS-PolicyKey": String(soakPolicyKey),
            "Content-Type": "application/vnd.ms-sync.wbxml",
        ]
        let target = { (command: String) in
            "/Microsoft-Server-ActiveSync?Cmd=\(command)&User=u\(user)&DeviceId=S\(index)&DeviceType=Soak"
        }
        let ping =
            (try? WBXMLEncoder().encode(
                PingRequest(heartbeatInterval: 20, folders: [PingFolder(id: inbox, class: "Email")]).element)) ?? []
        var connection: LoopbackConnection?
        var key = "0"
        let folderSync = (try? WBXMLEncoder().encode(FolderSyncRequest(syncKey: "0").element)) ?? []
        func send(_ command: String, _ body: [UInt8]) -> WBXMLElement? {
            for _ in 0..<3 {
                do {
                    if connection == nil { connection = try LoopbackConnection(port: port) }
                    let (status, bytes) = try connection!.post(target(command), headers: headers, body: body)
                    totals.withLock { $0.byClass[min(status / 100, 5)] += 1 }
                    return bytes.isEmpty ? nil : try? WBXMLDecoder().decode(bytes).root
                } catch {
                    connection = nil
                }
            }
            return nil
        }
        _ = send("FolderSync", folderSync)
        while Date() < deadline {
            // Sync until nothing more is available.
            while Date() < deadline {
                guard let reply = send("Sync", sync(key: key, collection: inbox, bodyType: bodyType)) else { break }
                let status = first("Status", in: reply)
                if status == "3" { key = "0" }
                if status != "1" {
                    totals.withLock { $0.easErrors += 1 }
                    break
                }
                key = first("SyncKey", in: reply) ?? key
                let adds = count("Add", in: reply)
                totals.withLock { $0.adds += adds }
                if first("MoreAvailable", in: reply) == nil, key != "1" || adds > 0 || count("Commands", in: reply) == 0
                {
                    break
                }
            }
            guard let pinged = send("Ping", ping), let status = first("Status", in: pinged),
                status == "1" || status == "2"
            else {
                totals.withLock { $0.easErrors += 1 }
                continue
            }
        }
    }

    private static func sync(key: String, collection: String, bodyType: Int) -> [UInt8] {
        var children = [
            WBXMLElement(AirSyncTag.syncKey, text: key), WBXMLElement(AirSyncTag.collectionId, text: collection),
        ]
        if key != "0" {
            children.append(WBXMLElement(AirSyncTag.windowSize, text: "50"))
            children.append(
                WBXMLElement(
                    AirSyncTag.options,
                    elements: [
                        WBXMLElement(
                            AirSyncBaseTag.bodyPreference,
                            elements: [
                                WBXMLElement(AirSyncBaseTag.type, text: String(bodyType)),
                                WBXMLElement(AirSyncBaseTag.truncationSize, text: "32768"),
                            ])
                    ]))
        }
        let root = WBXMLElement(
            AirSyncTag.sync,
            elements: [
                WBXMLElement(
                    AirSyncTag.collections, elements: [WBXMLElement(AirSyncTag.collection, elements: children)])
            ])
        return (try? WBXMLEncoder().encode(root)) ?? []
    }

    private static func first(_ name: String, in element: WBXMLElement) -> String? {
        if element.tag.name == name { return element.text ?? "" }
        for child in element.elements {
            if let found = first(name, in: child) { return found }
        }
        return nil
    }

    private static func count(_ name: String, in element: WBXMLElement) -> Int {
        (element.tag.name == name ? 1 : 0) + element.elements.reduce(0) { $0 + count(name, in: $1) }
    }
}
