/// Every version of the store's schema, in order. Times are epoch seconds (UTC) in integer columns and vocabularies
/// are their documented text values, so the same SQL serves both engines and the tables read like the bundle.
public enum Schema {
    public static let migrations: [Migration] = [referenceAndEvents, detection, apiTokens, runCoverage, unitWork,
                                                   queueAtScale, evaluations, auditSources,
                                                   byteOrderIdentifiers, auditEventNumbers, sourceEventIdentity,
                                                   sealedTrailAndBatchProgress, intelligenceLog, cases,
                                                   partnerRegister, portalReports,
                                                   exceptionRequests, reportKeys, partnerAccounts, drafts, revealRequests]

    public static var latestVersion: Int { migrations.last!.version }

    /// Version 1: what ingest writes. Reference data keyed by its natural identifiers (so a re-sent row updates in
    /// place), audit events keyed by the source's event id (so re-delivery is harmless) and numbered in arrival order
    /// (the detection cursor), ingest batches, the files already taken in, and quarantined rows with their reasons.
    static let referenceAndEvents = Migration(version: 1, name: "reference data, audit events and ingest") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE staff (staff_id TEXT PRIMARY KEY, collar_number TEXT NOT NULL, display_name TEXT NOT NULL,
                role TEXT NOT NULL, team TEXT NOT NULL, station TEXT NOT NULL, start_date \(int) NOT NULL,
                end_date \(int), home_postcode TEXT, batch_id \(int) NOT NULL)
            """,
            """
            CREATE TABLE persons (person_id TEXT PRIMARY KEY, family_name TEXT NOT NULL, given_name TEXT NOT NULL,
                sex TEXT NOT NULL, birth_year \(int), postcode TEXT, markers TEXT NOT NULL, batch_id \(int) NOT NULL)
            """,
            """
            CREATE TABLE occurrences (occurrence_id TEXT PRIMARY KEY, category TEXT NOT NULL, opened_at \(int) NOT NULL,
                closed_at \(int), station TEXT NOT NULL, batch_id \(int) NOT NULL)
            """,
            """
            CREATE TABLE rosters (staff_id TEXT NOT NULL, start_at \(int) NOT NULL, end_at \(int) NOT NULL,
                kind TEXT NOT NULL, batch_id \(int) NOT NULL, PRIMARY KEY (staff_id, start_at))
            """,
            """
            CREATE TABLE person_links (person_id TEXT NOT NULL, linked_person_id TEXT NOT NULL, relation TEXT NOT NULL,
                batch_id \(int) NOT NULL, PRIMARY KEY (person_id, linked_person_id))
            """,
            """
            CREATE TABLE occurrence_persons (occurrence_id TEXT NOT NULL, person_id TEXT NOT NULL, role TEXT NOT NULL,
                batch_id \(int) NOT NULL, PRIMARY KEY (occurrence_id, person_id, role))
            """,
            """
            CREATE TABLE assignments (occurrence_id TEXT NOT NULL, staff_id TEXT NOT NULL, role TEXT NOT NULL,
                start_at \(int) NOT NULL, end_at \(int), batch_id \(int) NOT NULL,
                PRIMARY KEY (occurrence_id, staff_id, role, start_at))
            """,
            """
            CREATE TABLE declared_associations (staff_id TEXT NOT NULL, person_id TEXT NOT NULL,
                relation TEXT NOT NULL, declared_on \(int) NOT NULL, batch_id \(int) NOT NULL,
                PRIMARY KEY (staff_id, person_id))
            """,
            """
            CREATE TABLE audit_events (seq \(type.serialKey), event_id TEXT NOT NULL UNIQUE, at \(int) NOT NULL,
                staff_id TEXT NOT NULL, system TEXT NOT NULL, action TEXT NOT NULL, entity_type TEXT NOT NULL,
                entity_id TEXT NOT NULL, fields TEXT NOT NULL, workstation TEXT NOT NULL, reason TEXT NOT NULL,
                batch_id \(int) NOT NULL, received_at \(int) NOT NULL)
            """,
            "CREATE INDEX audit_events_by_time ON audit_events (at, event_id)",
            "CREATE INDEX audit_events_by_staff ON audit_events (staff_id, at)",
            "CREATE INDEX audit_events_by_entity ON audit_events (entity_id, at)",
            """
            CREATE TABLE ingest_batches (batch_id \(type.serialKey), channel TEXT NOT NULL, source TEXT NOT NULL,
                started_at \(int) NOT NULL, finished_at \(int), status TEXT NOT NULL, files \(int) NOT NULL DEFAULT 0,
                reference_rows \(int) NOT NULL DEFAULT 0, accepted \(int) NOT NULL DEFAULT 0,
                duplicates \(int) NOT NULL DEFAULT 0, quarantined \(int) NOT NULL DEFAULT 0)
            """,
            """
            CREATE TABLE ingested_files (digest TEXT PRIMARY KEY, name TEXT NOT NULL, batch_id \(int) NOT NULL,
                rows_read \(int) NOT NULL, accepted \(int) NOT NULL, duplicates \(int) NOT NULL,
                quarantined \(int) NOT NULL, completed_at \(int) NOT NULL)
            """,
            """
            CREATE TABLE quarantine (quarantine_id \(type.serialKey), batch_id \(int) NOT NULL, file_digest TEXT NOT NULL,
                file TEXT NOT NULL, line \(int) NOT NULL, field TEXT NOT NULL, reason TEXT NOT NULL,
                detail TEXT NOT NULL, original TEXT NOT NULL, UNIQUE (file_digest, line))
            """,
        ]
    }

    /// Version 2: what detection writes. Its cursor (the last audit event it has seen, by arrival), its runs, the rule
    /// sets with who changed them and when, and alerts keyed by member of staff and opening event so that a re-run
    /// updates an alert instead of duplicating it.
    static let detection = Migration(version: 2, name: "detection state, rule sets and alerts") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE detection_state (id \(int) PRIMARY KEY CHECK (id = 1), cursor_seq \(int) NOT NULL,
                events \(int) NOT NULL, rules_version \(int) NOT NULL, budget \(int), run_id \(int) NOT NULL,
                updated_at \(int) NOT NULL)
            """,
            """
            CREATE TABLE detection_runs (run_id \(type.serialKey), started_at \(int) NOT NULL, finished_at \(int) NOT NULL,
                cursor_seq \(int) NOT NULL, events \(int) NOT NULL, rules_version \(int) NOT NULL,
                alerts \(int) NOT NULL, opened \(int) NOT NULL, updated \(int) NOT NULL, withdrawn \(int) NOT NULL)
            """,
            """
            CREATE TABLE rule_sets (version \(type.serialKey), digest TEXT NOT NULL, yaml TEXT NOT NULL,
                changed_by TEXT NOT NULL, changed_at \(int) NOT NULL, note TEXT NOT NULL)
            """,
            """
            CREATE TABLE alerts (alert_id \(type.serialKey), alert_key TEXT NOT NULL UNIQUE, staff_id TEXT NOT NULL,
                staff_pseudonym TEXT NOT NULL, opened_at \(int) NOT NULL, opening_event_id TEXT NOT NULL,
                score_at_open \(type.real) NOT NULL, score \(type.real) NOT NULL, last_evidence_at \(int) NOT NULL,
                indicators TEXT NOT NULL, evidence_count \(int) NOT NULL, why TEXT NOT NULL,
                over_budget \(int) NOT NULL, surfaced_at \(int), status TEXT NOT NULL, detail TEXT NOT NULL,
                digest TEXT NOT NULL, first_run \(int) NOT NULL, last_run \(int) NOT NULL)
            """,
            "CREATE INDEX alerts_by_staff ON alerts (staff_id, opened_at)",
            "CREATE INDEX alerts_by_score ON alerts (status, score)",
        ]
    }

    /// Version 3: API tokens for connectors that push audit events over HTTP, one or more per source system. Only a
    /// SHA-256 of each token is kept (tokens are 256 random bits, so a slow hash adds nothing); revoked tokens stay
    /// on record.
    static let apiTokens = Migration(version: 3, name: "API tokens for ingest connectors") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE api_tokens (token_id \(type.serialKey), source TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
                created_by TEXT NOT NULL, created_at \(int) NOT NULL, revoked_at \(int))
            """,
        ]
    }

    /// Version 4: how much of what each detection run saw it could explain, for the capability report.
    static let runCoverage = Migration(version: 4, name: "explained accesses per detection run") { engine in
        let int = ColumnTypes(engine: engine).integer
        return [
            "ALTER TABLE detection_runs ADD COLUMN in_scope \(int) NOT NULL DEFAULT 0",
            "ALTER TABLE detection_runs ADD COLUMN explained \(int) NOT NULL DEFAULT 0",
        ]
    }

    /// Version 5: the unit's own work in the web application. Accounts (disabled, never deleted, so the trail stays
    /// readable), their recovery codes and server-side sessions (only hashes of secrets are kept); the hash-chained
    /// audit trail; and triage of alerts: assignment, comments, decisions with their rationale, and reveals of a
    /// pseudonymised member of staff with the reason given.
    static let unitWork = Migration(version: 5, name: "users, sessions, audit trail and triage") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE users (user_id \(type.serialKey), username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
                role TEXT NOT NULL, password_hash TEXT NOT NULL, password_is_temporary \(int) NOT NULL,
                totp_secret TEXT, totp_enrolled \(int) NOT NULL, totp_last_step \(int), failed_attempts \(int) NOT NULL,
                locked_until \(int), staff_id TEXT, created_at \(int) NOT NULL, disabled_at \(int))
            """,
            """
            CREATE TABLE recovery_codes (user_id \(int) NOT NULL, code_hash TEXT NOT NULL, used_at \(int),
                PRIMARY KEY (user_id, code_hash))
            """,
            """
            CREATE TABLE sessions (session_hash TEXT PRIMARY KEY, user_id \(int) NOT NULL, csrf_token TEXT NOT NULL,
                second_factor \(int) NOT NULL, created_at \(int) NOT NULL, last_seen_at \(int) NOT NULL, ended_at \(int))
            """,
            "CREATE INDEX sessions_by_user ON sessions (user_id)",
            """
            CREATE TABLE audit_trail (seq \(type.serialKey), at \(int) NOT NULL, username TEXT NOT NULL,
                action TEXT NOT NULL, subject TEXT NOT NULL, detail TEXT NOT NULL, previous_hash TEXT NOT NULL,
                entry_hash TEXT NOT NULL)
            """,
            "CREATE INDEX audit_trail_by_user ON audit_trail (username, seq)",
            """
            CREATE TABLE alert_triage (alert_key TEXT PRIMARY KEY, assignee TEXT, state TEXT NOT NULL,
                updated_at \(int) NOT NULL)
            """,
            "CREATE INDEX alert_triage_by_assignee ON alert_triage (assignee)",
            """
            CREATE TABLE alert_comments (comment_id \(type.serialKey), alert_key TEXT NOT NULL, username TEXT NOT NULL,
                at \(int) NOT NULL, body TEXT NOT NULL)
            """,
            "CREATE INDEX alert_comments_by_alert ON alert_comments (alert_key, comment_id)",
            """
            CREATE TABLE alert_decisions (decision_id \(type.serialKey), alert_key TEXT NOT NULL, username TEXT NOT NULL,
                at \(int) NOT NULL, outcome TEXT NOT NULL, rationale TEXT NOT NULL, exception_until TEXT,
                rules_version \(int))
            """,
            "CREATE INDEX alert_decisions_by_alert ON alert_decisions (alert_key, decision_id)",
            """
            CREATE TABLE reveals (reveal_id \(type.serialKey), alert_key TEXT NOT NULL, username TEXT NOT NULL,
                at \(int) NOT NULL, reason TEXT NOT NULL)
            """,
            "CREATE INDEX reveals_by_alert ON reveals (alert_key, username)",
            "CREATE INDEX alerts_by_opened ON alerts (opened_at)",
        ]
    }

    /// Version 6: the triage queue at scale. A covering index lets the queue's counts and filter lists read the index
    /// instead of alert rows (each carries its evidence, kilobytes of JSON), and `alert_people` lists the people
    /// each alert involves, so hiding alerts about a user's declared associates is an indexed look-up rather than a
    /// scan of every alert's evidence. Existing alerts are filled in from their stored detail.
    static let queueAtScale = Migration(version: 6, name: "triage queue indexes and the people of each alert") { engine in
        let backfill = engine == .sqlite
            ? """
              INSERT OR IGNORE INTO alert_people (alert_key, pseudonym) SELECT a.alert_key, \
              json_extract(p.value, '$.pseudonym') FROM alerts a, json_each(a.detail, '$.people') p
              """
            : """
              INSERT INTO alert_people (alert_key, pseudonym) SELECT a.alert_key, p->>'pseudonym' FROM alerts a, \
              jsonb_array_elements(a.detail::jsonb->'people') p ON CONFLICT DO NOTHING
              """
        return [
            "CREATE INDEX alerts_queue ON alerts (status, score, opened_at, alert_key, staff_id, indicators)",
            "CREATE TABLE alert_people (alert_key TEXT NOT NULL, pseudonym TEXT NOT NULL, PRIMARY KEY (alert_key, pseudonym))",
            "CREATE INDEX alert_people_by_pseudonym ON alert_people (pseudonym)",
            backfill,
        ]
    }

    /// Version 7: evaluations of the store's alerts against a simulated force's ground truth, for the capability
    /// report's recall at the unit's capacity.
    static let evaluations = Migration(version: 7, name: "evaluations against ground truth") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE evaluations (evaluation_id \(type.serialKey), at \(int) NOT NULL, bundle TEXT NOT NULL,
                misconduct_staff \(int) NOT NULL, detected \(int) NOT NULL, recall \(type.real) NOT NULL,
                precision \(type.real) NOT NULL, median_days \(type.real))
            """,
        ]
    }

    /// Version 8: audit events counted by source system, kept by ingest in the same transaction as the events and
    /// recounted by retention. The capability report's table of sources counted every stored event on each view
    /// (9 s at 102 million events on PostgreSQL); it now reads one row per system.
    static let auditSources = Migration(version: 8, name: "audit events by source system") { engine in
        let int = ColumnTypes(engine: engine).integer
        return [
            """
            CREATE TABLE audit_sources (system TEXT PRIMARY KEY, events \(int) NOT NULL, latest_at \(int) NOT NULL,
                last_received_at \(int) NOT NULL)
            """,
            AuditSources.recount,
        ]
    }

    /// Version 9: on PostgreSQL, the identifiers of `audit_events` compared byte by byte (`COLLATE "C"`), as SQLite
    /// compares them. The test server's `C.UTF-8` compares through the C library and without abbreviated sort keys;
    /// in byte order the indexes rebuilt after a bulk load of the simulated year took 3.8 s instead of 4.7 s (in
    /// `psql`). For UTF-8 text, byte order is code-point order, which is what `C.UTF-8` gives, so no stored order
    /// changes there; under another database locale, identifiers now sort the same way on both engines. Upgrading
    /// rebuilds the four indexes that hold these columns (minutes on a store of a hundred million events), not the
    /// table. Comparisons with identifiers in other tables, which keep the database's collation, take this one.
    static let byteOrderIdentifiers = Migration(version: 9, name: "audit event identifiers in byte order") { engine in
        guard engine == .postgres else { return [] }
        return [
            """
            ALTER TABLE audit_events ALTER COLUMN event_id TYPE TEXT COLLATE "C", \
            ALTER COLUMN staff_id TYPE TEXT COLLATE "C", ALTER COLUMN entity_id TYPE TEXT COLLATE "C"
            """,
        ]
    }

    /// Version 10: on PostgreSQL, `audit_events.seq` numbers come from a one-row counter, `audit_event_numbers`,
    /// rather than from the column's identity sequence. Writers take a chunk's numbers before copying it (see
    /// `AuditEventWriter.reserve`), and taking 100,000 numbers one `nextval` at a time cost 30 to 55 ms of server time
    /// (in `psql`), about a second of a load of the simulated year, where one `UPDATE … RETURNING` takes them all at
    /// once. The identity is dropped so that nothing can take a number behind the counter's back: a row without
    /// `seq` is refused. The counter starts above every number stored or handed out.
    static let auditEventNumbers = Migration(version: 10, name: "audit event numbers from a counter") { engine in
        guard engine == .postgres else { return [] }
        return [
            "CREATE TABLE audit_event_numbers (id INTEGER PRIMARY KEY CHECK (id = 1), last_seq BIGINT NOT NULL)",
            """
            INSERT INTO audit_event_numbers (id, last_seq) SELECT 1, GREATEST( \
            COALESCE((SELECT MAX(seq) FROM audit_events), 0), \
            COALESCE(pg_sequence_last_value(pg_get_serial_sequence('audit_events', 'seq')::regclass), 0))
            """,
            "ALTER TABLE audit_events ALTER COLUMN seq DROP IDENTITY",
        ]
    }

    /// Version 11: an audit event is identified by its system and the system's `event_id`, not by `event_id` alone.
    /// With `event_id` alone, one system could claim another's identifiers in advance (a connector's token for `pnc`
    /// storing rows with `rms` identifiers), so that the genuine event, arriving later, was dropped as a re-delivery.
    /// Each system numbers its own events; two systems may use the same identifier and both are kept.
    ///
    /// On SQLite the old identifier was a column constraint, which SQLite cannot drop, so the table is rebuilt (rows,
    /// numbers and indexes as they were); on PostgreSQL the unique constraint is replaced.
    static let sourceEventIdentity = Migration(version: 11, name: "audit events identified by system and event id") { engine in
        let identity = AuditWriteLock.uniqueIDs
        guard engine == .sqlite else {
            return [
                "ALTER TABLE audit_events DROP CONSTRAINT IF EXISTS audit_events_event_id_key",
                "DROP INDEX IF EXISTS audit_events_event_id_key",
                "CREATE UNIQUE INDEX IF NOT EXISTS \(identity) ON audit_events (system, event_id)",
                // Attached unless ingest or detection, which put back whatever a killed load left missing, already
                // did (a store used by today's code before this step ran).
                """
                DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'audit_events'::regclass \
                AND conname = '\(identity)') THEN \
                ALTER TABLE audit_events ADD CONSTRAINT \(identity) UNIQUE USING INDEX \(identity); END IF; END $$
                """,
            ]
        }
        return [
            """
            CREATE TABLE audit_events_by_source (seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL, \
            at INTEGER NOT NULL, staff_id TEXT NOT NULL, system TEXT NOT NULL, action TEXT NOT NULL, \
            entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, fields TEXT NOT NULL, workstation TEXT NOT NULL, \
            reason TEXT NOT NULL, batch_id INTEGER NOT NULL, received_at INTEGER NOT NULL)
            """,
            """
            INSERT INTO audit_events_by_source (seq, event_id, at, staff_id, system, action, entity_type, entity_id, \
            fields, workstation, reason, batch_id, received_at) SELECT seq, event_id, at, staff_id, system, action, \
            entity_type, entity_id, fields, workstation, reason, batch_id, received_at FROM audit_events ORDER BY seq
            """,
            "DROP TABLE audit_events",
            "ALTER TABLE audit_events_by_source RENAME TO audit_events",
            "CREATE UNIQUE INDEX \(identity) ON audit_events (system, event_id)",
        ] + AuditIndexes.all.map { "CREATE INDEX IF NOT EXISTS \($0.name) ON audit_events (\($0.columns))" }
    }

    /// Version 12: each trail entry carries a seal, a keyed MAC of its hash under a key derived from the deployment's
    /// key (which is kept outside the database), so that someone who can write the database but does not hold the key
    /// can no longer rebuild the chain after editing it. Entries written before this version have no seal; the first
    /// server started with the key seals them, and only them: `trail_seal_state` remembers the newest entry that
    /// existed at the upgrade. Ingest batches record when they last made progress, so that one whose process was
    /// killed can be told from one still running and marked `interrupted`. `reference_version` counts writes of
    /// reference data, so that a server can keep the records between pushes and read them again only when they
    /// changed.
    static let sealedTrailAndBatchProgress = Migration(version: 12, name: "sealed trail, ingest batch progress, reference version") { engine in
        let int = ColumnTypes(engine: engine).integer
        return [
            "ALTER TABLE audit_trail ADD COLUMN seal TEXT NOT NULL DEFAULT ''",
            "CREATE TABLE trail_seal_state (id INTEGER PRIMARY KEY CHECK (id = 1), unsealed_up_to \(int) NOT NULL)",
            "INSERT INTO trail_seal_state (id, unsealed_up_to) SELECT 1, COALESCE(MAX(seq), 0) FROM audit_trail",
            "ALTER TABLE ingest_batches ADD COLUMN progress_at \(int)",
            "UPDATE ingest_batches SET progress_at = COALESCE(finished_at, started_at)",
            "CREATE TABLE reference_version (id INTEGER PRIMARY KEY CHECK (id = 1), version \(int) NOT NULL)",
            "INSERT INTO reference_version (id, version) VALUES (1, 0)",
        ]
    }
    /// Version 13: the intelligence log. An item's sanitised text lives with the item, which most roles read; the
    /// original, which may identify the source, is in a table of its own that only the reading of an original
    /// touches. Gradings are rows, never updated, so a change of grading keeps who graded it before and why it
    /// changed; the item holds the current one for lists. Links name what the item is about (a member of staff, a
    /// person's pseudonym, an occurrence, an alert, another item); disseminations record each sharing under the
    /// grading it was shared with.
    static let intelligenceLog = Migration(version: 13, name: "intelligence log graded 3x5x2") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE intelligence_items (item_id \(type.serialKey), source_kind TEXT NOT NULL,
                source_description TEXT NOT NULL, sanitised_text TEXT NOT NULL, subject_staff_id TEXT,
                recorded_by TEXT NOT NULL, recorded_at \(int) NOT NULL, source_evaluation TEXT,
                intelligence_assessment TEXT, handling_code TEXT, handling_conditions TEXT, graded_by TEXT,
                graded_at \(int))
            """,
            "CREATE INDEX intelligence_items_by_subject ON intelligence_items (subject_staff_id)",
            """
            CREATE TABLE intelligence_originals (item_id \(int) PRIMARY KEY, original_text TEXT NOT NULL,
                recorded_by TEXT NOT NULL, recorded_at \(int) NOT NULL)
            """,
            """
            CREATE TABLE intelligence_gradings (grading_id \(type.serialKey), item_id \(int) NOT NULL,
                source_evaluation TEXT NOT NULL, intelligence_assessment TEXT NOT NULL, handling_code TEXT NOT NULL,
                handling_conditions TEXT, graded_by TEXT NOT NULL, graded_at \(int) NOT NULL, reason TEXT NOT NULL)
            """,
            "CREATE INDEX intelligence_gradings_by_item ON intelligence_gradings (item_id, grading_id)",
            """
            CREATE TABLE intelligence_links (item_id \(int) NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL,
                linked_by TEXT NOT NULL, linked_at \(int) NOT NULL, PRIMARY KEY (item_id, kind, target))
            """,
            "CREATE INDEX intelligence_links_by_target ON intelligence_links (kind, target)",
            """
            CREATE TABLE intelligence_disseminations (dissemination_id \(type.serialKey), item_id \(int) NOT NULL,
                recipient TEXT NOT NULL, purpose TEXT NOT NULL, grading TEXT NOT NULL, handling_conditions TEXT,
                disseminated_by TEXT NOT NULL, disseminated_at \(int) NOT NULL)
            """,
        ]
    }
    /// Version 14: cases. A case is about one member of staff, with an investigator and a supervisor; the rows
    /// around it are history, never updated except to close an action or end a measure: victims and people at risk
    /// with their safeguarding plans, actions (safeguarding and tasks) with owners and due days, notes, status
    /// changes with their rationale, severity assessments, interim measures, the IOPC referral and the outcome, and
    /// reveals of the member of staff made on the case (a case need not have grown from an alert).
    /// Days (due, became clear, sent, outcome) are the force's calendar days as YYYY-MM-DD text.
    static let cases = Migration(version: 14, name: "cases, safeguarding and IOPC referral") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE cases (case_id \(type.serialKey), title TEXT NOT NULL, subject_staff_id TEXT NOT NULL,
                apsp \(int) NOT NULL, became_clear_on TEXT, status TEXT NOT NULL, investigator TEXT, supervisor TEXT,
                opened_by TEXT NOT NULL, opened_at \(int) NOT NULL, outcome TEXT, outcome_on TEXT,
                outcome_rationale TEXT, closed_at \(int), close_reason TEXT)
            """,
            "CREATE INDEX cases_by_subject ON cases (subject_staff_id)",
            """
            CREATE TABLE case_links (case_id \(int) NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL,
                linked_by TEXT NOT NULL, linked_at \(int) NOT NULL, PRIMARY KEY (case_id, kind, target))
            """,
            "CREATE INDEX case_links_by_target ON case_links (kind, target)",
            """
            CREATE TABLE case_victims (victim_id \(type.serialKey), case_id \(int) NOT NULL, person TEXT NOT NULL,
                description TEXT NOT NULL, risk_level TEXT NOT NULL, organisation TEXT NOT NULL, consent TEXT NOT NULL,
                added_by TEXT NOT NULL, added_at \(int) NOT NULL)
            """,
            "CREATE INDEX case_victims_by_case ON case_victims (case_id)",
            """
            CREATE TABLE case_actions (action_id \(type.serialKey), case_id \(int) NOT NULL, victim_id \(int),
                kind TEXT NOT NULL, description TEXT NOT NULL, owner TEXT NOT NULL, due_on TEXT NOT NULL,
                status TEXT NOT NULL, created_by TEXT NOT NULL, created_at \(int) NOT NULL, finished_by TEXT,
                finished_at \(int), finish_note TEXT)
            """,
            "CREATE INDEX case_actions_open ON case_actions (status, kind, due_on)",
            """
            CREATE TABLE case_notes (note_id \(type.serialKey), case_id \(int) NOT NULL, username TEXT NOT NULL,
                at \(int) NOT NULL, body TEXT NOT NULL)
            """,
            """
            CREATE TABLE case_status_changes (change_id \(type.serialKey), case_id \(int) NOT NULL,
                from_status TEXT NOT NULL, to_status TEXT NOT NULL, rationale TEXT NOT NULL, username TEXT NOT NULL,
                at \(int) NOT NULL)
            """,
            """
            CREATE TABLE case_assessments (assessment_id \(type.serialKey), case_id \(int) NOT NULL,
                severity TEXT NOT NULL, proceedings TEXT NOT NULL, rationale TEXT NOT NULL, username TEXT NOT NULL,
                at \(int) NOT NULL)
            """,
            """
            CREATE TABLE case_measures (measure_id \(type.serialKey), case_id \(int) NOT NULL, kind TEXT NOT NULL,
                started_on TEXT NOT NULL, review_on TEXT NOT NULL, rationale TEXT NOT NULL, username TEXT NOT NULL,
                at \(int) NOT NULL, ended_on TEXT)
            """,
            """
            CREATE TABLE case_referrals (referral_id \(type.serialKey), case_id \(int) NOT NULL,
                decision TEXT NOT NULL, rationale TEXT NOT NULL, sent_on TEXT, iopc_reference TEXT, iopc_mode TEXT,
                iopc_decided_on TEXT, username TEXT NOT NULL, at \(int) NOT NULL)
            """,
            "CREATE INDEX case_referrals_by_case ON case_referrals (case_id, referral_id)",
            """
            CREATE TABLE case_reveals (reveal_id \(type.serialKey), case_id \(int) NOT NULL, username TEXT NOT NULL,
                at \(int) NOT NULL, reason TEXT NOT NULL)
            """,
        ]
    }
    /// Version 15: the register of the unit's relationships with organisations that support vulnerable people:
    /// organisations (of a kind from a vocabulary the unit may extend), their contacts, and the engagement log
    /// (meetings, training, awareness material, agreements with their review day). `unit_settings` keeps settings
    /// the unit changes in the application, with who changed each and when.
    static let partnerRegister = Migration(version: 15, name: "partner register and unit settings") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            "CREATE TABLE partner_kinds (kind TEXT PRIMARY KEY, title TEXT NOT NULL, built_in \(int) NOT NULL)",
            """
            INSERT INTO partner_kinds (kind, title, built_in) VALUES \
            ('sexual_violence', 'Sexual violence service', 1), ('domestic_abuse', 'Domestic abuse service', 1), \
            ('drug_alcohol', 'Drug and alcohol service', 1), ('homelessness', 'Homelessness service', 1), \
            ('sex_worker_outreach', 'Sex-worker outreach', 1), ('mental_health', 'Mental health charity', 1)
            """,
            """
            CREATE TABLE partner_organisations (organisation_id \(type.serialKey), name TEXT NOT NULL, kind TEXT NOT NULL,
                area TEXT NOT NULL, status TEXT NOT NULL, liaison TEXT, created_by TEXT NOT NULL,
                created_at \(int) NOT NULL, updated_at \(int) NOT NULL)
            """,
            """
            CREATE TABLE partner_contacts (contact_id \(type.serialKey), organisation_id \(int) NOT NULL,
                name TEXT NOT NULL, role TEXT NOT NULL, reach TEXT NOT NULL, added_by TEXT NOT NULL,
                added_at \(int) NOT NULL, removed_at \(int))
            """,
            """
            CREATE TABLE partner_engagements (engagement_id \(type.serialKey), organisation_id \(int) NOT NULL,
                kind TEXT NOT NULL, on_day TEXT NOT NULL, summary TEXT NOT NULL, review_on TEXT,
                recorded_by TEXT NOT NULL, recorded_at \(int) NOT NULL)
            """,
            "CREATE INDEX partner_engagements_by_organisation ON partner_engagements (organisation_id, on_day)",
            """
            CREATE TABLE unit_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL, changed_by TEXT NOT NULL,
                changed_at \(int) NOT NULL)
            """,
        ]
    }
    /// Version 16: reports from the portal. Everything a reporter wrote (answers and messages) is stored sealed
    /// under a key of the report's own, itself wrapped under the unit's key (kept outside the database), so a copy of
    /// the database alone reveals nothing of what was reported. The receipt is stored only as a slow salted hash,
    /// found by a public lookup part. No address, user agent or other metadata of the reporter is stored.
    static let portalReports = Migration(version: 16, name: "reports from the portal") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE portal_reports (report_id \(type.serialKey), lookup TEXT NOT NULL UNIQUE,
                receipt_hash TEXT NOT NULL, channel TEXT NOT NULL, received_at \(int) NOT NULL,
                wrapped_key TEXT NOT NULL, sealed_answers TEXT NOT NULL, acknowledge_by TEXT NOT NULL,
                assess_by TEXT NOT NULL, acknowledged_at \(int), acknowledged_by TEXT, assessed_at \(int),
                assessed_by TEXT, assessment TEXT, subject_staff_id TEXT, intelligence_item_id \(int),
                organisation_id \(int), closed_at \(int), closed_by TEXT)
            """,
            """
            CREATE TABLE portal_messages (message_id \(type.serialKey), report_id \(int) NOT NULL,
                from_reporter \(int) NOT NULL, username TEXT, at \(int) NOT NULL, sealed_body TEXT NOT NULL)
            """,
            "CREATE INDEX portal_messages_by_report ON portal_messages (report_id, message_id)",
            """
            CREATE TABLE portal_report_links (report_id \(int) NOT NULL, alert_id \(int) NOT NULL,
                linked_by TEXT NOT NULL, linked_at \(int) NOT NULL, PRIMARY KEY (report_id, alert_id))
            """,
            """
            CREATE TABLE portal_attachments (attachment_id \(type.serialKey), report_id \(int) NOT NULL,
                kind TEXT NOT NULL, size \(int) NOT NULL, sealed_name TEXT NOT NULL, sealed_content TEXT NOT NULL)
            """,
            "CREATE INDEX portal_attachments_by_report ON portal_attachments (report_id, attachment_id)",
        ]
    }
    /// Version 17: exceptions to the rules asked for and approved by two people. A decision that accesses were
    /// legitimate asks for an exception; only a head of unit other than the one who asked approves it, and only then
    /// does it enter the rules.
    static let exceptionRequests = Migration(version: 17, name: "exceptions approved by a second person") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE exception_requests (request_id \(type.serialKey), alert_id \(int) NOT NULL,
                staff_id TEXT NOT NULL, indicators TEXT NOT NULL, tasking TEXT, until TEXT NOT NULL,
                rationale TEXT NOT NULL, requested_by TEXT NOT NULL, requested_at \(int) NOT NULL, status TEXT NOT NULL,
                decided_by TEXT, decided_at \(int), note TEXT, rules_version \(int))
            """,
            "CREATE INDEX exception_requests_by_status ON exception_requests (status, request_id)",
        ]
    }
    /// Version 18: a report's key wrapped for each recipient rather than under the deployment key. Unit users who
    /// read reports get a key pair whose private half is sealed by their password (and, while they are signed in, by
    /// their session's token), and become recipients once the head of unit approves that key; the unit's recovery
    /// key and the reporter's receipt are recipients too. Reports sealed
    /// before keep their deployment-key wrap until a recipient signs in and wraps them for everyone.
    static let reportKeys = Migration(version: 18, name: "report keys wrapped per recipient") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            "ALTER TABLE users ADD COLUMN report_public_key TEXT",
            "ALTER TABLE users ADD COLUMN sealed_report_key TEXT",
            "ALTER TABLE users ADD COLUMN report_key_approved TEXT",
            "ALTER TABLE users ADD COLUMN report_key_approved_by TEXT",
            "ALTER TABLE users ADD COLUMN report_key_approved_at \(int)",
            "ALTER TABLE sessions ADD COLUMN sealed_report_key TEXT",
            """
            CREATE TABLE portal_report_keys (report_id \(int) NOT NULL, recipient TEXT NOT NULL,
                public_key TEXT NOT NULL, wrapped_key TEXT NOT NULL, PRIMARY KEY (report_id, recipient))
            """,
            "CREATE INDEX portal_report_keys_by_recipient ON portal_report_keys (recipient, report_id)",
            """
            INSERT INTO portal_report_keys (report_id, recipient, public_key, wrapped_key) \
            SELECT report_id, 'deployment', '', wrapped_key FROM portal_reports
            """,
            "UPDATE portal_reports SET wrapped_key = ''",
        ]
    }

    /// Version 19: invitations the unit gives an organisation, and the partner accounts (password and second
    /// factor) its support workers make with them, which sign in to the portal only.
    static let partnerAccounts = Migration(version: 19, name: "partner invitations and accounts") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE partner_invitations (invitation_id \(type.serialKey), organisation_id \(int) NOT NULL,
                code_hash TEXT NOT NULL UNIQUE, issued_by TEXT NOT NULL, issued_at \(int) NOT NULL,
                expires_at \(int) NOT NULL, redeemed_at \(int), account_id \(int), withdrawn_at \(int), withdrawn_by TEXT)
            """,
            """
            CREATE TABLE partner_accounts (account_id \(type.serialKey), organisation_id \(int) NOT NULL,
                username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, password_hash TEXT NOT NULL,
                totp_secret TEXT NOT NULL, totp_last_step \(int), failed_attempts \(int) NOT NULL DEFAULT 0,
                locked_until \(int), public_key TEXT NOT NULL, sealed_private_key TEXT NOT NULL,
                created_at \(int) NOT NULL, last_sign_in_at \(int), disabled_at \(int), disabled_by TEXT)
            """,
            """
            CREATE TABLE partner_sessions (session_hash TEXT PRIMARY KEY, account_id \(int) NOT NULL,
                second_factor \(int) NOT NULL, sealed_report_key TEXT, created_at \(int) NOT NULL,
                last_seen_at \(int) NOT NULL, ended_at \(int))
            """,
            "ALTER TABLE portal_reports ADD COLUMN partner_account_id \(int)",
        ]
    }

    /// Version 20: what a user was typing when their session ended, kept so that signing in again brings them back
    /// to the page with it, instead of losing it.
    static let drafts = Migration(version: 20, name: "drafts kept across an ended session") { engine in
        let int = ColumnTypes(engine: engine).integer
        return [
            """
            CREATE TABLE drafts (user_id \(int) PRIMARY KEY, path TEXT NOT NULL, fields TEXT NOT NULL,
                saved_at \(int) NOT NULL)
            """,
            // Whether a session ended by lapsing (idle or too old) rather than being ended (sign-out, a new password).
            "ALTER TABLE sessions ADD COLUMN lapsed \(int) NOT NULL DEFAULT 0",
        ]
    }

    /// Version 21: reveals an analyst asks for and the head of unit approves, when the unit switches that on.
    static let revealRequests = Migration(version: 21, name: "reveals asked for and approved") { engine in
        let type = ColumnTypes(engine: engine)
        let int = type.integer
        return [
            """
            CREATE TABLE reveal_requests (request_id \(type.serialKey), alert_id \(int) NOT NULL, alert_key TEXT NOT NULL,
                reason TEXT NOT NULL, requested_by TEXT NOT NULL, requested_at \(int) NOT NULL, status TEXT NOT NULL,
                decided_by TEXT, decided_at \(int))
            """,
            "CREATE INDEX reveal_requests_by_status ON reveal_requests (status, request_id)",
        ]
    }
}
