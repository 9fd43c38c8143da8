import CustodesModel

/// A member of staff's risk: the sum of their hits' points, each halving over the half-life, and which indicators
/// fired recently. Risk rolls up this way (as in risk-based alerting) so that one odd look-up fades while a pattern
/// builds.
///
/// Points of the peer-relative indicators (volume above the user's peers: marked people, sensitive fields, off-duty
/// look-ups, linked people) and of the volume outlier are summed apart and count towards risk only up to a cap.
/// Volume says a user works differently from their peers; a safeguarding officer preparing a conference or a clerk merging duplicate records
/// does too, thousands of times a month. Uncapped, their sums outrank every officer returning to one woman, and the
/// unit's weekly budget goes on research. Capped, a person sought out again (a revisit, a repeated look-up, a look at
/// the user's own circle) outranks volume, however much volume there is.
struct RiskLedger {
    /// Specific points with no person (a demographic skew), and every specific point when people are not weighed apart.
    private var specific = 0.0
    private var volume = 0.0
    /// The part of `volume` from indicators that only corroborate (looks outside the roster): when, not what or whom.
    private var timing = 0.0
    /// Specific points by person, each faded from the time of its own latest hit; in the order the people first
    /// scored, so that the sum is the same, to the last bit, in every run.
    private var byPerson: [(person: PersonIndex, points: Double, at: Int64)] = []
    /// The specific hits within the indicator window by person, as ``recentHits`` holds them (unfaded; case work
    /// aside, as in the specific evidence: counted, a detective's case load hid his fixation on a victim after her
    /// case closed; shared names counted, unlike in the specific evidence: left out, the spread held back far fewer
    /// users who return to dozens of local names, 37 → 137 false staff on the second force's tuning seeds): how
    /// widely the user's returns are spread, and who is of their own circle (a look at them as such in the window)
    /// or a person whose incidents they keep attending (``IndicatorName/repeatedAttendance``):
    /// neither is discounted for the spread of the user's other returns, nor counted in it. Counted as hits arrive
    /// and leave the window so that no hit reads the whole window again.
    private var windowByPerson: [PersonIndex: (points: Double, hits: Int, circle: Int, work: Double, offDuty: Int)] = [:]
    private var pruneAt = 64
    /// People returned to within the routine of the user's role or team (``RoutineReturns``): no hit, so no points,
    /// but a return all the same, counted in the spread of returns until the indicator window has passed since the
    /// latest (case work as such). Without them, a hub whose routine hid most of its returns kept the few left whole.
    /// A reference and a small count, so that a member of staff's activity stays in three cache lines
    /// (``StaffActivities``).
    private var routineReturns: [PersonIndex: (until: Int64, work: Bool)] = [:]
    private var routinePruneAt: Int32 = 64
    private(set) var at: Int64 = 0
    /// Hits within the indicator window, kept so that an alert opening can show what led to it.
    private(set) var recentHits: [Hit] = []

    /// How risk is summed: the cap on volume above peers (0: none), the share of their points that the specific
    /// hits on every person but the most sought-out one keep (1: all of them), and over how many people returns may
    /// spread before each counts less (0: however many; ``spreadFactor(people:spreadPeople:)``).
    struct Weighing {
        var volumeCap: Double = 0
        var otherPeopleShare: Double = 1
        var spreadPeople = 0
        /// How much a person returned to only with case work counts among the people returns are spread over.
        var caseWorkShare = 0.0
    }

    /// Points of specific hits within the indicator window a person must have to count as one the user returns to,
    /// in the spread of returns: half a repeated look-up on its third day (4 points), a third of a revisit (6).
    /// Fewer is a passing look, not a person being sought out.
    static let returnedPersonPoints = 2.0

    /// The share of its points each return keeps when the user's returns are spread over `people` people
    /// (``returnedPeople``): all of them up to `spreadPeople`, then `spreadPeople / people`.
    ///
    /// One person sought out again and again is the shape of abuse of position; returning to dozens is work. On a
    /// force where whole teams return to the same people as their job (a front counter looking up the people
    /// reporting on bail each day, custody sergeants the detainees who come back), the most sought-out person of a
    /// user who returns to forty people is one of forty, and it opened most of the false alerts on the second
    /// independent force (docs/detection.md). A look at the user's own circle is not discounted, nor counted among
    /// the people; nor is a return made off duty on many days (``Hit/offDutyReturn``), though it is counted: an
    /// offender manager reads every nominal's partner at work, and one of them from home at night. Risk and the
    /// specific evidence an alert needs (``hasSpecificEvidence(minimum:otherPeopleShare:spread:)``) take the same
    /// factor, and the alert states it.
    static func spreadFactor(people: Int, spreadPeople: Int) -> Double {
        guard spreadPeople > 0, people > spreadPeople else { return 1 }
        return Double(spreadPeople) / Double(people)
    }

    /// Over how many people the user's returns are spread now, and the share each keeps
    /// (``spreadFactor(people:spreadPeople:)``); nobody and all of it when `spreadPeople` is 0.
    func spread(over spreadPeople: Int, caseWorkShare: Double = 0) -> (people: Int, share: Double) {
        guard spreadPeople > 0 else { return (0, 1) }
        let people = returnedPeople(caseWorkShare: caseWorkShare)
        return (people, Self.spreadFactor(people: people, spreadPeople: spreadPeople))
    }

    /// The score as it stands at `time`: the specific points (the most sought-out person's in full, the others' at
    /// their share) and the volume points up to the cap.
    /// Without timing, the looks outside the roster are left out: what the strong threshold is measured against, so
    /// that timing, which only corroborates, cannot carry a coincidence over it.
    func score(at time: Int64, halfLife: Double, _ weighing: Weighing = Weighing(),
               withoutTiming: Bool = false) -> Double {
        let fade = time > at ? decay(Double(time - at), halfLife) : 1
        let volume = withoutTiming ? max(self.volume - timing, 0) : self.volume
        var score = (specific + (weighing.volumeCap > 0 ? min(volume, weighing.volumeCap) : volume)) * fade
        if !byPerson.isEmpty {
            let share = spread(over: weighing.spreadPeople, caseWorkShare: weighing.caseWorkShare).share
            var top = 0.0, total = 0.0
            for entry in byPerson {
                let points = (time > entry.at ? entry.points * decay(Double(time - entry.at), halfLife) : entry.points)
                    * (share < 1 && !keepsAllPoints(entry.person) ? share : 1)
                total += points
                top = max(top, points)
            }
            score += Self.weighedByPerson(top: top, total: total, otherPeopleShare: weighing.otherPeopleShare)
        }
        return score
    }

    mutating func add(_ hit: Hit, halfLife: Double, window: Int64, _ weighing: Weighing = Weighing()) {
        let time = hit.at.seconds
        let isVolume = Self.isSummedAsVolume(hit.indicator)
        let isTiming = hit.indicator.corroboratesOnly
        if !isVolume, weighing.otherPeopleShare < 1, let person = hit.person {
            if let index = byPerson.firstIndex(where: { $0.person == person }) {
                let entry = byPerson[index]
                byPerson[index] = time >= entry.at
                    ? (person, entry.points * decay(Double(time - entry.at), halfLife) + hit.points, time)
                    : (person, entry.points + hit.points * decay(Double(entry.at - time), halfLife), entry.at)
            } else {
                byPerson.append((person, hit.points, time))
            }
            // People whose points have faded to nothing are forgotten, so a busy user's ledger stays small; the
            // sweep runs when the ledger has doubled since the last, so its cost per hit stays constant.
            if byPerson.count > pruneAt {
                let scale = halfLife * 86_400
                byPerson.removeAll { $0.points * pow2(-Double(max(time - $0.at, 0)) / scale) < 0.01 }
                pruneAt = max(64, byPerson.count * 2)
            }
            if time > at {
                let fade = decay(Double(time - at), halfLife)
                specific *= fade
                volume *= fade
                timing *= fade
                at = time
            }
        } else if time >= at {
            let fade = decay(Double(time - at), halfLife)
            specific = specific * fade + (isVolume ? 0 : hit.points)
            volume = volume * fade + (isVolume ? hit.points : 0)
            timing = timing * fade + (isTiming ? hit.points : 0)
            at = time
        } else {
            let points = hit.points * decay(Double(at - time), halfLife)
            if isVolume { volume += points } else { specific += points }
            if isTiming { timing += points }
        }
        recentHits.append(hit)
        countInWindow(hit, 1)
        let horizon = max(at, time) - window
        if let first = recentHits.first, first.at.seconds < horizon {
            for old in recentHits where old.at.seconds < horizon { countInWindow(old, -1) }
            recentHits.removeAll { $0.at.seconds < horizon }
        }
    }

    /// How many people the user's returns are spread over: those whose specific hits within the indicator window
    /// (case work aside) reach ``returnedPersonPoints``, people of the user's own circle aside; and those returned
    /// to only with case work, each counting `caseWorkShare` of a person (a hub re-reading its referrals' families
    /// every day returns to dozens as its work; a woman sought out beside a few case-work returns stays one of few);
    /// and those returned to within the routine of the user's role or team (``noteRoutineReturn(_:at:caseWork:window:)``).
    func returnedPeople(caseWorkShare: Double = 0) -> Int {
        var people = 0, work = 0
        // A person in both tallies counts once, as the higher of the two: a return in full before case work.
        func routine(_ person: PersonIndex) -> (until: Int64, work: Bool)? {
            guard let entry = routineReturns[person], entry.until >= at else { return nil }
            return entry
        }
        for (person, entry) in windowByPerson where entry.circle == 0 {
            if entry.points >= Self.returnedPersonPoints {
                people += 1
            } else if let spared = routine(person) {
                if spared.work { work += 1 } else { people += 1 }
            } else if entry.work >= Self.returnedPersonPoints {
                work += 1
            }
        }
        for (person, entry) in routineReturns where entry.until >= at && windowByPerson[person] == nil {
            if entry.work { work += 1 } else { people += 1 }
        }
        return people + Int((Double(work) * caseWorkShare).rounded(.down))
    }

    /// Notes a return the routine of the user's role or team leaves without a hit (``routineReturns``), counted
    /// among the people returned to for `window` (the indicator window) from `time`.
    mutating func noteRoutineReturn(_ person: PersonIndex, at time: Int64, caseWork: Bool, window: Int64) {
        routineReturns[person] = (time + window, caseWork)
        // Swept when the list has doubled since the last sweep (as the ledger's people are), by the clock the count
        // reads, so its cost per return stays constant.
        if routineReturns.count > Int(routinePruneAt) {
            routineReturns = routineReturns.filter { $0.value.until >= at }
            routinePruneAt = Int32(max(64, routineReturns.count * 2))
        }
    }

    /// Whether the person's returns keep all their points however widely the user's returns are spread: one of the
    /// user's own circle, or someone returned to off duty on many days (``Hit/offDutyReturn``) within the window.
    private func keepsAllPoints(_ person: PersonIndex) -> Bool {
        guard let entry = windowByPerson[person] else { return false }
        return entry.circle > 0 || entry.offDuty > 0
    }

    /// Counts a specific hit on a person into the window's tallies (`sign` 1) or out of them (-1).
    private mutating func countInWindow(_ hit: Hit, _ sign: Int) {
        guard let person = hit.person, !Self.isSummedAsVolume(hit.indicator) else { return }
        var entry = windowByPerson[person] ?? (0, 0, 0, 0, 0)
        if hit.caseWork { entry.work += Double(sign) * hit.points } else { entry.points += Double(sign) * hit.points }
        entry.hits += sign
        // One's own circle, or a person whose incidents one keeps attending: not a return among many (see above).
        if hit.indicator == .selfOrAssociate || hit.indicator == .repeatedAttendance { entry.circle += sign }
        if hit.offDutyReturn { entry.offDuty += sign }
        windowByPerson[person] = entry.hits > 0 ? entry : nil
    }

    /// Points about people summed as risk sums them: the most sought-out person's in full, the rest at their share.
    static func weighedByPerson(top: Double, total: Double, otherPeopleShare: Double) -> Double {
        top + otherPeopleShare * (total - top)
    }

    /// Whether the indicator's points are volume (summed apart and capped): the peer-relative indicators and the
    /// volume outlier.
    static func isSummedAsVolume(_ indicator: IndicatorName) -> Bool {
        indicator.isPeerRelative || indicator == .volumeOutlier
    }

    /// Different indicators among the recent hits.
    var distinctIndicators: Int { Set(recentHits.map(\.indicator)).count }

    /// Whether the recent hits scored in full, not against peers (nor the volume outlier, which is volume too), weigh
    /// at least `minimum` points (and more than none): the evidence about particular people, or the skew of whom the
    /// user looks up, that an alert under the strong threshold needs beside volume.
    /// Returns that came with work on the person's case (``RecentRecords``) are not counted: they are the pattern of
    /// a case being worked, and counting them let detectives and safeguarding officers far above peers in volume open
    /// alerts on their own cases. Nor are hits on a person many colleagues also look up with no link (a shared
    /// subject, ``PersonCommunity``): a circulated name is not one the user sought out (``hasReturnedPerson`` says so
    /// already), and its quarter points, growing with each further day, let data-quality clerks, custody sergeants
    /// and night-time-economy specials reach the minimum on the local names every colleague reads. The points are
    /// weighed as risk is (`otherPeopleShare`, ``Weighing``): the most sought-out person's in full, everyone else's
    /// at their share. A clerk far above peers who happened to look three of thousands of people up on a few days
    /// each has three coincidences, not a person sought out. `spread` is the share each return keeps as risk weighs
    /// it at the time (``spreadFactor(people:spreadPeople:)``); people of the user's own circle, and people returned
    /// to off duty on many days, keep all of theirs, as in risk.
    func hasSpecificEvidence(minimum: Double, otherPeopleShare: Double = 1, spread: Double = 1) -> Bool {
        var points = 0.0
        var byPerson: [PersonIndex: Double] = [:]
        // Summed in the hits' order, not the map's: a map's order changes from run to run, and a sum of doubles in
        // another order can differ in its last bit, which at a tie with `minimum` would change the answer.
        var personPoints = 0.0
        for hit in recentHits where !Self.isSummedAsVolume(hit.indicator) && !hit.caseWork && !hit.sharedSubject {
            if otherPeopleShare < 1, let person = hit.person {
                let weighed = hit.points * (spread < 1 && !keepsAllPoints(person) ? spread : 1)
                byPerson[person, default: 0] += weighed
                personPoints += weighed
            } else {
                points += hit.points
            }
        }
        if let top = byPerson.values.max() {
            points += Self.weighedByPerson(top: top, total: personPoints, otherPeopleShare: otherPeopleShare)
        }
        return points > 0 && points >= minimum
    }

    /// Whether the recent hits show the user returning to one person: hits of indicators scored in full (a revisit
    /// after their involvement ended, a repeated look-up, a look at a relative or associate) on the same person on
    /// two different days. That is the shape of abuse of position, a person sought out again and again, and needs
    /// no second indicator; many different people each looked at once (an analyst's research) are not it, nor is a
    /// person several colleagues look up too (``PersonCommunity``), nor returns that came with work on the person's
    /// case (``RecentRecords``).
    var hasReturnedPerson: Bool {
        var firstDay: [PersonIndex: Int64] = [:]
        // Attendances are not looks: an officer who is a repeat victim's named contact attends most of her calls, so
        // they need another indicator beside them (``IndicatorName/repeatedAttendance``).
        for hit in recentHits where !hit.indicator.isPeerRelative && !hit.sharedSubject && !hit.caseWork
            && hit.indicator != .repeatedAttendance {
            guard let person = hit.person else { continue }
            let day = hit.at.seconds / 86_400
            if let seen = firstDay[person] {
                if seen != day { return true }
            } else {
                firstDay[person] = day
            }
        }
        return false
    }

    /// Whether every recent hit is of an indicator that only corroborates (``IndicatorName/corroboratesOnly``).
    var isCorroborationOnly: Bool { recentHits.allSatisfy(\.indicator.corroboratesOnly) }

    /// Whether a recent hit is one that needs no pattern around it: a look at the user's own record, a relative's
    /// or a declared associate's; not one at someone many colleagues also read (a local name), which says less.
    var hasSelfOrAssociate: Bool { recentHits.contains { $0.indicator == .selfOrAssociate && !$0.sharedSubject } }

    /// Whether such a look is among the recent hits whose points need no baseline (``Hit/standsOnBaseline``): one
    /// that opens an alert in the learning weeks.
    var hasCircleLookWithoutBaseline: Bool {
        recentHits.contains { $0.indicator == .selfOrAssociate && !$0.sharedSubject && !$0.standsOnBaseline }
    }

    private func decay(_ seconds: Double, _ halfLifeDays: Double) -> Double {
        pow2(-seconds / (halfLifeDays * 86_400))
    }
}

/// 2^x without Foundation.
func pow2(_ x: Double) -> Double {
    if x < -60 { return 0 }
    let whole = x.rounded(.down)
    let fraction = x - whole
    // 2^f = e^(f ln 2), by series; f in [0, 1).
    let y = fraction * 0.693_147_180_559_945_3
    var term = 1.0, sum = 1.0
    for n in 1...16 {
        term *= y / Double(n)
        sum += term
    }
    return sum * Double(sign: .plus, exponent: Int(whole), significand: 1)
}
