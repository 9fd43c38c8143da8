"""Signing in to Custodes from a benchmark, through the real flow: password, TOTP enrolment, a new password.
Only the standard library is used."""
import base64, hashlib, hmac, html, http.cookiejar, re, struct, time, urllib.parse, urllib.request


def totp(secret, at):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def sign_in(base, username, password, jar=None):
    """An opener holding a signed-in session for a new account with a temporary password."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar if jar is not None else http.cookiejar.CookieJar()))

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
    return opener
