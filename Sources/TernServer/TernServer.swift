// TernServer: the EAS HTTP surface on Hummingbird (routes, auth and policy gate, one handler
// per command, admin API, autodiscover). Filled in by the server issue (#4).
