#!/usr/bin/env python3
"""Drives Tern's web admin console in headless Chromium, as an admin whose user lost a phone.

Run by WebAdminBrowserTests against a real `tern serve`; prints one `ok: STEP` line per step
passed and exits non-zero at the first that fails. With --screenshots DIR it saves the device
list (also at a phone's width) and the policy page there as PNGs (Deploy/screenshots/ in the repository).
"""

import argparse
import os
import subprocess
import sys

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

USER, PASSWORD, DEVICE = "bea", "bea-secret-1", "WEBPHONE1"


def step(name):
    print("ok: " + name, flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--lang=en-GB"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def tern_device(arguments, tern_device_path, profile, text=""):
    return subprocess.run([tern_device_path] + arguments + ["--profile", profile], input=text, text=True,
                          capture_output=True, timeout=120)


def check_labels(driver):
    """Every visible input and select of the page has a label naming it."""
    for field in driver.find_elements(By.CSS_SELECTOR, "input:not([type=hidden]), select"):
        field_id = field.get_attribute("id")
        labelled = field_id and driver.find_elements(By.CSS_SELECTOR, f"label[for='{field_id}']")
        check(labelled or field.get_attribute("aria-label"), f"{field.get_attribute('name')} has a label")


def check_fits_a_phone(driver):
    """At a phone's width (390 px) the page needs no sideways scrolling."""
    driver.set_window_size(390, 844)
    width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth];")
    driver.set_window_size(1280, 1000)
    check(width[0] <= width[1], f"the page fits a phone's width: {width}")


def wipe_cell(driver):
    return driver.find_element(By.CSS_SELECTOR, f"tr[data-device='{USER}/{DEVICE}'] td[data-field='wipe']")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--tern-device", required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--screenshots")
    arguments = parser.parse_args()
    url = arguments.url.rstrip("/")

    driver = browser()
    wait = WebDriverWait(driver, 20)
    try:
        driver.get(url + "/admin/")
        check(driver.current_url.endswith("/admin/sign-in"), "signed out, /admin/ leads to the sign-in page")
        driver.find_element(By.ID, "token").send_keys("not-the-admin-token-at-all")
        driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
        wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "p.error")))
        check("That is not the admin token." in driver.find_element(By.CSS_SELECTOR, "p.error").text,
              "a wrong token is named as such")
        check(driver.get_cookie("tern_admin") is None, "a wrong token gets no session")
        step("a wrong token is refused")

        driver.find_element(By.ID, "token").send_keys(arguments.token)
        driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
        wait.until(expected_conditions.url_contains("/admin/devices"))
        cookie = driver.get_cookie("tern_admin")
        check(cookie is not None and cookie.get("httpOnly") and cookie.get("sameSite") == "Strict",
              f"the session cookie is HttpOnly and SameSite=Strict: {cookie}")
        step("the admin signs in with the token")

        driver.get(url + "/admin/users")
        driver.find_element(By.ID, "new-login").send_keys(USER)
        driver.find_element(By.ID, "new-name").send_keys("Bea Lost-Phone")
        driver.find_element(By.ID, "new-address").send_keys(USER + "@tern.example")
        driver.find_element(By.ID, "new-password").send_keys(PASSWORD)
        driver.find_element(By.XPATH, "//button[text()='Add user']").click()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "p.notice"),
                                                                     f"User {USER} added."))
        check_labels(driver)
        check_fits_a_phone(driver)
        step("a user is added")

        driver.get(url + "/admin/devices?user=" + USER)
        check("No devices yet" in driver.find_element(By.TAG_NAME, "main").text, "bea has no device yet")
        setup = tern_device(["setup", "--server", url, "--user", USER, "--device-id", DEVICE, "--password-stdin"],
                            arguments.tern_device, arguments.profile, PASSWORD + "\n")
        check(setup.returncode == 0, f"tern-device setup: {setup.returncode} {setup.stdout} {setup.stderr}")
        try:
            row = wait.until(expected_conditions.presence_of_element_located(
                (By.CSS_SELECTOR, f"tr[data-device='{USER}/{DEVICE}']")))
        except TimeoutException:
            raise AssertionError("the new device never appeared in the open list")
        check("tern-device" in row.text and "provisioned" in row.text, f"the device's row: {row.text}")
        check_labels(driver)
        check_fits_a_phone(driver)
        step("the device tern-device provisioned appears in the open list")

        row.find_element(By.XPATH, ".//button[text()='Block']").click()
        alert = wait.until(expected_conditions.alert_is_present())
        check(DEVICE in alert.text, f"the block confirmation names the device: {alert.text}")
        alert.dismiss()
        check(driver.find_element(By.CSS_SELECTOR, f"tr[data-device='{USER}/{DEVICE}'] td[data-field='access']")
              .text == "allowed", "a dismissed confirmation sends nothing")
        step("a dismissed confirmation changes nothing")

        row.find_element(By.XPATH, ".//button[text()='Wipe']").click()
        alert = wait.until(expected_conditions.alert_is_present())
        check(DEVICE in alert.text and "tern-device" in alert.text and alert.text.startswith("Wipe "),
              f"the wipe confirmation names the device: {alert.text}")
        alert.accept()
        wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "p.notice"), "Wipe sent to"))
        check(wipe_cell(driver).text.startswith("wipe pending"), f"the wipe is pending: {wipe_cell(driver).text}")
        step("the console sends the wipe after a confirmation naming the device")

        driver.execute_script("window.ternMarker = 'not reloaded';")
        wiped = tern_device(["sync"], arguments.tern_device, arguments.profile)
        check(wiped.returncode == 5, f"tern-device obeys the wipe at its next command: {wiped.returncode} "
                                     f"{wiped.stdout} {wiped.stderr}")
        step("tern-device is wiped at its next command")
        try:
            WebDriverWait(driver, 15).until(lambda current: wipe_cell(current).text.startswith("wiped at "))
        except TimeoutException:
            raise AssertionError(f"the list never showed the wipe acknowledged: {wipe_cell(driver).text}")
        access = driver.find_element(By.CSS_SELECTOR, f"tr[data-device='{USER}/{DEVICE}'] td[data-field='access']")
        check(access.text == "refused since its wipe, until allowed", f"the access cell follows: {access.text}")
        check(driver.execute_script("return window.ternMarker;") == "not reloaded", "the page was not reloaded")
        step("the list shows the device wiped without a reload")
        if arguments.screenshots:
            os.makedirs(arguments.screenshots, exist_ok=True)
            driver.save_screenshot(os.path.join(arguments.screenshots, "devices.png"))
            driver.set_window_size(390, 844)
            driver.save_screenshot(os.path.join(arguments.screenshots, "devices-phone.png"))
            driver.set_window_size(1280, 1000)

        status = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch("/admin/devices/action", {
                method: "POST", credentials: "same-origin",
                body: new URLSearchParams({user: "bea", device: "WEBPHONE1", action: "allow"})
            }).then(response => done(response.status), error => done(String(error)));
        """)
        check(status == 403, f"a POST without the CSRF token is refused: {status}")
        driver.refresh()
        check(wipe_cell(driver).text.startswith("wiped at "), "the refused POST changed nothing")
        step("a POST without the CSRF token is refused with 403")

        driver.get(url + "/admin/policy")
        check("Devices need no PIN." in driver.find_element(By.TAG_NAME, "main").text,
              "the policy page puts the PIN rules in words")
        for name, value, user in (("DevicePasswordEnabled", "1", ""), ("MinDevicePasswordLength", "6", ""),
                                  ("MaxDevicePasswordFailedAttempts", "8", ""),
                                  ("MaxInactivityTimeDeviceLock", "300", ""),
                                  ("AlphanumericDevicePasswordRequired", "1", USER)):
            Select(driver.find_element(By.ID, "setting-name")).select_by_value(name)
            driver.find_element(By.ID, "setting-value").send_keys(value)
            driver.find_element(By.ID, "setting-user").send_keys(user)
            driver.find_element(By.XPATH, "//button[text()='Change setting']").click()
            wait.until(expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "p.notice"),
                                                                         f"{name} is now {value}"))
        check_labels(driver)
        check_fits_a_phone(driver)
        main = driver.find_element(By.TAG_NAME, "main").text
        for rule in ("Devices must be locked with a PIN of at least 6 characters; digits alone are enough.",
                     "After 8 wrong PINs in a row the device wipes itself.",
                     "The device locks after 5 minutes without use.", f"Override for {USER}",
                     "made of letters and digits"):
            check(rule in main, f"the policy page says: {rule}")
        if arguments.screenshots:
            driver.set_window_size(1280, 1500)
            driver.save_screenshot(os.path.join(arguments.screenshots, "policy.png"))
        step("the policy page changes settings and explains the rules")

        driver.find_element(By.XPATH, "//button[text()='Sign out']").click()
        wait.until(expected_conditions.url_contains("/admin/sign-in"))
        driver.get(url + "/admin/devices")
        check(driver.current_url.endswith("/admin/sign-in"), "signed out, the pages are closed")
        step("signing out closes the session")
    finally:
        driver.quit()
    print("admin console: all steps passed", flush=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        print("failed: " + str(failure), file=sys.stderr, flush=True)
        sys.exit(1)
