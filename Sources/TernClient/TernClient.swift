// TernClient: the device side (transport, provisioning, encrypted local cache, PIN lock,
// local wipe, sync loop). Never imports the server. Filled in by the device-client issue (#8).
