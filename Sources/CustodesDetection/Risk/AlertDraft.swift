import CustodesModel

/// An alert while it is open: hits join it as they come, and it is turned into an ``Alert`` at the end.
struct AlertDraft {
    let number: Int
    let staff: StaffIndex
    let staffID: String
    let openedAt: Timestamp
    let openingEventID: String
    let scoreAtOpen: Double
    var score: Double
    var lastEvidenceAt: Timestamp
    var contributions: [IndicatorName: (hits: Int, points: Double, examples: [String])] = [:]
    /// Whether a return made off duty on many days (``Hit/offDutyReturn``) is among the examples.
    private(set) var keptOffDutyReturn = false
    var evidenceOrder: [String] = []
    var evidence: [String: (event: EvidenceEvent, indicators: Set<IndicatorName>)] = [:]
    var evidenceCount = 0
    var peopleAccesses: [PersonIndex: Int] = [:]
    /// The highest risk reached on each day (days since 1970) while the alert was open, for the risk-over-time chart.
    var riskByDay: [Int64: Double] = [:]
    /// Why volume alone was let open the alert (``VolumeFocus``), as the sentence the alert gives.
    var volumeReason: String?
    /// Why the returns counted less, when they were spread over many people (``RiskLedger/spreadFactor(people:spreadPeople:)``).
    var spreadReason: String?
    /// Why it needed the strong threshold: it opened while the force's baselines were learned (``RiskSettings/learningWeeks``).
    var learningReason: String?
    /// What each person was sought out for in this alert: the points of the hits about them in particular, and the
    /// latest sentence of each such indicator with its number of hits. The summary leads with the person the score
    /// is most about, not with whoever happened to come first (often a suspect or a relative read once).
    private var sought: [PersonIndex: SoughtPerson] = [:]

    struct SoughtPerson {
        var points = 0.0
        var latest: [IndicatorName: (detail: String, hits: Int)] = [:]
    }

    /// The indicators whose hits are about one person sought out, rather than about volume.
    static let personSpecific: Set<IndicatorName> = [.revisitAfterInvolvement, .repeatLookups, .selfOrAssociate,
                                                     .linkedExpansion]

    init(number: Int, staff: StaffIndex, staffID: String, openedAt: Timestamp, openingEventID: String,
         scoreAtOpen: Double) {
        self.number = number
        self.staff = staff
        self.staffID = staffID
        self.openedAt = openedAt
        self.openingEventID = openingEventID
        self.scoreAtOpen = scoreAtOpen
        score = scoreAtOpen
        lastEvidenceAt = openedAt
        riskByDay[openedAt.seconds / 86_400] = scoreAtOpen
    }

    mutating func add(_ hit: Hit, score newScore: Double, maximumEvidence: Int) {
        score = max(score, newScore)
        if hit.at > lastEvidenceAt { lastEvidenceAt = hit.at }
        riskByDay[hit.at.seconds / 86_400] = max(riskByDay[hit.at.seconds / 86_400] ?? 0, newScore)
        var entry = contributions[hit.indicator] ?? (0, 0, [])
        entry.hits += 1
        entry.points += hit.points
        // A return made off duty on many days is what the alert is about when it comes: it is the example the
        // summary reads (the last kept), however many returns came before it.
        if hit.offDutyReturn, !keptOffDutyReturn {
            if entry.examples.count == 3 { entry.examples.removeLast() }
            entry.examples.append(hit.detail)
            keptOffDutyReturn = true
        } else if entry.examples.count < 3 {
            // Later returns go before the one made off duty, which stays last.
            let offDutyLast = keptOffDutyReturn && hit.indicator == .repeatLookups
            entry.examples.insert(hit.detail, at: offDutyLast ? entry.examples.count - 1 : entry.examples.count)
        }
        contributions[hit.indicator] = entry
        if let person = hit.person, Self.personSpecific.contains(hit.indicator) {
            var about = sought[person] ?? SoughtPerson()
            about.points += hit.points
            about.latest[hit.indicator] = (hit.detail, (about.latest[hit.indicator]?.hits ?? 0) + 1)
            sought[person] = about
        }
        for item in hit.evidence {
            if evidence[item.eventID] != nil {
                evidence[item.eventID]!.indicators.insert(hit.indicator)
                continue
            }
            evidenceCount += 1
            if let person = item.person { peopleAccesses[person, default: 0] += 1 }
            guard evidence.count < maximumEvidence else { continue }
            evidence[item.eventID] = (item, [hit.indicator])
            evidenceOrder.append(item.eventID)
        }
    }

    func build(context: DetectionContext, explainer: Explainer, pseudonymiser: Pseudonymiser) -> Alert {
        let reference = context.reference
        let ordered = evidenceOrder.compactMap { evidence[$0] }.sorted {
            $0.event.at != $1.event.at ? $0.event.at < $1.event.at : $0.event.eventID < $1.event.eventID
        }
        let entries = ordered.enumerated().map { index, item in
            var tried: [String] = []
            // Tracing is the costly part; the first 25 evidence events carry it, which is what a timeline shows first.
            if index < Alert.tracedEvidence, let event = Self.auditEvent(item.event, staff: staff, reference: reference) {
                tried = explainer.trace(event)
            }
            return Alert.EvidenceEntry(event: item.event, indicators: item.indicators.sorted(),
                                       person: item.event.person.map { pseudonymiser.person(reference.persons[Int($0)].personID) },
                                       explanationsTried: tried)
        }
        let people = peopleAccesses.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map {
            Alert.PersonSummary(pseudonym: pseudonymiser.person(reference.persons[Int($0.key)].personID),
                                markers: reference.persons[Int($0.key)].markers.markers, accesses: $0.value)
        }
        let contributionList = contributions.keys.sorted().map { name in
            let entry = contributions[name]!
            return Alert.Contribution(indicator: name, hits: entry.hits, points: (entry.points * 10).rounded() / 10,
                                      weight: context.rules.rule(name)?.weight ?? 0, examples: entry.examples)
        }
        var alert = Alert(alertID: Alert.identifier(number), staffID: staffID, staff: staff, openedAt: openedAt,
                          openingEventID: openingEventID, scoreAtOpen: (scoreAtOpen * 10).rounded() / 10,
                          score: (score * 10).rounded() / 10, lastEvidenceAt: lastEvidenceAt,
                          contributions: contributionList, evidence: entries, evidenceCount: evidenceCount,
                          riskByDay: riskByDay.sorted { $0.key < $1.key }.map {
                              Alert.RiskPoint(day: Timestamp(seconds: $0.key * 86_400), score: ($0.value * 10).rounded() / 10)
                          },
                          people: people, why: "")
        alert.why = WhyThisFired.compose(alert, rules: context.rules, lead: lead, volumeReason: volumeReason,
                                         spreadReason: spreadReason, learningReason: learningReason)
        return alert
    }

    /// The person the score is most about (the most points of hits about them in particular; the earlier record on a
    /// tie) and what the summary says of them: their latest revisit with its count, and their latest repeated
    /// look-up unless a return made off duty on many days is the example it reads.
    var lead: WhyThisFired.Lead? {
        guard let top = sought.max(by: { $0.value.points != $1.value.points ? $0.value.points < $1.value.points
                                                                             : $0.key > $1.key }) else { return nil }
        let revisit = top.value.latest[.revisitAfterInvolvement]
        return WhyThisFired.Lead(revisit: revisit,
                                 repeated: keptOffDutyReturn ? nil : top.value.latest[.repeatLookups]?.detail)
    }

    /// Rebuilds the audit event of an evidence item, enough for tracing its explanation.
    static func auditEvent(_ item: EvidenceEvent, staff: StaffIndex, reference: ReferenceData) -> AuditEvent? {
        var entity = AuditEvent.unresolved
        if let person = item.person { entity = person }
        return AuditEvent(eventID: item.eventID, at: item.at, staff: staff, system: item.system, action: item.action,
                          entityType: item.entityType, entityID: "", entity: entity, fields: item.fields,
                          workstation: item.workstation, reason: "")
    }
}

extension Alert {
    /// `A-000042`.
    static func identifier(_ number: Int) -> String {
        let digits = String(number)
        return "A-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
