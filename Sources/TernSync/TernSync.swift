// TernSync: the sync engine (sync keys, per-device collection state, windowing, conflicts,
// replay of a lost response, estimates, FolderSync). No HTTP. Filled in by the sync issue (#5).
