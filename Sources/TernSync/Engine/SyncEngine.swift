// TernSync: the sync engine (sync keys, per-device collection state, windowing, conflicts,
// replay of a lost response, estimates). No HTTP. Being filled in by the sync issue (#5).
