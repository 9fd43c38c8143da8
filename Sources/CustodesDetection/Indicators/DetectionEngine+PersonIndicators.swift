import CustodesModel

/// The per-access indicators: each looks at one unexplained access to a person (self-or-associate looks at every
/// access) and may fire with its weight and a sentence saying what it saw.
extension DetectionEngine {
    func selfOrAssociate(_ event: AuditEvent, person: PersonIndex, result: ExplanationResult, into hits: inout [Hit]) {
        guard compiled.isEnabled(.selfOrAssociate) else { return }
        let staff = Int(event.staff)
        var why: String?
        var intimate = false
        if context.hasDeclaredAssociations[staff],
           let association = context.reference.associationsByStaff[staff].first(where: { $0.person == person }) {
            why = "a declared \(association.relation.rawValue.replacingOccurrences(of: "_", with: "-"))"
            intimate = association.relation.isIntimate
        } else if context.householdPersons[staff].contains(person) {
            why = "someone sharing their surname and home postcode"
        }
        // A partner or ex-partner in full; one's family, friends, neighbours or own record at a share: a conflict of
        // interest still, but one look at a sibling's record is not the pursuit the unit is looking for.
        var share = intimate ? 1 : compiled.otherRelationShare
        guard let why, share > 0 else { return }
        // Several accesses in one sitting are one look. The day only moves forward: a look decided late (it waited
        // for its session to end) from a day already counted, or before it, adds nothing.
        let day = event.at.dayNumber
        if let counted = activities[staff].circleLookDays[person], day <= counted { return }
        activities[staff].circleLookDays[person] = day
        // Where the user's peers look up their own family, friends and neighbours as part of the job (officers who
        // police the villages they live in), a look at one's own is weighed against theirs; a partner never is.
        let peer = intimate ? (factor: 1.0, words: "", standsOnBaseline: false) : weighCircleAgainstPeers(event)
        share *= peer.factor
        guard share > 0 else { return }
        // A relative or neighbour whom many colleagues also read without a link (a local prolific offender, a name
        // in briefings) is one the user's work brings back to them too: the look counts at the shared share, and
        // alone it does not show the user seeking them out. A partner or ex-partner is never discounted.
        let shared = intimate ? (factor: 1.0, words: "") : sharedSubject(person, event)
        counted.roleHitCounts[context.staffRolePosition[staff]] += 1
        var circle = hit(.selfOrAssociate, compiled.weight(.selfOrAssociate) * share * shared.factor, event, person,
                         result, "looked up \(why) (\(pseudonym(of: person))"
                            + (share == 1 ? ")" : ", at \(Self.share(share)): not a declared partner or ex-partner)")
                            + peer.words + shared.words)
        circle.sharedSubject = shared.factor < 1
        circle.standsOnBaseline = peer.standsOnBaseline
        hits.append(circle)
    }

    /// With `teamLink`, the access is explained only by a teammate's case while the user's own part in the person's
    /// case has ended: only the person-specific indicators (a revisit, a repeated look-up) look at it, at the revisit
    /// rule's `team_link_share` of their points. The volume indicators do not: their peers' rates are of access
    /// that nothing explains (the sensitive-fields rule's also of follow-ups, below). With `covering`, the user had no
    /// part in the teammate's case at all: only a repeated look-up counts, from the repeat rule's
    /// `covering_minimum_days`.
    ///
    /// With `followsAttendance`, the access came in the days after the user's attendance at one of the person's
    /// occurrences, past the attendance's own grace (``ExplanationResult/followsAttendance``): the person-specific
    /// indicators look at it in full, and so does the sensitive-fields rule (her contact details or address opened
    /// the days after a call is the warning sign), but not the other volume indicators, and it stays out of the
    /// people the demographic skew counts: those are of access nothing explains. (With the volume indicators too, a
    /// trawl's skew on the first independent force was diluted by a response officer's follow-ups and lost.)
    func personIndicators(_ event: AuditEvent, person: PersonIndex, result: ExplanationResult, teamLink: Bool = false,
                          covering: Bool = false, followsAttendance: Bool = false, into hits: inout [Hit]) {
        let staff = Int(event.staff)
        // Explained accesses (a team link, an attendance's follow-up) are weighed as returns to the person; an
        // attendance's follow-up also for the details it opened.
        let linked = teamLink || followsAttendance
        let linkShare = teamLink ? compiled.teamLinkShare : 1
        let linkWords = followsAttendance
            ? "; past the \(context.afterAttendance / 3600) hours an attendance's write-up is given"
            : !teamLink ? ""
            : covering ? "; only a teammate's case, in which they have no part, explains it, so it counts \(Self.share(linkShare))"
            : "; only a teammate's case explains it, so it counts \(Self.share(linkShare))"
        let minimumDays = covering ? compiled.coveringMinimumDays : compiled.repeatMinimumDays
        let record = context.personFacts[Int(person)]
        // Only an access that fires needs the person's pseudonym (a keyed hash): most unexplained accesses do not.
        lazy var pseudonym = self.pseudonym(of: person)
        let t = event.at.seconds
        let duty = onDuty(result, event)
        // Contact details, an address, a photograph or a custody image: for the sensitive-fields rule and the skew.
        let opensDetails = !event.fields.isDisjoint(with: .sensitive) || event.entityType == .custodyImage
        let role = context.staffRolePosition[staff]

        if !linked, compiled.isEnabled(.vulnerablePerson), !record.markers.isEmpty {
            let markerWeight = compiled.markerWeight(record.markers)
            if markerWeight > 0, let peer = weighAgainstPeers(.vulnerablePerson, event) {
                let names = record.markers.markers.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }
                hits.append(hit(.vulnerablePerson, compiled.weight(.vulnerablePerson) * markerWeight * peer.factor,
                                event, person, result,
                                "looked up \(pseudonym) (\(names.joined(separator: ", "))) with no business link\(peer.words)"))
            }
        }
        // Several accesses in one sitting are one look: a revisit counts once a day per person.
        // The days of unexplained access to this person are kept whether or not the repeat rule is on, and a revisit
        // counts once a day by them. One look-up of the map, changing the list in place (see `recordDay`).
        let evidenceFrom = compiled.isEnabled(.repeatLookups) ? minimumDays : .max
        // Kept under her group's record (``RecordGroups``): a day under her other record is a day with her.
        // Whether they sought where the person lives or how to reach them, or may have: an access that does not say
        // what it opened may have opened their details. A return to someone whose details they never opened keeps
        // a share of its points (`returns_without_details_share`).
        let mayOpenDetails = opensDetails || (event.fields.isEmpty && event.action != .search)
        let (days, sawDetails) = activities[staff].unexplainedDays.update(context.recordGroups.representative(person)) {
            ($0.record(at: t, EvidenceEvent(event, onDuty: duty), window: compiled.repeatWindow,
                       evidenceFrom: evidenceFrom, details: mayOpenDetails),
             $0.openedDetails(at: t, window: compiled.repeatWindow))
        }
        // Only where the user's role is seen opening details at all: a force whose systems log every view as a
        // summary cannot tell a return that sought her address from one that did not. Asked only of a return.
        lazy var detailsShare = sawDetails || compiled.returnsWithoutDetailsShare >= 1 || !detailsLogged(role: role)
            ? 1 : compiled.returnsWithoutDetailsShare
        lazy var detailsWords = detailsShare < 1
            ? "; they had opened none of their contact details, address or photograph in the last "
                + "\(compiled.repeatWindow / 86_400) days, so it counts \(Self.share(detailsShare))"
            : ""
        let firstLookToday = days.count > 0
        // How a return is weighed (a person many colleagues look up, case work, a list), worked out once whether a
        // revisit, a repeated look-up or both fire.
        lazy var shared = sharedSubject(person, event)
        lazy var work = returnWeight(person, event, after: teamLink ? linkShare * shared.factor : shared.factor,
                                     teamLink: teamLink)
        if compiled.isEnabled(.revisitAfterInvolvement), firstLookToday, let ended = result.involvementEnded,
           t - ended.seconds <= compiled.revisitLookback {
            let days = (t - ended.seconds) / 86_400
            let occurrence = result.involvementOccurrence.map { context.reference.occurrences[Int($0)].occurrenceID } ?? ""
            counted.roleHitCounts[role] += 1
            var revisit = hit(.revisitAfterInvolvement,
                              compiled.weight(.revisitAfterInvolvement) * shared.factor * work.factor * linkShare
                                  * detailsShare, event,
                              person, result, "looked up \(pseudonym) \(days) day\(days == 1 ? "" : "s") after their "
                              + "involvement in \(occurrence) ended\(linkWords)\(shared.words)\(work.words)\(detailsWords)")
            revisit.sharedSubject = shared.factor < 1
            revisit.caseWork = work.factor < 1
            hits.append(revisit)
        }
        if !teamLink, compiled.isEnabled(.sensitiveFields), opensDetails,
           let peer = weighAgainstPeers(.sensitiveFields, event) {
            let what = event.entityType == .custodyImage ? ["custody image"]
                : event.fields.intersection(.sensitive).fields.map(\.rawValue)
            hits.append(hit(.sensitiveFields, compiled.weight(.sensitiveFields) * peer.factor, event, person, result,
                            "opened the \(what.joined(separator: " and ")) of \(pseudonym)"
                            + (followsAttendance ? linkWords : " with no business link") + peer.words))
        }
        if !linked, compiled.isEnabled(.offDuty), !duty, let peer = weighAgainstPeers(.offDuty, event) {
            hits.append(hit(.offDuty, compiled.weight(.offDuty) * peer.factor, event, person, result,
                            "looked up \(pseudonym) off duty, from \(event.workstation)\(peer.words)"))
        }
        if let evidence = days.evidence {
            // A return in full (no link, no case work, not a name many colleagues read) sets how far returns are the
            // role's work (``RoutineReturns``); where they are, only the days beyond count.
            if routineReturns.isEnabled, !teamLink, !followsAttendance, shared.factor >= 1, work.factor >= 1 {
                routineReturns.note(staff: staff, days: days.count)
            }
            let routine = routineReturns.counted(days: days.count, role: role, group: peerGroup(of: staff),
                                                 minimumDays: compiled.repeatMinimumDays,
                                                 plural: context.reference.staff[staff].role.plural)
            // A return the routine leaves without a hit is a return all the same: it counts in their spread.
            if routine.days < minimumDays, days.count >= minimumDays, compiled.weighing.spreadPeople > 0,
               compiled.weighing.otherPeopleShare < 1, !isExcepted(.repeatLookups, event, person) {
                activities[staff].risk.noteRoutineReturn(person, at: t, caseWork: work.factor < 1,
                                                         window: compiled.indicatorWindow)
            }
            // Returns made off duty on enough days keep their points however widely the user's returns are spread.
            let offDuty = compiled.repeatOffDutyDays > 0 && days.offDuty >= compiled.repeatOffDutyDays
            if routine.days >= minimumDays {
                // Each further day adds to the pattern: the weight grows with the days beyond the minimum, to four
                // times the weight, so a slow burn over months builds risk that its gaps would otherwise let fade.
                counted.roleHitCounts[role] += 1
                let steps = Double(min(routine.days - minimumDays + 1, 4))
                var repeated = hit(.repeatLookups,
                                   compiled.weight(.repeatLookups) * steps * shared.factor * work.factor * linkShare
                                       * detailsShare,
                                   event, person, result, "looked up \(pseudonym) on \(days.count) different days"
                                   + (context.recordGroups.isHeldTwice(person) ? " under any of their records" : "")
                                   + (followsAttendance ? "" : " with no business link of their own")
                                   + "\(linkWords)\(shared.words)\(work.words)\(routine.words)\(detailsWords)"
                                   + (offDuty ? "; \(days.offDuty) of those days off duty" : ""))
                repeated.evidence = evidence
                repeated.offDutyReturn = offDuty
                repeated.sharedSubject = shared.factor < 1
                repeated.caseWork = work.factor < 1
                hits.append(repeated)
            }
        }
        if !linked, compiled.isEnabled(.linkedExpansion) {
            for link in context.reference.links(of: person) {
                let other = link.person == person ? link.linkedPerson : link.person
                // Her other record is her, not someone she is linked to.
                guard !context.recordGroups.same(other, person), let last = pairLastAccess[Self.pair(event.staff, other)],
                      t - last <= compiled.linkedWindow else { continue }
                if let peer = weighAgainstPeers(.linkedExpansion, event) {
                    let otherName = self.pseudonym(of: other)
                    let shared = sharedSubject(person, event)
                    var linked = hit(.linkedExpansion, compiled.weight(.linkedExpansion) * peer.factor * shared.factor,
                                     event, person, result, "looked up \(pseudonym), the "
                                     + "\(link.relation.rawValue.replacingOccurrences(of: "_", with: "-")) of \(otherName) "
                                     + "whom they had looked up, with no business link\(peer.words)\(shared.words)")
                    linked.sharedSubject = shared.factor < 1
                    hits.append(linked)
                }
                break
            }
        }
        if !linked, compiled.isEnabled(.newPairWithMarker), !record.markers.isEmpty {
            if pairLastAccess[Self.pair(event.staff, person)] == nil, let peer = weighAgainstPeers(.newPairWithMarker, event) {
                hits.append(hit(.newPairWithMarker, compiled.weight(.newPairWithMarker) * peer.factor, event, person,
                                result, "opened \(pseudonym)'s record for the first time, with no business link\(peer.words)"))
            }
        }
        if !linked {
            activities[staff].unexplained.append(at: t, person: person, sex: record.sex, inGroup: inGroup(person, at: t),
                                                 details: opensDetails ? .opened
                                                     : event.fields.isEmpty && event.action != .search ? .unknown
                                                     : .notOpened,
                                                 event: EvidenceEvent(event, onDuty: duty))
        } else if followsAttendance, opensDetails, tracksVolumeFocus {
            // Her details opened the days after a call score as volume above peers (above), so they are among the
            // details whom that volume is weighed against (``VolumeFocus``), though not among the skew's people.
            activities[staff].unexplained.appendFollowUp(at: t, person: person, sex: record.sex)
        }
    }

    /// How much of its points a look at the user's own circle (not a partner) keeps against their peers': all of
    /// them where the peers' rate of such looks is under `self_or_associate.peer_rate_floor` (a look at one's family
    /// stands out among peers who almost never make one, from the first), else the excess over the peers' rate as
    /// for volume, at most the whole, per person of the user's circle (declared and household) against the mean of
    /// their role's: a village officer who declared six neighbours meets them more often than one who declared one.
    /// Counted in the peers' baseline either way. Before the first week's close the
    /// peers' rate is not known: the look keeps its points, but they stand on a baseline still to come.
    func weighCircleAgainstPeers(_ event: AuditEvent) -> (factor: Double, words: String, standsOnBaseline: Bool) {
        guard peers.isEnabled, compiled.circlePeerRateFloor > 0 else { return (1, "", false) }
        let staff = Int(event.staff)
        let role = context.staffRolePosition[staff]
        var (factor, ratio, measured, peerRate) = peers.weigh(.selfOrAssociate, staff: staff, role: role)
        guard peerRate >= compiled.circlePeerRateFloor else { return (1, "", weeksClosed == 0) }
        // A larger circle is looked up more often by the same habit: the ratio is of looks per person in it, the
        // user's circle against the role's mean (a significant count stays the gate).
        let size = context.circleSize[staff], meanSize = context.roleMeanCircleSize[role]
        var sizeWords = ""
        if factor > 0, size > 0, meanSize > 0 {
            ratio *= meanSize / Double(size)
            factor = PeerBaseline.factor(ratio: ratio, maximumFactor: peers.maximumFactor, minimumRatio: peers.minimumRatio)
            sizeWords = ", for the \(size) people of their circle against \(Self.format(meanSize)) on average,"
        }
        guard factor > 0 else {
            counted.atPeerRateCounts[CompiledRules.position(.selfOrAssociate)] += 1
            return (0, "", true)
        }
        let plural = context.reference.staff[staff].role.plural
        let whose = measured == .team ? "the rest of their team" : measured == .crew ? "other \(plural) they work with"
            : "other \(plural)"
        return (min(factor, 1), "; \(whose) look up their own circle on \(Self.format(peerRate * 10_000)) of every "
                + "10,000 accesses, and they did so\(sizeWords) \(Self.format(ratio)) times as often", true)
    }

    /// Whether the role's members are seen opening contact details, addresses or photographs with no link (at least
    /// one access in a thousand, by the peers' baseline), so that a return that opened none says something. Without
    /// peer baselines the fields are taken as logged.
    func detailsLogged(role: Int) -> Bool {
        !peers.isEnabled || peers.detailsRate(role: role) >= Self.detailsLoggedRate
    }

    /// One access in a thousand: on every tuning force each role that reads people opens details far more often.
    static let detailsLoggedRate = 0.001

    /// A share of points in words: "half", "a quarter", or a percentage.
    static func share(_ value: Double) -> String {
        switch value {
        case 1: "in full"
        case 0.5: "half"
        case 0.25: "a quarter"
        default: "\(Int((value * 100).rounded()))%"
        }
    }

    /// Counts a hit of a peer-relative indicator in the user's and the role's baselines, and returns the factor for
    /// its points and the words its sentence ends with, or nil when the user stands at their peers' rate (counted in
    /// the summary, not scored). Weighed before the hit is built: on a force where half of access is unexplained
    /// most such hits are at the peers' rate, and their sentences and evidence were most of detection's allocations.
    func weighAgainstPeers(_ indicator: IndicatorName, _ event: AuditEvent) -> (factor: Double, words: String)? {
        let staff = Int(event.staff)
        let role = context.staffRolePosition[staff]
        counted.roleHitCounts[role] += 1
        guard peers.isEnabled else { return (1, "") }
        let kind: PeerBaseline.SensitiveKind = event.fields.contains(.contact) ? .contact
            : event.fields.contains(.photo) || event.entityType == .custodyImage ? .image : .address
        let (factor, ratio, measured, _) = peers.weigh(indicator, staff: staff, role: role, sensitive: kind)
        guard factor > 0 else {
            counted.atPeerRateCounts[CompiledRules.position(indicator)] += 1
            return nil
        }
        // The team is not named: with the role it would narrow a pseudonymised officer to one or two people.
        let plural = context.reference.staff[staff].role.plural
        return (factor, "; \(Self.format(ratio)) times the rate of "
                + (measured == .team ? "the rest of their team (above the rate of other \(plural))"
                   : measured == .crew ? "other \(plural) they work with (above the rate of other \(plural) in all)"
                   : "other \(plural)"))
    }

    /// The factor for a person-specific hit's points and the words its sentence ends with: a person many colleagues
    /// also looked up without a link in the community's days is a shared subject (a circulated name, an investigation
    /// without a link on record), and one more look at them says less about this user.
    func sharedSubject(_ person: PersonIndex, _ event: AuditEvent) -> (factor: Double, words: String) {
        let day = event.at.dayNumber
        guard let others = community.widelyLookedUp(person, besides: event.staff, on: day) else { return (1, "") }
        // Fewer than the force's count, the station's size is why: the analyst should see it, and that the
        // colleagues may work anywhere.
        let station = others < community.colleagues
            ? community.stationSize(of: event.staff).map { ", many beside the \($0) staff of their own station" } ?? ""
            : ""
        return (PersonCommunity.sharedFactor, "; \(others) colleagues also looked them up with no link in the "
                + "\(community.days) days before\(station), so it counts \(Self.share(PersonCommunity.sharedFactor))")
    }

    /// A person's pseudonym, computed once per run.
    func pseudonym(of person: PersonIndex) -> String {
        if let known = personPseudonyms[person] { return known }
        let pseudonym = pseudonymiser.person(context.reference.persons[Int(person)].personID)
        personPseudonyms[person] = pseudonym
        return pseudonym
    }

    /// Whether a rule exception would suppress a hit of `indicator` on this access: a return one covers is not
    /// counted in the spread either, whether or not the routine left it a hit.
    func isExcepted(_ indicator: IndicatorName, _ event: AuditEvent, _ person: PersonIndex) -> Bool {
        guard !compiled.exceptions.isEmpty else { return false }
        let probe = Hit(indicator: indicator, points: 0, at: event.at, staff: event.staff, person: person, evidence: [],
                        detail: "")
        return compiled.exceptions.contains { $0.covers(probe, event: event) }
    }

    func hit(_ indicator: IndicatorName, _ points: Double, _ event: AuditEvent, _ person: PersonIndex,
             _ result: ExplanationResult, _ detail: String) -> Hit {
        Hit(indicator: indicator, points: points, at: event.at, staff: event.staff, person: person,
            evidence: [EvidenceEvent(event, onDuty: onDuty(result, event))], detail: detail)
    }
}
