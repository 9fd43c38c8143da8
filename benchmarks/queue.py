#!/usr/bin/env python3
"""The triage queue at 100,000 alerts: how long the pages an analyst pages through take to serve.

Usage: benchmarks/queue.sh (which prepares the store and starts the server), or
       benchmarks/queue.py BASE_URL USERNAME TEMPORARY_PASSWORD [REPEATS]

Signs in through the real flow (password, TOTP enrolment, new password), then times each queue view REPEATS times
over HTTP on loopback and prints the median and the slowest. Only the standard library is used.
"""
import base64, hashlib, hmac, html, http.cookiejar, re, statistics, struct, sys, time, urllib.parse, urllib.request


def totp(secret, at):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def main():
    base, username, password = sys.argv[1:4]
    repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(path):
        return opener.open(base + path).read().decode()

    def post(path, fields):
        return opener.open(base + path, urllib.parse.urlencode(fields).encode()).read().decode()

    def csrf(page):
        return re.search(r'name="csrf" value="([^"]+)"', page).group(1)

    page = post("/sign-in", {"username": username, "password": password})
    uri = html.unescape(re.search(r'id="otpauth-uri">([^<]+)<', page).group(1))
    secret = urllib.parse.parse_qs(urllib.parse.urlparse(uri).query)["secret"][0]
    post("/account/enrol", {"csrf": csrf(page), "code": totp(secret, time.time())})
    page = get("/account/password")
    post("/account/password", {"csrf": csrf(page), "password": "benchmark-password-1", "confirm": "benchmark-password-1"})

    first = get("/alerts")
    total = int(re.search(r"([0-9]+) matching alert", first).group(1))
    pages = (total + 49) // 50
    print(f"queue: {total:,} open alerts visible, {pages:,} pages of 50")
    views = [
        ("first page, highest risk first", "/alerts"),
        ("middle page, highest risk first", f"/alerts?page={pages // 2}"),
        ("last page, highest risk first", f"/alerts?page={pages}"),
        ("first page, oldest first", "/alerts?sort=age"),
        ("first page, new first", "/alerts?sort=state"),
        ("filtered by indicator", "/alerts?indicator=off_duty"),
        ("filtered by state (decided)", "/alerts?state=decided"),
        ("JSON API, first page", "/api/v1/alerts"),
    ]
    print(f"{'view':<36} {'median ms':>10} {'max ms':>8}")
    for label, path in views:
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            get(path)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{label:<36} {statistics.median(times):>10.1f} {max(times):>8.1f}")


if __name__ == "__main__":
    main()
