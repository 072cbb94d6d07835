/// `/admin/console.js`, the console's only script (the Content-Security-Policy allows no
/// other): it asks before a form with `data-confirm` is sent, and keeps the device list
/// current by polling its JSON every two seconds and writing changed states in place.
/// Kept in the binary, so that an installed `tern` needs no resource files beside it.
enum ConsoleScript {
    static let text = #"""
        "use strict";

        document.addEventListener("submit", function (event) {
            var question = event.target.getAttribute("data-confirm");
            if (question && !window.confirm(question)) {
                event.preventDefault();
            }
        });

        (function () {
            var table = document.querySelector("table[data-poll]");
            if (!table) {
                return;
            }
            var url = table.getAttribute("data-poll");

            function update(devices) {
                var rows = table.querySelectorAll("tbody tr[data-device]");
                var byKey = {};
                devices.forEach(function (device) {
                    byKey[device.key] = device;
                });
                var sameDevices = rows.length === devices.length;
                rows.forEach(function (row) {
                    var device = byKey[row.getAttribute("data-device")];
                    if (!device) {
                        sameDevices = false;
                        return;
                    }
                    row.querySelectorAll("[data-field]").forEach(function (cell) {
                        var text = device[cell.getAttribute("data-field")];
                        if (typeof text === "string" && cell.textContent !== text) {
                            cell.textContent = text;
                        }
                    });
                });
                if (!sameDevices) {
                    window.location.reload();
                }
            }

            function poll() {
                fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
                    .then(function (response) {
                        if (response.status === 401) {
                            window.location.assign("/admin/sign-in");
                            return null;
                        }
                        return response.ok ? response.json() : null;
                    })
                    .then(function (devices) {
                        if (devices) {
                            update(devices);
                        }
                    })
                    .catch(function () {})
                    .finally(function () {
                        window.setTimeout(poll, 2000);
                    });
            }

            window.setTimeout(poll, 2000);
        })();

        """#
}
