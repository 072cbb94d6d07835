// TernStore: the Store protocol, models (users, devices, policies, folders, items), change-log
// and change-feed types, store errors. No database code. Filled in by the store issue (#3).
