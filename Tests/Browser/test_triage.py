"""End-to-end browser test of the web application's triage journey, with an accessibility check.

Drives headless Chromium (selenium) through what the head of unit and the auditor do on a demo force (synthetic
data only): the head of unit signs in with the temporary password, enrols an authenticator, notes the recovery
codes, chooses a password, opens the highest-risk alert, reveals the member of staff with a reason and records a
decision; the auditor then signs in and finds each of those steps in the audit trail, whose chain is intact.

axe-core (axe-selenium-python) checks the main pages: sign-in, enrolment, alert queue, alert page (before and after
the reveal and decision), member of staff, capability, audit trail. A
violation of impact "serious" or "critical" fails the test; "minor" and "moderate" ones are printed as warnings.

Configuration, from the environment (scripts/browser-test sets all of it):
  CUSTODES_URL                 base URL of a running `custodes demo` server, e.g. http://127.0.0.1:8080
  CUSTODES_HEAD_PASSWORD       the temporary password printed for the user `head`
  CUSTODES_AUDITOR_PASSWORD    the temporary password printed for the user `auditor`
  CUSTODES_PARTNERSHIP_PASSWORD  the temporary password printed for the user `partnership`
  CUSTODES_PORTAL_URL          base URL of the demo's reporting portal (its own listener)
  CHROMIUM_BINARY              optional, default /usr/bin/chromium
  CHROMEDRIVER                 optional, default /usr/bin/chromedriver
  CUSTODES_BROWSER_ARTIFACTS   optional folder for a screenshot and the page source when a step fails

Run: python -m unittest -v Tests/Browser/test_triage.py (or `python Tests/Browser/test_triage.py`).
"""

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import struct
import sys
import tempfile
import time
import unittest
from datetime import datetime
from zoneinfo import ZoneInfo
from urllib.parse import parse_qs, urljoin, urlparse

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import (NoSuchElementException, StaleElementReferenceException, TimeoutException,
                                        WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BLOCKING_IMPACTS = ("serious", "critical")
IMPACT_ORDER = ("critical", "serious", "moderate", "minor")
TRAIL_STEPS = ("sign_in", "view_queue", "view_alert", "reveal", "decision")


def totp(secret_base32, at=None, step=30, digits=6):
    """RFC 6238 time-based one-time password (HMAC-SHA-1), as an authenticator app computes it."""
    secret = secret_base32.strip().replace(" ", "").upper()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10 ** digits).zfill(digits)


def fresh_totp(secret_base32, step=30, margin=3):
    """A code with at least `margin` seconds of its step left, so it is not stale by the time the server checks it."""
    remaining = step - (time.time() % step)
    if remaining < margin:
        time.sleep(remaining + 0.2)
    return totp(secret_base32, step=step)


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise unittest.SkipTest(f"{name} is not set: run scripts/browser-test, which starts a demo server")
    return value


class TriageJourneyTest(unittest.TestCase):
    """The head of unit triages the highest-risk alert; the auditor sees every step in the trail."""

    @classmethod
    def setUpClass(cls):
        cls.base_url = required_env("CUSTODES_URL").rstrip("/") + "/"
        cls.passwords = {
            "head": required_env("CUSTODES_HEAD_PASSWORD"),
            "auditor": required_env("CUSTODES_AUDITOR_PASSWORD"),
            "partnership": required_env("CUSTODES_PARTNERSHIP_PASSWORD"),
        }
        cls.artifacts = os.environ.get("CUSTODES_BROWSER_ARTIFACTS", "").strip()
        options = webdriver.ChromeOptions()
        options.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1024",
                         "--disable-gpu", "--disable-extensions", "--no-first-run", "--lang=en-GB"):
            options.add_argument(argument)
        service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
        cls.driver = webdriver.Chrome(service=service, options=options)
        cls.driver.set_page_load_timeout(60)
        cls.driver.set_script_timeout(60)
        cls.accessibility = []  # (page name, url, violations)
        cls.narrow = []  # (page name, viewport width, document width) at 390 px
        cls.secrets = {}  # username -> TOTP secret, once enrolled
        # Everything typed or shown that must never reach the server's log (scripts/browser-test checks it).
        cls.kept = list(cls.passwords.values())
        cls.portal_url = os.environ.get("CUSTODES_PORTAL_URL", "").strip().rstrip("/")

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        destination = os.environ.get("CUSTODES_SECRETS_OUT", "").strip()
        if destination:
            with open(destination, "w", encoding="utf-8") as file:
                json.dump(sorted({value for value in cls.kept if value}), file)

    def keep(self, *values):
        """Remembers what must never appear in the server's log: passwords, secrets, codes, cookies."""
        self.kept.extend(value for value in values if value)

    # Helpers -------------------------------------------------------------------------------------------------

    def url(self, path):
        return urljoin(self.base_url, path.lstrip("/"))

    def path(self):
        return urlparse(self.driver.current_url).path

    def find(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def wait_for_path(self, expected, timeout=20):
        try:
            WebDriverWait(self.driver, timeout).until(lambda d: urlparse(d.current_url).path == expected)
        except TimeoutException:
            self.fail(f"expected to reach {expected}, but the browser is at {self.driver.current_url}: "
                      f"{self.page_summary()}")

    def page_summary(self):
        try:
            heading = self.find("h1").text
        except NoSuchElementException:
            heading = "(no h1)"
        errors = [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, ".error-summary-list li, .error-message")]
        return f"page heading {heading!r}" + (f", errors {errors}" if errors else "")

    def fill(self, selector, text):
        field = self.find(selector)
        field.clear()
        field.send_keys(text)

    def submit(self, button_text, within=None):
        """Clicks the submit button with this text (inside `within`, an element, if given)."""
        scope = within if within is not None else self.driver
        buttons = [b for b in scope.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit]")
                   if (b.text or b.get_attribute("value") or "").strip() == button_text]
        self.assertTrue(buttons, f"no button {button_text!r} on {self.driver.current_url}")
        old = self.driver.find_element(By.TAG_NAME, "html")
        buttons[0].click()
        WebDriverWait(self.driver, 20).until(lambda driver: self.is_gone(old))

    @staticmethod
    def is_gone(element):
        """Whether the page holding `element` has been replaced. Chromium reports a replaced page's element either as
        stale or, while the new document is loading, as "Node … does not belong to the document"; both mean gone."""
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise

    def check_narrow(self, page):
        """At a phone's width (390 px), the page must not scroll sideways: wide tables scroll inside themselves."""
        size = self.driver.get_window_size()
        # At the usual width too: nothing may run off the right of the page (a header that does not wrap did).
        wide = self.driver.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        self.assertLessEqual(wide[1], wide[0] + 1, f"{page} scrolls sideways at {size['width']} px: {wide}")
        self.driver.set_window_size(390, 844)
        try:
            width = self.driver.execute_script("return document.documentElement.clientWidth")
            scroll = self.driver.execute_script("return document.documentElement.scrollWidth")
            widest = self.driver.execute_script("""
                let widest = null;
                for (const element of document.querySelectorAll('body *')) {
                  const right = element.getBoundingClientRect().right;
                  if (right > document.documentElement.clientWidth + 1 && (!widest || right > widest.right)) {
                    widest = {right: right, tag: element.tagName, id: element.id, cls: element.className.toString()};
                  }
                }
                return widest;""")
            self.narrow.append((page, width, scroll))
            self.assertLessEqual(scroll, width + 1, f"{page} scrolls sideways at 390 px ({scroll} > {width}): {widest}")
        finally:
            self.driver.set_window_size(size["width"], size["height"])

    def check_accessibility(self, page):
        """Runs axe-core on the page now shown, keeps its violations for the summary, and checks it at 390 px."""
        self.check_narrow(page)
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        violations = results.get("violations", [])
        self.accessibility.append((page, self.driver.current_url, violations))
        print(f"\naxe-core {results.get('testEngine', {}).get('version', '?')} on {page} "
              f"({self.path()}): {len(violations)} violation(s), {len(results.get('passes', []))} rule(s) passed",
              file=sys.stderr)
        for review in sorted(results.get("incomplete", []), key=lambda r: r["id"]):
            targets = [" ".join(map(str, node.get("target", []))) for node in review.get("nodes", [])]
            print(f"  to review by hand (axe could not decide): {review['id']} on {len(targets)} element(s), "
                  f"e.g. {', '.join(targets[:3])}", file=sys.stderr)
        for violation in sorted(violations, key=lambda v: IMPACT_ORDER.index(v.get("impact") or "minor")):
            impact = violation.get("impact") or "unknown"
            label = "VIOLATION" if impact in BLOCKING_IMPACTS else "warning"
            targets = [" ".join(map(str, node.get("target", []))) for node in violation.get("nodes", [])]
            shown = ", ".join(targets[:3]) + (f" (and {len(targets) - 3} more)" if len(targets) > 3 else "")
            print(f"  {label}: {violation['id']} [{impact}] {violation.get('help', '')} -> {shown}", file=sys.stderr)
            for node in violation.get("nodes", [])[:1]:
                print(f"    {node.get('failureSummary', '').strip()}", file=sys.stderr)

    def save_artifacts(self, name):
        if not self.artifacts:
            return
        os.makedirs(self.artifacts, exist_ok=True)
        self.driver.save_screenshot(os.path.join(self.artifacts, f"{name}.png"))
        with open(os.path.join(self.artifacts, f"{name}.html"), "w", encoding="utf-8") as page:
            page.write(self.driver.page_source)

    # Steps ---------------------------------------------------------------------------------------------------

    def sign_in_first_time(self, username, check_pages):
        """Temporary password, enrolment of an authenticator, recovery codes, own password. Returns the codes."""
        self.driver.get(self.url("/sign-in"))
        self.assertEqual(self.find("h1").text, "Sign in")
        if check_pages:
            self.check_accessibility("sign-in")
        self.fill("#username", username)
        self.fill("#password", self.passwords[username])
        self.submit("Continue")
        self.wait_for_path("/account/enrol")
        if check_pages:
            self.check_accessibility("enrolment")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, ".qr svg"), "the enrolment page shows no QR code")
        uri = self.find("#otpauth-uri").text.strip()
        query = parse_qs(urlparse(uri).query)
        self.assertTrue(uri.startswith("otpauth://totp/"), f"unexpected enrolment URI {uri!r}")
        self.assertIn("secret", query, f"no secret in {uri!r}")
        secret = query["secret"][0]
        self.secrets[username] = secret
        self.keep(secret)
        self.fill("#code", fresh_totp(secret))
        self.submit("Continue")
        codes = [c.text.strip() for c in self.driver.find_elements(By.CSS_SELECTOR, "ul#recovery-codes li")]
        self.keep(*codes)
        self.assertGreaterEqual(len(codes), 5, f"expected recovery codes, got {codes}: {self.page_summary()}")
        self.assertEqual(len(set(codes)), len(codes), "recovery codes repeat")
        self.driver.find_element(By.LINK_TEXT, "Continue").click()
        self.wait_for_path("/account/password")
        password = "Synthetic-" + secrets.token_urlsafe(12)
        self.fill("#password", password)
        self.fill("#confirm", password)
        self.submit("Save password")
        self.passwords[username] = password
        self.keep(password)
        return codes

    def sign_in(self, username):
        """A later sign-in: password, then a code for the next time step (a code is accepted once)."""
        self.driver.get(self.url("/sign-in"))
        self.fill("#username", username)
        self.fill("#password", self.passwords[username])
        self.submit("Continue")
        self.wait_for_path("/sign-in/second-factor")
        time.sleep(30 - (time.time() % 30) + 0.5)
        self.fill("#code", totp(self.secrets[username]))
        self.submit("Sign in")

    def sign_out(self):
        self.keep(*(cookie["value"] for cookie in self.driver.get_cookies()))
        self.submit("Sign out", within=self.find("header"))
        self.wait_for_path("/sign-in")

    # The journey ---------------------------------------------------------------------------------------------

    def test_triage_journey(self):
        try:
            self.run_journey()
        except Exception:
            self.save_artifacts("failure")
            raise
        finally:
            self.print_accessibility_summary()
        blocking = [(page, v) for page, _, violations in self.accessibility for v in violations
                    if v.get("impact") in BLOCKING_IMPACTS]
        self.assertFalse(blocking, "serious or critical accessibility violations: " + "; ".join(
            f"{page}: {v['id']} [{v['impact']}] {v.get('help', '')}" for page, v in blocking))

    def run_journey(self):
        # The head of unit: first sign-in, then the queue.
        codes = self.sign_in_first_time("head", check_pages=True)
        print(f"\nhead of unit enrolled; {len(codes)} recovery codes noted", file=sys.stderr)
        self.wait_for_path("/alerts")
        self.assertEqual(self.find("h1").text, "Alerts")
        self.check_accessibility("alert queue")

        # The queue is sorted by risk, highest first: open the first row.
        rows = self.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
        self.assertTrue(rows, "the demo force's queue has no alerts")
        scores = [float(row.find_element(By.CSS_SELECTOR, "td.numeric").text) for row in rows]
        self.assertEqual(scores[0], max(scores), f"the queue is not sorted by risk, highest first: {scores}")
        link = rows[0].find_element(By.CSS_SELECTOR, "a[href^='/alerts/']")
        alert_path = urlparse(link.get_attribute("href")).path
        alert_id = alert_path.rsplit("/", 1)[-1]
        pseudonym = rows[0].find_element(By.CSS_SELECTOR, "code").text.strip()
        self.assertTrue(pseudonym.startswith("STF-"), f"the queue shows {pseudonym!r}, not a pseudonym")
        link.click()
        self.wait_for_path(alert_path)
        print(f"opened alert {alert_id} (risk {scores[0]}, {pseudonym}), the highest of {len(scores)}",
              file=sys.stderr)

        # The alert page before the reveal: why it fired, a pseudonym, the timeline.
        self.assertTrue(self.find("#why").text.strip(), "the alert page does not say why it fired")
        staff = self.find("#staff")
        self.assertIn(pseudonym, staff.text)
        self.assertFalse(staff.find_elements(By.TAG_NAME, "strong"), "the name shows before the reveal")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#timeline tbody tr"), "the timeline is empty")
        self.check_accessibility("alert page")

        # Reveal, with a reason.
        reason = "Synthetic test: the highest-risk alert needs the member of staff's identity for triage."
        self.fill("#reason", reason)
        self.submit("Reveal identity")
        self.wait_for_path(alert_path)
        names = self.find("#staff").find_elements(By.TAG_NAME, "strong")
        self.assertTrue(names, f"no name after the reveal: {self.page_summary()}")
        name = names[0].text.strip()
        self.assertTrue(name, "the revealed name is empty")
        self.assertNotIn("STF-", name)

        # Record a decision, with a rationale.
        outcome = "management_action"
        radio = self.find(f"input[name=outcome][value={outcome}]")
        outcome_label = self.find(f"label[for='{radio.get_attribute('id')}']").text.strip()
        radio.click()
        rationale = "Synthetic test: accesses without a linked incident; management action by the line manager."
        self.fill("#rationale", rationale)
        self.submit("Record decision")
        self.wait_for_path(alert_path)

        # The page now shows the name and the decision.
        self.assertEqual(self.find("#staff strong").text.strip(), name)
        records = [r.text for r in self.driver.find_elements(By.CSS_SELECTOR, "main .record")]
        decision = [r for r in records if rationale in r]
        self.assertTrue(decision, f"the decision is not shown; records: {records}")
        self.assertIn(outcome_label, decision[0])
        self.assertIn("head", decision[0])
        self.check_accessibility("alert page, revealed and decided")
        print(f"revealed {name!r} and recorded {outcome_label!r}", file=sys.stderr)

        # The member of staff's page, now revealed to the head of unit, and the unit's capability report.
        self.find("#staff a").click()
        self.assertEqual(self.find("h1").text.strip(), name)
        self.check_accessibility("member of staff")
        self.driver.get(self.url("/capability"))
        self.fill("#analysts", "two")
        self.fill("#hours", "30")
        self.submit("Save capacity")
        self.assertIn("whole number from 0 to 1,000", self.find(".error-summary").text)
        self.fill("#analysts", "2")
        self.submit("Save capacity")
        self.wait_for_path("/capability")
        self.assertIn("set by head", self.find("#analysts-hint").text)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#weeks-chart-title"), "no weekly chart")
        decided = sum(int(row.find_elements(By.TAG_NAME, "td")[2].text)
                      for row in self.driver.find_elements(By.CSS_SELECTOR, "#weeks tbody tr"))
        self.assertEqual(decided, 1, "the weekly table should count the one decision")
        self.assertIn(outcome_label, self.find("#outcome-table").text)
        self.check_accessibility("capability")
        self.search_and_notifications(alert_id)
        self.intelligence_to_outcome(alert_path)
        self.sign_out()

        # The auditor: first sign-in lands on the trail.
        self.sign_in_first_time("auditor", check_pages=False)
        self.wait_for_path("/trail")
        self.assertEqual(self.find("h1").text, "Audit trail")
        chain = self.find("#chain").text
        self.assertIn("intact", chain.lower(), f"the chain is not intact: {chain!r}")
        self.assertIn("panel-ok", self.find("#chain").get_attribute("class"))
        self.check_accessibility("audit trail")

        # The head of unit's steps, through the trail's own filter.
        self.fill("#user", "head")
        Select(self.find("#action")).select_by_value("")
        self.submit("Apply")
        self.assertEqual(self.path(), "/trail")
        self.assertEqual(parse_qs(urlparse(self.driver.current_url).query).get("user"), ["head"])
        entries = []
        for row in self.driver.find_elements(By.CSS_SELECTOR, "#trail tbody tr"):
            # The user and the action are shown in words with their codes beside them; the codes are compared.
            cells = []
            for cell in row.find_elements(By.TAG_NAME, "td"):
                codes = cell.find_elements(By.TAG_NAME, "code")
                cells.append((codes[-1].text if codes else cell.text).strip())
            entries.append(dict(zip(("seq", "at", "user", "action", "subject", "detail"), cells)))
        self.assertTrue(entries, "the trail shows nothing for user head")
        self.assertEqual({e["user"] for e in entries}, {"head"}, "the user filter let other users through")
        actions = [e["action"] for e in entries]
        for step in TRAIL_STEPS:
            self.assertIn(step, actions, f"the trail has no {step} by head; it has {actions}")
        subject = f"alert {alert_id}"
        for step in ("view_alert", "reveal", "decision"):
            self.assertTrue(any(e["action"] == step and e["subject"] == subject for e in entries),
                            f"no {step} of {subject} by head in the trail")
        # Who did what, when, to which record: not the case content, which the auditor may not read.
        for entry in entries:
            self.assertNotIn(reason, entry["detail"], "the auditor read a reveal's reason in the trail")
            self.assertNotIn(reason, entry["subject"], "the auditor read a reveal's reason in the trail")
        # In the order they happened (the trail numbers its entries): the first of each step comes after the first
        # of the one before; later ones follow, as each form redirects back to the alert page, a view_alert again.
        first = {step: min(int(e["seq"]) for e in entries if e["action"] == step) for step in TRAIL_STEPS}
        self.assertEqual(sorted(TRAIL_STEPS, key=first.get), list(TRAIL_STEPS),
                         f"head's steps are out of order in the trail: {first}")
        print(f"trail: {len(entries)} entries for head, including " + ", ".join(TRAIL_STEPS) + "; chain intact",
              file=sys.stderr)
        self.sign_out()
        self.partner_register()
        self.portal_report(alert_id)

    def search_and_notifications(self, alert_id):
        """The head of unit finds the alert by number, opens the record of a person in it, reads their
        notifications, and switches on reveals asked for by analysts."""
        self.driver.get(self.url("/search"))
        self.check_accessibility("search")
        self.fill("#q", alert_id)
        self.submit("Search")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, f"#results a[href='/alerts/{alert_id}']"),
                        f"searching for {alert_id} did not find the alert: {self.page_summary()}")
        self.driver.get(self.url(f"/alerts/{alert_id}"))
        people = self.driver.find_elements(By.CSS_SELECTOR, "a[href^='/people/PSN-']")
        self.assertTrue(people, "the alert links no person's record")
        person = urlparse(people[0].get_attribute("href")).path.rsplit("/", 1)[-1]
        self.driver.get(self.url(f"/search?q={person}"))
        self.find(f"#results a[href='/people/{person}']").click()
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#accessors tbody tr"),
                        "the person's record lists nobody who opened it")
        self.assertIn(f"/alerts/{alert_id}", self.find("#person-alerts").get_attribute("innerHTML"))
        self.check_accessibility("person's record")
        self.driver.get(self.url("/notifications"))
        self.assertEqual(self.find("h1").text, "Notifications")
        self.check_accessibility("notifications")
        self.driver.get(self.url("/reveals"))
        self.submit("Switch on reveals asked for by analysts")
        self.wait_for_path("/reveals")
        self.assertIn("changed by head", self.find("main").text)
        self.check_accessibility("reveals asked for")
        print(f"search: alert {alert_id} and person {person} found; notifications read; reveals asked for switched on",
              file=sys.stderr)

    def partner_register(self):
        """The partnership officer: the register, an organisation, a new contact and a recorded engagement."""
        self.sign_in_first_time("partnership", check_pages=False)
        self.wait_for_path("/partners")
        self.assertEqual(self.find("h1").text, "Partner organisations")
        self.check_accessibility("partner register")
        rows = self.driver.find_elements(By.CSS_SELECTOR, "#organisations tbody tr")
        self.assertGreaterEqual(len(rows), 2, "the demo's register should hold two invented organisations")
        overdue = [r.text for r in rows if "Engagement overdue" in r.text]
        self.assertTrue(overdue, "the organisation never contacted should show engagement overdue")
        rows[0].find_element(By.CSS_SELECTOR, "a").click()
        self.assertTrue(re.fullmatch(r"/partners/\d+", self.path()), f"not on an organisation: {self.page_summary()}")
        organisation_path = self.path()
        self.fill("#contact-name", "Synthetic Contact")
        self.fill("#contact-role", "Support worker")
        self.fill("#reach", "via the office")
        self.submit("Add contact")
        self.wait_for_path(organisation_path)
        self.assertIn("Synthetic Contact", self.find("main").text)
        Select(self.find("#engagement_kind")).select_by_value("meeting")
        self.fill("#engagement-summary", "Synthetic test: met the outreach team.")
        self.submit("Record contact")
        self.wait_for_path(organisation_path)
        self.assertIn("Today", self.find("#last-contact").text)
        self.check_accessibility("partner organisation")
        self.submit("Issue an invitation code")
        code = self.find("#invitation-code").text.strip()
        self.keep(code)
        self.assertRegex(code, r"^[a-z2-9]{4}(-[a-z2-9]{4}){5}$")
        self.check_accessibility("invitation issued")
        print(f"partner register: {len(rows)} organisations; contact, engagement and an invitation at {organisation_path}",
              file=sys.stderr)
        self.sign_out()
        self.partner_account(code)

    def partner_account(self, code):
        """A support worker redeems the invitation on the portal, sets up a second factor and sends a report."""
        self.driver.get(self.portal_url + "/")
        self.driver.find_element(By.LINK_TEXT, "make one with the invitation code").click()
        self.check_accessibility("partner invitation")
        password = "Synthetic-" + secrets.token_urlsafe(12)
        self.keep(password)
        self.fill("#code", code)
        self.fill("#name", "Synthetic Worker")
        self.fill("#username", "synthetic.worker")
        self.fill("#password", password)
        self.fill("#confirm", "not the same password")
        self.submit("Make my account")
        self.assertIn("The passwords do not match", self.find(".error-summary").text)
        self.assertEqual(self.find("#username").get_attribute("value"), "synthetic.worker")
        self.fill("#password", password)
        self.fill("#confirm", password)
        self.submit("Make my account")
        self.wait_for_path("/partner/enrol")
        self.check_accessibility("partner enrolment")
        secret = self.find("#manual-key").text.replace(" ", "").strip()
        self.keep(secret)
        self.fill("#code", fresh_totp(secret))
        self.submit("Continue")
        self.wait_for_path("/partner")
        self.check_accessibility("partner home")
        self.driver.find_element(By.LINK_TEXT, "Send a report").click()
        self.fill("#what_happened", "Synthetic test: a client says an officer offered help in return for a date.")
        self.fill("#when_where", "Synthetic test: at the drop-in, this month")
        self.find("#consent_to_contact-yes").click()
        self.submit("Send the report")
        self.assertTrue(re.fullmatch(r"/partner/reports/\d+", self.path()), f"not on the report: {self.page_summary()}")
        self.assertIn("has been sent", self.find("#sent").text)
        self.check_accessibility("partner report")
        self.submit("Send")
        self.assertIn("There is a problem", self.driver.page_source)
        self.driver.get(self.portal_url + "/partner")
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "#partner-reports tbody tr")), 1)
        self.submit("Sign out")
        self.wait_for_path("/partner/sign-in")
        self.assertFalse(self.driver.get_cookies(), "the partner's cookie outlived signing out")
        print("partner account: invitation redeemed, second factor set up, one report sent", file=sys.stderr)

    def intelligence_to_outcome(self, alert_path):
        """From the alert: an intelligence item graded 3x5x2, a case from it, a person at risk with a safeguarding
        action, the IOPC referral, the outcome, and closing with that action still open (with a reason)."""
        today = datetime.now(ZoneInfo("Europe/London")).date().isoformat()
        self.driver.get(self.url(alert_path))
        self.driver.find_element(By.LINK_TEXT, "Record intelligence from this alert").click()
        self.wait_for_path("/intelligence/new")
        self.check_accessibility("record intelligence")
        original = "Synthetic test: a named colleague says the officer messaged the victim from a personal phone."
        sanitised = "Synthetic test: the member of staff is reported to have contacted the victim privately."
        self.fill("#original", original)
        self.fill("#sanitised", sanitised)
        self.submit("Record intelligence")
        self.assertTrue(re.fullmatch(r"/intelligence/\d+", self.path()), f"not on an item: {self.page_summary()}")
        item_path = self.path()
        self.assertIn(sanitised, self.find("#sanitised").text)
        self.assertNotIn(original, self.driver.page_source, "the original shows before it is asked for")
        self.find("#source_evaluation-2").click()
        self.find("#intelligence_assessment-B").click()
        self.find("#handling_code-C").click()
        self.submit("Record grading")
        self.assertIn("Write the conditions of sharing", self.page_summary())
        self.fill("#conditions", "Synthetic test: not to the member of staff's line management.")
        self.submit("Record grading")
        self.wait_for_path(item_path)
        self.assertIn("2B C", self.find("#grading").text)
        self.check_accessibility("intelligence item")
        self.submit("Read the original (recorded in the audit trail)")
        self.assertIn(original, self.find("#original").text)

        self.driver.get(self.url(item_path))
        self.driver.find_element(By.LINK_TEXT, "Open a case from this item").click()
        self.wait_for_path("/cases/new")
        self.check_accessibility("open a case")
        self.fill("#title", "Synthetic test: private contact with a victim")
        self.find("#apsp-yes").click()
        self.fill("#became_clear_on", today)
        self.submit("Open case")
        self.assertTrue(re.fullmatch(r"/cases/\d+", self.path()), f"not on a case: {self.page_summary()}")
        case_path = self.path()
        self.assertIn("Due by the end of", self.find("#referral-standing").text)

        self.fill("#person", "PSN-synthetic-victim")
        Select(self.find("#risk_level")).select_by_value("high")
        Select(self.find("#consent")).select_by_value("given")
        self.fill("#organisation", "Synthetic domestic abuse service")
        self.submit("Add person at risk")
        Select(self.find("#kind")).select_by_value("safeguarding")
        self.fill("#action-description", "Synthetic test: agree a safety plan with her support worker.")
        self.fill("#owner", "head")
        self.fill("#due_on", today)
        self.submit("Add action")
        self.driver.get(self.url("/alerts"))
        self.assertIn("safety plan", self.find("#due-safeguarding").text)
        self.driver.get(self.url(case_path))
        self.check_accessibility("case page")

        self.find("#status-investigation").click()
        self.fill("#status-rationale", "Synthetic test: enough to investigate.")
        self.submit("Change status")
        self.assertIn("Record the referral to the IOPC", self.page_summary())
        self.find("#decision-referred").click()
        self.fill("#sent_on", today)
        self.fill("#referral-rationale", "Synthetic test: a mandatory referral category.")
        self.submit("Record referral decision")
        self.wait_for_path(case_path)
        self.assertIn("on time", self.find("#referral-standing").text)
        self.find("#status-investigation").click()
        self.fill("#status-rationale", "Synthetic test: referred; investigating.")
        self.submit("Change status")
        self.wait_for_path(case_path)
        self.assertIn("Investigation", self.find("#case-status").text)

        Select(self.find("#outcome")).select_by_value("final_written_warning")
        self.fill("#outcome_on", today)
        self.fill("#outcome-rationale", "Synthetic test: misconduct meeting found the case proved.")
        self.submit("Record outcome")
        self.find("#status-closed").click()
        self.fill("#status-rationale", "Synthetic test: outcome given.")
        self.submit("Change status")
        self.assertIn("safeguarding action is still open", self.page_summary())
        self.fill("#close_reason", "Synthetic test: the support service holds the safety plan.")
        self.submit("Change status")
        self.wait_for_path(case_path)
        self.assertIn("Closed", self.find("#case-status").text)
        self.assertIn("Final written warning", self.find("#outcome-summary").text)
        self.driver.get(self.url(case_path + "/file"))
        self.assertIn("2B C", self.driver.page_source)
        self.assertNotIn(original, self.driver.page_source, "the case file carries the original")
        self.check_accessibility("case file")
        print(f"intelligence {item_path} graded 2B C; case {case_path} referred on time, closed with an outcome",
              file=sys.stderr)

    def portal_report(self, alert_id):
        """Someone reports anonymously through the portal; the head of unit reads it, replies and links it to the
        alert; the reporter comes back with the receipt and reads the reply."""
        self.assertTrue(self.portal_url, "CUSTODES_PORTAL_URL is not set")
        self.driver.get(self.portal_url + "/")
        self.check_accessibility("portal start")
        self.driver.find_element(By.LINK_TEXT, "Report anonymously").click()
        self.check_accessibility("portal report form")
        text = "Synthetic test: an officer keeps messaging a client of our service late at night."
        self.fill("#what_happened", text)
        self.submit("Send the report")
        self.assertIn("There is a problem", self.driver.page_source)
        self.assertIn(text, self.find("#what_happened").get_attribute("value"))
        self.fill("#when_where", "Synthetic test: last week, near the day centre")
        self.find("#consent_to_contact-no").click()
        attachment = os.path.join(tempfile.mkdtemp(prefix="custodes-portal-"), "messages.txt")
        with open(attachment, "w", encoding="utf-8") as file:
            file.write("Synthetic test: the messages, copied out.\n")
        self.find("#attachments").send_keys(attachment)
        self.submit("Send the report")
        receipt = self.find("#receipt").text.strip()
        self.keep(receipt)
        self.assertRegex(receipt, r"^[a-z2-9]{4}(-[a-z2-9]{4}){5}$")
        self.check_accessibility("portal receipt")
        self.assertFalse(self.driver.get_cookies(), "the portal set a cookie")

        self.sign_in("head")
        self.driver.get(self.url("/reports"))
        self.check_accessibility("report queue")
        anonymous = [r for r in self.driver.find_elements(By.CSS_SELECTOR, "#reports tbody tr") if "Anonymous" in r.text]
        self.assertEqual(len(anonymous), 1, "expected the one anonymous report in the queue")
        anonymous[0].find_element(By.CSS_SELECTOR, "a").click()
        report_path = self.path()
        self.assertIn(text, self.find("#answers").text)
        self.submit("Acknowledge")
        self.wait_for_path(report_path)
        self.assertIn("Assess by", self.find("#report-standing").text)
        self.assertTrue(self.driver.find_elements(By.PARTIAL_LINK_TEXT, "Download messages.txt"),
                        "the attachment is not offered for download")
        self.fill("#reply", "Synthetic test: thank you. Which night was it?")
        self.submit("Send reply")
        self.wait_for_path(report_path)
        self.fill("#alert", alert_id)
        self.submit("Link alert")
        self.wait_for_path(report_path)
        self.assertIn(f"Alert {alert_id}", self.find("main").text)
        self.check_accessibility("report page")
        self.sign_out()

        self.driver.get(self.portal_url + "/receipt")
        self.fill("#receipt", receipt)
        self.submit("Continue")
        self.assertIn("Which night was it?", self.find("main").text)
        self.check_accessibility("portal conversation")
        print(f"portal: anonymous report {report_path} answered and linked to alert {alert_id}; reply read with the receipt",
              file=sys.stderr)

    def print_accessibility_summary(self):
        counts = {impact: 0 for impact in IMPACT_ORDER}
        for _, _, violations in self.accessibility:
            for violation in violations:
                counts[violation.get("impact") or "minor"] = counts.get(violation.get("impact") or "minor", 0) + 1
        pages = ", ".join(page for page, _, _ in self.accessibility) or "none"
        print(f"\naccessibility: checked {len(self.accessibility)} page(s): {pages}", file=sys.stderr)
        print("accessibility: violations by impact: " + ", ".join(f"{k} {v}" for k, v in counts.items()),
              file=sys.stderr)
        print(f"narrow screens: {len(self.narrow)} page(s) checked at 390 px, widest document "
              f"{max((scroll for _, _, scroll in self.narrow), default=0)} px", file=sys.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
