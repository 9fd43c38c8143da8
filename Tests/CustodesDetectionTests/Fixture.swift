import CustodesDetection
import CustodesModel

/// A small force built in code, so that each test states exactly the links an access has or lacks.
///
/// Monday 6 January 2025. North station: S1 and S2 in Response A (S2 is officer in case for O1), S3 a call handler,
/// S4 a custody officer, S5 police staff, S7 a second call handler with no assignment. South station: S6, a
/// detective. O1 is a domestic abuse occurrence at North (08:00 on the 6th to noon on the 20th) with victim P1
/// (marked as a domestic abuse victim) and suspect P2; O2 is P2's custody episode at North (10:00 to 20:00 on the
/// 6th). P3 is P1's mother. P4 shares S1's surname and home postcode; P5 is S6's declared ex-partner.
enum Fixture {
    static let day = Timestamp(year: 2025, month: 1, day: 6)

    static func at(_ dayOffset: Int, _ hour: Int, _ minute: Int = 0) -> Timestamp {
        day.adding(seconds: Int64(dayOffset) * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60)
    }

    static func reference(extra: (inout ReferenceData) -> Void = { _ in }) -> ReferenceData {
        var data = ReferenceData()
        let start = Timestamp(year: 2015, month: 1, day: 1)
        data.add(Staff(staffID: "S1", collarNumber: "1", displayName: "Alex Testwood", role: .responseOfficer,
                       team: "Response A", station: "North", startDate: start, homePostcode: "CX1 1AA"))
        data.add(Staff(staffID: "S2", collarNumber: "2", displayName: "Bea Other", role: .responseOfficer,
                       team: "Response A", station: "North", startDate: start))
        data.add(Staff(staffID: "S3", collarNumber: "3", displayName: "Cal Handler", role: .callHandler,
                       team: "Control A", station: "North", startDate: start))
        data.add(Staff(staffID: "S4", collarNumber: "4", displayName: "Dee Custody", role: .custodyOfficer,
                       team: "Custody A", station: "North", startDate: start))
        data.add(Staff(staffID: "S5", collarNumber: "5", displayName: "Eve Desk", role: .policeStaff,
                       team: "Case Administration", station: "North", startDate: start))
        data.add(Staff(staffID: "S6", collarNumber: "6", displayName: "Finn Detective", role: .detective,
                       team: "CID", station: "South", startDate: start))
        data.add(Staff(staffID: "S7", collarNumber: "7", displayName: "Gus Handler", role: .callHandler,
                       team: "Control B", station: "North", startDate: start))
        data.add(Person(personID: "P1", familyName: "Victim", givenName: "Vera", sex: .female, birthYear: 1995,
                        postcode: "CX2 2BB", markers: MarkerSet(.domesticAbuseVictim)))
        data.add(Person(personID: "P2", familyName: "Suspect", givenName: "Sid", sex: .male, birthYear: 1990))
        data.add(Person(personID: "P3", familyName: "Victim", givenName: "Mona", sex: .female, birthYear: 1960,
                        postcode: "CX3 3CC"))
        data.add(Person(personID: "P4", familyName: "Testwood", givenName: "Alex", sex: .male, birthYear: 1985,
                        postcode: "CX1 1AA"))
        data.add(Person(personID: "P5", familyName: "Former", givenName: "Fay", sex: .female, birthYear: 1988))
        data.add(Occurrence(occurrenceID: "O1", category: .domesticAbuse, openedAt: at(0, 8), closedAt: at(14, 12),
                            station: "North"))
        data.add(Occurrence(occurrenceID: "O2", category: .custody, openedAt: at(0, 10), closedAt: at(0, 20),
                            station: "North"))
        data.occurrencePersons = [
            OccurrencePerson(occurrence: 0, person: 0, role: .victim),
            OccurrencePerson(occurrence: 0, person: 1, role: .suspect),
            OccurrencePerson(occurrence: 1, person: 1, role: .suspect),
        ]
        data.personLinks = [PersonLink(person: 0, linkedPerson: 2, relation: .parent),
                            PersonLink(person: 0, linkedPerson: 1, relation: .exPartner)]
        data.assignments = [
            Assignment(occurrence: 0, staff: 1, role: .officerInCase, start: at(0, 9), end: at(14, 12)),
            Assignment(occurrence: 0, staff: 2, role: .callHandler, start: at(0, 8), end: at(0, 8, 20)),
            Assignment(occurrence: 0, staff: 0, role: .attending, start: at(0, 8, 5), end: at(0, 11)),
        ]
        data.declaredAssociations = [DeclaredAssociation(staff: 5, person: 4, relation: .exPartner,
                                                         declaredOn: Timestamp(year: 2020, month: 1, day: 1))]
        // Day shifts 07:00-17:00 on the 6th and 7th for everyone but S6 (office hours, weekdays).
        for staff in 0..<7 where staff != 5 {
            for offset in 0..<2 {
                data.rosters.append(RosterShift(staff: StaffIndex(staff), start: at(offset, 7), end: at(offset, 17),
                                                kind: .duty))
            }
        }
        for offset in 0..<5 {
            data.rosters.append(RosterShift(staff: 5, start: at(offset, 8), end: at(offset, 16), kind: .duty))
        }
        extra(&data)
        data.buildIndexes()
        return data
    }

    /// The standard rules with every hit scored in full: these hand-made forces of a few staff have no peers to
    /// learn a baseline from, and the tests here are about each indicator and the points, thresholds and alerts
    /// that follow. Peer baselines have tests of their own (`PeerBaselineTests`). No learning weeks either: the
    /// tests' events begin on the data's first day, and learning has tests of its own (`RiskAndAlertTests`). A
    /// return to someone whose details the user never opened counts in full too (the fixture's looks open summaries):
    /// `ReturnsWithoutDetailsTests` weigh those.
    static let fullPoints: RuleSet = {
        var rules = RuleSet.standard
        rules.risk.peerPriorAccesses = 0
        rules.risk.learningWeeks = 0
        rules.risk.returnsWithoutDetailsShare = 1
        return rules
    }()

    static func context(_ rules: RuleSet = fullPoints, extra: (inout ReferenceData) -> Void = { _ in }) -> DetectionContext {
        DetectionContext(reference: reference(extra: extra), rules: rules)
    }


    /// An access by staff index to a person index (or an occurrence with `occurrence`).
    static func event(_ id: String, _ time: Timestamp, staff: StaffIndex, person: PersonIndex? = nil,
                      occurrence: OccurrenceIndex? = nil, type: EntityType? = nil, fields: FieldSet = [.summary],
                      workstation: String = "WS-NOR-1", reason: String = "") -> AuditEvent {
        let entityType = type ?? (occurrence != nil ? .occurrence : person != nil ? .person : .vehicle)
        let entity = person ?? occurrence ?? AuditEvent.unresolved
        return AuditEvent(eventID: id, at: time, staff: staff, system: .rms, action: .view, entityType: entityType,
                          entityID: "X", entity: entity, fields: fields, workstation: workstation, reason: reason)
    }

    static let key: [UInt8] = Array("a test key of enough length".utf8)

    static func engine(_ rules: RuleSet = fullPoints, extra: (inout ReferenceData) -> Void = { _ in }) -> DetectionEngine {
        DetectionEngine(context: context(rules, extra: extra), pseudonymiser: Pseudonymiser(key: key))
    }

    /// Runs events through a fresh engine and returns every hit (with whether it was suppressed) and the alerts.
    static func run(_ events: [AuditEvent], rules: RuleSet = fullPoints,
                    extra: (inout ReferenceData) -> Void = { _ in }) -> (hits: [Hit], suppressed: [Hit], alerts: [Alert], summary: DetectionSummary) {
        let engine = engine(rules, extra: extra)
        var hits: [Hit] = []
        var suppressed: [Hit] = []
        engine.onHit = { hit, wasSuppressed in
            if wasSuppressed { suppressed.append(hit) } else { hits.append(hit) }
        }
        for event in events.sorted(by: AuditEvent.timeOrder) { engine.process(event) }
        let alerts = engine.finish()
        return (hits, suppressed, alerts, engine.summary)
    }
}

/// Numbers from a fixed seed (a 64-bit linear congruential generator), so that a randomised test that fails fails
/// again the same way. Each test target that needs it has this copy: targets share no test code.
struct SeededNumbers {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next number below `bound`.
    mutating func next(_ bound: UInt64) -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (state >> 33) % bound
    }
}
