/// Every setting `custodes serve` reads from its configuration file (see docs/operations.md and
/// examples/custodes.yaml). Secrets are never values in the file: the database URL, which carries a password, may
/// come from `store.url_file`, and keys and tokens are always files.
public enum ServeSettings {
    public static let keys: [SettingKey] = [
        SettingKey(section: "store", name: "url", kind: .text,
                   help: "sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE"),
        SettingKey(section: "store", name: "url_file", kind: .existingFile,
                   help: "a file holding the store's URL, so its password is not in this file"),
        SettingKey(section: "store", name: "retry_seconds", kind: .number(0...86_400),
                   help: "how long to keep retrying an unreachable database"),
        SettingKey(section: "keys", name: "deployment_key_file", kind: .existingFile,
                   help: "the deployment's key (pseudonyms, sealed second factors, trail seals)"),
        SettingKey(section: "listen", name: "host", kind: .text, help: "the unit's listener: address"),
        SettingKey(section: "listen", name: "port", kind: .number(1...65_535), help: "the unit's listener: port"),
        SettingKey(section: "portal", name: "host", kind: .text, help: "the reporting portal's address (default: listen.host)"),
        SettingKey(section: "portal", name: "port", kind: .number(1...65_535), help: "the reporting portal's port (no portal when absent)"),
        SettingKey(section: "portal", name: "questions_file", kind: .existingFile, help: "the portal's questions (YAML)"),
        SettingKey(section: "sessions", name: "idle_minutes", kind: .number(1...1_440), help: "a session ends after this long idle"),
        SettingKey(section: "sessions", name: "absolute_hours", kind: .number(1...72), help: "a session ends this long after sign-in"),
        SettingKey(section: "sessions", name: "secure_cookies", kind: .flag, help: "mark cookies Secure (behind TLS)"),
        SettingKey(section: "sign_in", name: "failures_before_lockout", kind: .number(1...100),
                   help: "failed passwords or codes before an account is locked"),
        SettingKey(section: "sign_in", name: "lockout_minutes", kind: .number(1...1_440), help: "how long a lock-out lasts"),
        SettingKey(section: "ingest", name: "concurrent_batches", kind: .number(1...64),
                   help: "batches from connectors taken in at once; more wait with 503 and Retry-After"),
        SettingKey(section: "ingest", name: "max_body_megabytes", kind: .number(1...1_024),
                   help: "the largest batch a connector may send"),
        SettingKey(section: "detection", name: "interval_seconds", kind: .number(0...86_400),
                   help: "seconds between detection runs (0: no detection in this process)"),
        SettingKey(section: "detection", name: "budget", kind: .number(1...100_000),
                   help: "alerts a week the unit can triage"),
        SettingKey(section: "detection", name: "maximum_lag_minutes", kind: .number(1...10_080),
                   help: "/readyz fails when an event has waited longer than this to be weighed"),
        SettingKey(section: "logs", name: "format", kind: .choice(["text", "json"]), help: "text for a terminal, json for a collector"),
        SettingKey(section: "logs", name: "level", kind: .choice(["trace", "debug", "info", "notice", "warning", "error", "critical"]),
                   help: "the lowest level logged"),
        SettingKey(section: "metrics", name: "host", kind: .text,
                   help: "the metrics listener's address (default 127.0.0.1; on loopback it needs no token)"),
        SettingKey(section: "metrics", name: "port", kind: .number(1...65_535),
                   help: "the metrics listener's port (no metrics listener when absent)"),
        SettingKey(section: "metrics", name: "token_file", kind: .existingFile,
                   help: "the token a scraper presents to read /metrics on the unit's listener or a non-loopback one"),
        SettingKey(section: "retention", name: "events_days", kind: .number(1...36_500),
                   help: "`custodes retention` deletes events older than this"),
    ]

    public static func key(_ path: String) -> SettingKey? { keys.first { $0.path == path } }
}
