import ActiveSync
import TernStore

/// The mail folders a search covers: the ones a device names, with their subfolders when it
/// asks for DeepTraversal, or else every folder that holds mail.
struct MailFolderScope {
    let folders: [Folder]

    init(_ folders: [Folder]) {
        self.folders = folders
    }

    /// The mail folders among `collectionIDs` (and below them when `deep`), every mail folder
    /// when the list is empty; nil when a CollectionId names no folder of the user.
    func folders(_ collectionIDs: [String], deep: Bool) -> [Folder]? {
        let mail = folders.filter { $0.type.itemClass == .email }
        guard !collectionIDs.isEmpty else { return mail }
        var chosen: [Folder] = []
        for collectionID in collectionIDs {
            guard let folder = folders.first(where: { $0.serverID == collectionID }) else { return nil }
            chosen.append(folder)
            if deep { chosen.append(contentsOf: descendants(of: folder)) }
        }
        let chosenIDs = Set(chosen.map(\.id))
        return mail.filter { chosenIDs.contains($0.id) }
    }

    private func descendants(of folder: Folder) -> [Folder] {
        var found: [Folder] = []
        var parents: Set<String> = [folder.serverID]
        while true {
            let next = folders.filter { parents.contains($0.parentServerID) && !found.contains($0) }
            guard !next.isEmpty else { return found }
            found.append(contentsOf: next)
            parents = Set(next.map(\.serverID))
        }
    }
}
