import CustodesModel

/// Whom a member of staff's volume above peers falls on, beside whom their role's peers look up with no link.
///
/// Volume alone (contact details, addresses, photographs, marked people, looks outside the roster, far above peers)
/// opens an alert only at the strong threshold, because it cannot tell misuse from heavy work: a safeguarding officer
/// preparing a risk conference, a missing-persons coordinator, a clerk merging duplicate records all stand far above
/// their peers for weeks. What tells them apart is whom the volume falls on. Abuse of position for a sexual purpose
/// seeks out people of one sex: the contact details of women from other stations' cases, young women's photographs
/// browsed at night. Work spreads across both sexes much as the role's work does. So volume opens an alert without
/// evidence about particular people only when enough people are behind it (`risk.volume_focus_people`), most of them
/// of one sex (`risk.volume_focus_share`), and more of that sex than the role's peers' share predicts
/// (`risk.volume_focus_z`), as the demographic skew tests.
///
/// The people behind the volume are those of the hits scored against peers, which may be a handful while the score
/// climbs: four men of four where peers look up half men happens one time in sixteen, and it is asked afresh every
/// day. So the user must also have opened the contact details, address or photograph of at least as many people with
/// no link in the indicator window (`risk.indicator_window_days`), and those people must lean to the same sex, by the
/// z and by the exact binomial tail: a missing-persons coordinator opens hundreds of both sexes, a harvester of women's
/// contact details opens women, a browser of young women's custody photographs opens women. A front counter clerk
/// whose volume is the relatives of people reporting at the desk opens nobody's details, and four to fifteen people of
/// one sex behind that volume, asked every day for months, come by chance to some clerk in every force. Or, for volume
/// that leans to women, a demographic skew among the recent hits says whom it falls on, by a stronger test than this
/// one.
///
/// Or when the volume falls on one person: at least half its hits on her, on as many different days as a repeated
/// look-up needs (`repeat_lookups.minimum_days`, 3). A custody officer opening one detainee's photograph and contact
/// details night after night is a person sought out, not a workload, though every one of those looks is scored
/// against peers. (Two days were tried: officers in no scenario on the tuning forces had two of three, or three of
/// five, volume hits on one person on two days.)
struct VolumeFocus: Equatable {
    /// People of known sex behind the user's recent volume hits.
    var people: Int
    /// Whether they lean to women (or else to men).
    var women: Bool
    /// The share of that sex among them, and among the people the peers looked up with no link.
    var share: Double
    var peerShare: Double
    /// Whose share that was: the role's, or the team's or crew's where theirs leans further the same way (a custody
    /// suite's detention officers look up the men it detains; the force's other police staff do not).
    var peers: PeerBaseline.Peers = .role
    /// Recent volume hits with a person, how many of them fell on the person with the most, and on how many different
    /// days any recent hit fell on her.
    var hits = 0
    var topPerson: PersonIndex?
    var topHits = 0
    var topDays = 0
    /// The people whose contact details, address or photograph the user opened with no link in the indicator
    /// window, each once.
    var detailsOpened = SexTally()
    var detailsDays = 30

    /// How many standard deviations the count of that sex stands above what the peers' share predicts, as a
    /// binomial count (the demographic skew's test).
    var z: Double { DetectionEngine.binomialZ(count: share * Double(people), of: people, share: peerShare) }

    /// Whether at least `minimumPeople` people are behind the volume, at least `minimumShare` of them of one sex, and
    /// their count of that sex at least `z` standard deviations above the peers'; and the people whose details were
    /// opened lean the same way (``detailsLean(z:minimumShare:minimumPeople:)``).
    func isFocused(z minimumZ: Double, minimumShare: Double, minimumPeople: Int) -> Bool {
        leans(z: minimumZ, minimumShare: minimumShare, minimumPeople: minimumPeople)
            && detailsLean(z: minimumZ, minimumShare: minimumShare, minimumPeople: minimumPeople)
    }

    /// Whether the people behind the volume alone lean to one sex far enough: the first half of ``isFocused``.
    func leans(z minimumZ: Double, minimumShare: Double, minimumPeople: Int) -> Bool {
        people >= max(minimumPeople, 1) && share >= minimumShare && z >= minimumZ
    }

    /// Whether the people whose details were opened are at least `minimumPeople` and lean to the same sex as the
    /// people behind the volume (by the z and the exact tail). Too few of them is not a lean: the handful behind the
    /// volume alone is not enough (see the type's notes).
    func detailsLean(z minimumZ: Double, minimumShare: Double, minimumPeople: Int) -> Bool {
        let total = detailsOpened.known
        guard total >= max(minimumPeople, 1) else { return false }
        let count = detailsOfThatSex
        return Double(count) >= minimumShare * Double(total)
            && DetectionEngine.binomialZ(count: Double(count), of: total, share: peerShare) >= minimumZ
            && DetectionEngine.binomialUpperTail(count, of: total, share: peerShare)
                <= DetectionEngine.normalUpperTail(minimumZ)
    }

    /// Whether at least half the volume fell on one person, on at least `minimumDays` different days: the shape of a
    /// person returned to, in looks that are scored against peers.
    func isConcentrated(minimumDays: Int) -> Bool { topPerson != nil && topHits * 2 >= hits && topDays >= minimumDays }

    /// The sentence for the alert: what the user's volume fell on, beside their peers.
    var words: String {
        let sex = women ? "women" : "men"
        return "\(Int((share * 100).rounded()))% of the \(people) people behind their volume above peers were \(sex), "
            + "against \(Int((peerShare * 100).rounded()))% of the people \(peersWords) looked up with no link"
            + detailsWords
    }

    private var peersWords: String {
        switch peers {
        case .role: "peers in the same role"
        case .team: "the rest of their team"
        case .crew: "others in their role they work with"
        }
    }

    /// How many of the people whose details were opened are of the sex the volume leans to.
    private var detailsOfThatSex: Int { women ? detailsOpened.female : detailsOpened.known - detailsOpened.female }

    private var detailsWords: String {
        let total = detailsOpened.known
        guard total > 0 else { return "" }
        return "; so were \(detailsOfThatSex) of the \(total) people whose contact details, address or photograph they opened with "
            + "no link, or in the days after a call they attended, in the last \(detailsDays) days"
    }
}

/// Women, and people of known sex, among people counted once each.
struct SexTally: Equatable {
    var female = 0
    var known = 0

    mutating func count(_ sex: Sex) {
        switch sex {
        case .female: female += 1; known += 1
        case .male: known += 1
        case .unknown: break
        }
    }

    mutating func add(_ other: SexTally) {
        female += other.female
        known += other.known
    }
}

/// Whom a member of staff's volume fell on, as last worked out: on which day, and from how many recent hits.
struct VolumeFocusCheck {
    var day: Int64
    var hits: Int
    var focus: VolumeFocus?
}

extension DetectionEngine {
    /// How many people, half of them women, the peers' share is shrunk with.
    static let peerPriorPeople = 10.0

    /// Whether the focus of volume is asked for at all: with peer baselines and a positive `risk.volume_focus_z`.
    var tracksVolumeFocus: Bool { peers.isEnabled && context.rules.risk.volumeFocusZ > 0 }

    /// Whom the member of staff's recent volume hits fall on, beside their role's peers; nil before the role has a
    /// baseline (the force's first week, when volume is counted but not scored) or with no person behind the volume.
    /// Worked out again only on a new day or when the recent hits have grown by an eighth: a clerk far above peers
    /// has thousands of recent volume hits, and the question is asked at every one of them while their risk stays at
    /// the strong threshold, but a few looks in one evening each count.
    func volumeFocus(staff: Int, at time: Int64) -> VolumeFocus? {
        let day = time / 86_400
        let recent = activities[staff].risk.recentHits.count
        if let cached = volumeFocusChecks[staff], cached.day == day,
           recent < cached.hits + max(1, cached.hits / 8) {
            return cached.focus
        }
        var focus: VolumeFocus?
        if let pool = roleSexTallies[context.reference.staff[staff].role] {
            // The peers' share without this member of staff, so that a user whose look-ups are most of their role's
            // cannot set their own baseline; shrunk towards even, so a role with few people looked up says little.
            let own = staff < sexTallies.count ? sexTallies[staff] : SexTally()
            let peerShare = (Double(pool.female - own.female) + 0.5 * Self.peerPriorPeople)
                / (Double(pool.known - own.known) + Self.peerPriorPeople)
            var byPerson: [PersonIndex: Int] = [:]
            var sexes = SexTally()
            var hits = 0
            for hit in activities[staff].risk.recentHits where RiskLedger.isSummedAsVolume(hit.indicator) {
                guard let person = hit.person else { continue }
                hits += 1
                let first = byPerson[person] == nil
                byPerson[person, default: 0] += 1
                if first { sexes.count(context.personFacts[Int(person)].sex) }
            }
            if hits > 0 {
                let women = sexes.known > 0 ? Double(sexes.female) / Double(sexes.known) : 0
                var found = women >= peerShare
                    ? VolumeFocus(people: sexes.known, women: true, share: women, peerShare: peerShare)
                    : VolumeFocus(people: sexes.known, women: false, share: 1 - women, peerShare: 1 - peerShare)
                // The team's or crew's share where it leans further the user's way: only ever a higher bar, as for
                // the volume itself (``PeerBaseline``).
                if let group = peerGroup(of: staff), let pooled = groupSexTallies[group] {
                    let others = Double(pooled.known - own.known)
                    if others >= 1 {
                        let groupWomen = (Double(pooled.female - own.female) + peerShare * Self.peerPriorPeople)
                            / (others + Self.peerPriorPeople)
                        let groupShare = found.women ? groupWomen : 1 - groupWomen
                        if groupShare > found.peerShare {
                            found.peerShare = groupShare
                            found.peers = context.staffInTeamMinority[staff] ? .team : .crew
                        }
                    }
                }
                found.hits = hits
                // The person with the most hits; on a tie, the one first in the index, so every run says the same.
                // Her days count every recent hit on her, the returns scored in full as well as the volume, but not
                // those that came with work on her case or that many colleagues share (as ``RiskLedger/hasReturnedPerson``).
                if let top = byPerson.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) {
                    var days = Set<Int64>()
                    for hit in activities[staff].risk.recentHits
                    where hit.person == top.key && !hit.caseWork && !hit.sharedSubject {
                        days.insert(hit.at.seconds / 86_400)
                    }
                    found.topPerson = top.key
                    found.topHits = top.value
                    found.topDays = days.count
                }
                focus = found
            }
        }
        volumeFocusChecks[staff] = VolumeFocusCheck(day: day, hits: recent, focus: focus)
        return focus
    }

    /// The people whose contact details, address or photograph the member of staff opened with no link, or in the
    /// days after a call they attended, in the indicator window up to `time`, each once, by sex: the details that
    /// volume above peers (which counts both) is weighed against.
    func detailsOpened(staff: Int, at time: Int64) -> SexTally {
        var tally = SexTally()
        var seen = Set<PersonIndex>()
        for lookup in activities[staff].unexplained.lookups
        where lookup.sensitive && lookup.at <= time && time - lookup.at <= compiled.indicatorWindow {
            if seen.insert(lookup.person).inserted { tally.count(lookup.sex) }
        }
        return tally
    }

    /// Why volume alone may open the alert, as the alert's sentence; nil when it may not (neither focused on one sex
    /// nor concentrated on one person). The details opened and the skew are read as they stand at `time`, not from
    /// the focus's cache: a look that scored nothing, or a skew closed with the week, may have changed them since.
    func volumeAloneReason(_ focus: VolumeFocus, staff: Int, at time: Int64) -> String? {
        let risk = context.rules.risk
        if focus.leans(z: risk.volumeFocusZ, minimumShare: risk.volumeFocusShare, minimumPeople: risk.volumeFocusPeople) {
            var focus = focus
            focus.detailsOpened = detailsOpened(staff: staff, at: time)
            focus.detailsDays = risk.indicatorWindowDays
            if focus.isFocused(z: risk.volumeFocusZ, minimumShare: risk.volumeFocusShare,
                               minimumPeople: risk.volumeFocusPeople) {
                return "It opened on volume alone, because that volume was focused: \(focus.words)."
            }
        }
        // The skew watches women of an age: it says whom volume on women falls on.
        if focus.women, activities[staff].risk.recentHits.contains(where: { $0.indicator == .demographicSkew }) {
            return "It opened on volume alone, because the people they looked up were skewed (above)."
        }
        if focus.isConcentrated(minimumDays: max(compiled.repeatMinimumDays, 2)), let person = focus.topPerson {
            return "It opened on volume alone, because that volume fell on one person: \(focus.topHits) of its "
                + "\(focus.hits) hits with a person, on \(focus.topDays) different days, were on \(pseudonym(of: person))."
        }
        return nil
    }
}
