import ArgumentParser
import Foundation
import TernAdmin

/// `tern user photo NAME FILE | --remove`: the picture devices show for the user in the
/// address book (Search GAL, ResolveRecipients).
struct UserPhotoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "photo",
        abstract: "Set or remove the photo devices show for a user (JPEG or PNG, 100 KiB at most).")

    @Argument(help: "The login name.")
    var name: String

    @Argument(help: "The JPEG or PNG file.")
    var file: String?

    @Flag(help: "Remove the user's photo.")
    var remove = false

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard (file == nil) == remove else { throw ValidationError("give a photo file or --remove, not both") }
    }

    func run() async throws {
        var photo: Data?
        if let file {
            // Read no more than one byte past the limit, so a huge file is refused without loading it.
            guard let handle = FileHandle(forReadingAtPath: file) else { throw failure("cannot read \(file)") }
            defer { try? handle.close() }
            do {
                photo = try handle.read(upToCount: 102_401) ?? Data()
            } catch {
                throw failure("cannot read \(file): \(error.localizedDescription)")
            }
        }
        do {
            try await Administration(store: try await dataOptions.openStore()).setPhoto(login: name, photo: photo)
        } catch {
            throw failure("\(error)")
        }
        print(photo == nil ? "photo of \(name) removed" : "photo of \(name) set (\(photo?.count ?? 0) bytes)")
    }
}
