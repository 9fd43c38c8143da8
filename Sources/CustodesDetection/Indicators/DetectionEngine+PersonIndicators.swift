import CustodesModel

/// The per-access indicators: each looks at one unexplained access to a person (self-or-associate looks at every
/// access) and may fire with its weight and a sentence saying what it saw.
extension DetectionEngine {
    func selfOrAssociate(_ event: AuditEvent, person: PersonIndex, result: ExplanationResult, into hits: inout [Hit]) {
        guard compiled.isEnabled(.selfOrAssociate) else { return }
        let staff = Int(event.staff)
        var why: String?
        if context.hasDeclaredAssociations[staff],
           let association = context.reference.associationsByStaff[staff].first(where: { $0.person == person }) {
            why = "a declared \(association.relation.rawValue.replacingOccurrences(of: "_", with: "-"))"
        } else if context.householdPersons[staff].contains(person) {
            why = "someone sharing their surname and home postcode"
        }
        guard let why else { return }
        summary.roleHitCounts[context.staffRolePosition[staff]] += 1
        hits.append(hit(.selfOrAssociate, compiled.weight(.selfOrAssociate), event, person, result,
                        "looked up \(why) (\(pseudonym(of: person)))"))
    }

    func personIndicators(_ event: AuditEvent, person: PersonIndex, result: ExplanationResult, into hits: inout [Hit]) {
        let staff = Int(event.staff)
        let record = context.reference.persons[Int(person)]
        // Only an access that fires needs the person's pseudonym (a keyed hash): most unexplained accesses do not.
        lazy var pseudonym = self.pseudonym(of: person)
        let t = event.at.seconds
        let duty = onDuty(result, event)
        let role = context.staffRolePosition[staff]

        if compiled.isEnabled(.vulnerablePerson), !record.markers.isEmpty {
            let markerWeight = compiled.markerWeight(record.markers)
            if markerWeight > 0, let peer = weighAgainstPeers(.vulnerablePerson, event) {
                let names = record.markers.markers.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }
                hits.append(hit(.vulnerablePerson, compiled.weight(.vulnerablePerson) * markerWeight * peer.factor,
                                event, person, result,
                                "looked up \(pseudonym) (\(names.joined(separator: ", "))) with no business link\(peer.words)"))
            }
        }
        // Several accesses in one sitting are one look: a revisit counts once a day per person.
        let firstLookToday = activities[staff].unexplainedDays[person]?.last.map { $0.at.seconds / 86_400 != t / 86_400 }
            ?? true
        if compiled.isEnabled(.revisitAfterInvolvement), firstLookToday, let ended = result.involvementEnded,
           t - ended.seconds <= compiled.revisitLookback {
            let days = (t - ended.seconds) / 86_400
            let occurrence = result.involvementOccurrence.map { context.reference.occurrences[Int($0)].occurrenceID } ?? ""
            summary.roleHitCounts[role] += 1
            hits.append(hit(.revisitAfterInvolvement, compiled.weight(.revisitAfterInvolvement), event, person, result,
                            "looked up \(pseudonym) \(days) day\(days == 1 ? "" : "s") after their involvement in \(occurrence) ended"))
        }
        if compiled.isEnabled(.sensitiveFields),
           !event.fields.isDisjoint(with: .sensitive) || event.entityType == .custodyImage,
           let peer = weighAgainstPeers(.sensitiveFields, event) {
            let what = event.entityType == .custodyImage ? ["custody image"]
                : event.fields.intersection(.sensitive).fields.map(\.rawValue)
            hits.append(hit(.sensitiveFields, compiled.weight(.sensitiveFields) * peer.factor, event, person, result,
                            "opened the \(what.joined(separator: " and ")) of \(pseudonym) with no business link\(peer.words)"))
        }
        if compiled.isEnabled(.offDuty), !duty, let peer = weighAgainstPeers(.offDuty, event) {
            hits.append(hit(.offDuty, compiled.weight(.offDuty) * peer.factor, event, person, result,
                            "looked up \(pseudonym) off duty, from \(event.workstation)\(peer.words)"))
        }
        // The days of unexplained access to this person are kept whether or not the repeat rule is on: a revisit
        // counts once a day by them. The list is changed in place, not copied out and back (a copy per access).
        if firstLookToday {
            let window = compiled.repeatWindow
            activities[staff].unexplainedDays[person, default: []].append(EvidenceEvent(event, onDuty: duty))
            activities[staff].unexplainedDays[person]!.removeAll { t - $0.at.seconds > window }
            if compiled.isEnabled(.repeatLookups), let days = activities[staff].unexplainedDays[person],
               days.count >= compiled.repeatMinimumDays {
                // Each further day adds to the pattern: the weight grows with the days beyond the minimum, to four
                // times the weight, so a slow burn over months builds risk that its gaps would otherwise let fade.
                summary.roleHitCounts[role] += 1
                let steps = Double(min(days.count - compiled.repeatMinimumDays + 1, 4))
                var repeated = hit(.repeatLookups, compiled.weight(.repeatLookups) * steps, event, person, result,
                                   "looked up \(pseudonym) on \(days.count) different days with no business link")
                repeated.evidence = Array(days.suffix(10))
                hits.append(repeated)
            }
        }
        if compiled.isEnabled(.linkedExpansion) {
            for link in context.reference.linksByPerson[Int(person)] {
                let other = link.person == person ? link.linkedPerson : link.person
                guard other != person, let last = pairLastAccess[Self.pair(event.staff, other)],
                      t - last <= compiled.linkedWindow else { continue }
                if let peer = weighAgainstPeers(.linkedExpansion, event) {
                    let otherName = self.pseudonym(of: other)
                    hits.append(hit(.linkedExpansion, compiled.weight(.linkedExpansion) * peer.factor, event, person,
                                    result, "looked up \(pseudonym), the \(link.relation.rawValue.replacingOccurrences(of: "_", with: "-")) "
                                    + "of \(otherName) whom they had looked up, with no business link\(peer.words)"))
                }
                break
            }
        }
        if compiled.isEnabled(.newPairWithMarker), !record.markers.isEmpty {
            if pairLastAccess[Self.pair(event.staff, person)] == nil, let peer = weighAgainstPeers(.newPairWithMarker, event) {
                hits.append(hit(.newPairWithMarker, compiled.weight(.newPairWithMarker) * peer.factor, event, person,
                                result, "opened \(pseudonym)'s record for the first time, with no business link\(peer.words)"))
            }
        }
        activities[staff].unexplained.append((t, person, EvidenceEvent(event, onDuty: duty), inGroup(person, at: t)))
    }

    /// Counts a hit of a peer-relative indicator in the user's and the role's baselines, and returns the factor for
    /// its points and the words its sentence ends with, or nil when the user stands at their peers' rate (counted in
    /// the summary, not scored). Weighed before the hit is built: on a force where half of access is unexplained
    /// most such hits are at the peers' rate, and their sentences and evidence were most of detection's allocations.
    func weighAgainstPeers(_ indicator: IndicatorName, _ event: AuditEvent) -> (factor: Double, words: String)? {
        let staff = Int(event.staff)
        let role = context.staffRolePosition[staff]
        summary.roleHitCounts[role] += 1
        guard peers.isEnabled else { return (1, "") }
        let kind: PeerBaseline.SensitiveKind = event.fields.contains(.contact) ? .contact
            : event.fields.contains(.photo) || event.entityType == .custodyImage ? .image : .address
        let (factor, ratio) = peers.weigh(indicator, staff: staff, role: role, sensitive: kind)
        guard factor > 0 else {
            summary.atPeerRateCounts[CompiledRules.position(indicator)] += 1
            return nil
        }
        return (factor, "; \(Self.format(ratio)) times the rate of other \(context.reference.staff[staff].role.plural)")
    }

    /// A person's pseudonym, computed once per run.
    func pseudonym(of person: PersonIndex) -> String {
        if let known = personPseudonyms[person] { return known }
        let pseudonym = pseudonymiser.person(context.reference.persons[Int(person)].personID)
        personPseudonyms[person] = pseudonym
        return pseudonym
    }

    func hit(_ indicator: IndicatorName, _ points: Double, _ event: AuditEvent, _ person: PersonIndex,
             _ result: ExplanationResult, _ detail: String) -> Hit {
        Hit(indicator: indicator, points: points, at: event.at, staff: event.staff, person: person,
            evidence: [EvidenceEvent(event, onDuty: onDuty(result, event))], detail: detail)
    }
}
