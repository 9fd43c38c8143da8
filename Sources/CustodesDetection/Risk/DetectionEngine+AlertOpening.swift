import CustodesModel

/// Whether a member of staff's risk opens an alert: the thresholds, the evidence an alert needs beside volume, and the
/// learning weeks, in which evidence short of the strong threshold waits (``RiskSettings/learningWeeks``).
extension DetectionEngine {
    /// Opens an alert for `staff` at `at` if their risk (`score` then) is enough, `hit` the latest of it: called as a
    /// hit arrives with no alert open, and as the learning weeks end for those whose risk was held back in them.
    func considerOpening(staff: Int, hit: Hit, at: Timestamp, score: Double) {
        let risk = context.rules.risk
        let distinct = activities[staff].risk.distinctIndicators
        // With peer baselines, volume alone (however far above peers) opens an alert only at the strong threshold:
        // at the ordinary threshold enough evidence scored in full must be among the recent hits too. One person
        // returned to on different days, or a look at the user's own circle, is enough without a second indicator.
        let ledger = activities[staff].risk
        guard score >= risk.alertThreshold, !ledger.isCorroborationOnly else { return }
        // Returns spread over many people count less, in risk and in the specific evidence alike (``RiskLedger``).
        let (spreadOver, spread) = risk.otherPeopleShare < 1
            ? ledger.spread(over: risk.returnsSpreadPeople, caseWorkShare: compiled.weighing.caseWorkShare) : (0, 1)
        let specific = !peers.isEnabled || ledger.hasSpecificEvidence(minimum: risk.specificMinimum,
                                                                             otherPeopleShare: risk.otherPeopleShare,
                                                                             spread: spread)
        let enough = distinct >= risk.minimumIndicators || ledger.hasSelfOrAssociate || ledger.hasReturnedPerson
        // The strong threshold is measured without looks outside the roster: they say when, and a cover shift's
        // hundreds of them beside one repeated look-up are not strong evidence of anything.
        let strong = score >= risk.strongThreshold
            && ledger.score(at: at.seconds, halfLife: compiled.halfLife, compiled.weighing, withoutTiming: true)
                >= risk.strongThreshold
        // While the force's own baselines are still learned, evidence short of the strong threshold waits: a look at
        // the user's own circle needs no baseline, unless it was weighed against peers who make such looks as their
        // work, or made before their rate was known.
        let learning = weeksClosed < risk.learningWeeks
        if learning, !strong, !ledger.hasCircleLookWithoutBaseline {
            heldInLearning[hit.staff] = hit
            return
        }
        // Volume alone, without evidence about particular people, must fall on one sex far more than the role's work
        // does, or mostly on one person (``VolumeFocus``): workload far above peers spreads across both, and many.
        var volumeReason: String?
        if !(enough && specific) {
            guard strong else { return }
            if tracksVolumeFocus {
                guard let focus = volumeFocus(staff: staff, at: at.seconds),
                      let reason = volumeAloneReason(focus, staff: staff, at: at.seconds) else { return }
                volumeReason = reason
            }
        }
        var draft = AlertDraft(number: drafts.count + 1, staff: hit.staff, staffID: context.reference.staff[staff].staffID,
                               openedAt: at, openingEventID: hit.evidence.last?.eventID ?? "", scoreAtOpen: score)
        draft.volumeReason = volumeReason
        if learning, strong {
            draft.learningReason = "It opened in the first \(risk.learningWeeks) weeks of the data, while the force's "
                + "baselines were still being learned, so it needed the strong threshold (\(WhyThisFired.format(risk.strongThreshold)))."
        }
        for earlier in activities[staff].risk.recentHits {
            draft.add(earlier, score: score, maximumEvidence: risk.maximumEvidence)
        }
        // Returns spread over many people counted less: the alert says so, and whether a return made off duty on
        // many days among the hits that opened it kept all of its points, so the score can be followed.
        if spread < 1 {
            draft.spreadReason = "Their returns were spread over \(spreadOver) people, so each kept "
                + (spread < 0.01 ? "under 1%" : Self.share(spread)) + " of its points"
                + (draft.keptOffDutyReturn ? ", but a return made off duty on many days kept all of its." : ".")
        }
        openDraft[staff] = drafts.count
        drafts.append(draft)
    }

    /// As the last learning week closes, at `end`: each member of staff held back in the learning weeks, with no
    /// alert open, is weighed again on their risk as it stands, so that what the strong threshold held back opens
    /// now rather than at their next hit, which may be days away.
    func endLearning(at end: Timestamp) {
        counted.learningEndedAt = end
        let held = heldInLearning
        for staff in held.keys.sorted() where openDraft[Int(staff)] == nil {
            let score = activities[Int(staff)].risk.score(at: end.seconds, halfLife: compiled.halfLife, compiled.weighing)
            let before = drafts.count
            considerOpening(staff: Int(staff), hit: held[staff]!, at: end, score: score)
            if drafts.count > before {
                drafts[before].learningReason = "Its risk passed the threshold in the first "
                    + "\(context.rules.risk.learningWeeks) weeks of the data, while the force's baselines were still being "
                    + "learned, under the strong threshold; it opened as they ended."
            }
        }
    }
}
