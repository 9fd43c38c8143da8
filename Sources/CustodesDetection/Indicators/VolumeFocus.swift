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
struct VolumeFocus: Equatable {
    /// People of known sex behind the user's recent volume hits.
    var people: Int
    /// Whether they lean to women (or else to men).
    var women: Bool
    /// The share of that sex among them, and among the people the role's peers looked up with no link.
    var share: Double
    var peerShare: Double

    /// How many standard deviations the count of that sex stands above what the peers' share predicts, as a
    /// binomial count (the demographic skew's test).
    var z: Double {
        let expected = Double(people) * peerShare
        let variance = Double(people) * max(peerShare, 0.01) * max(1 - peerShare, 0.01)
        return (share * Double(people) - expected) / variance.squareRoot()
    }

    /// Whether at least `minimumPeople` people are behind the volume, at least `minimumShare` of them of one sex, and
    /// their count of that sex at least `z` standard deviations above the peers'.
    func isFocused(z minimumZ: Double, minimumShare: Double, minimumPeople: Int) -> Bool {
        people >= max(minimumPeople, 1) && share >= minimumShare && z >= minimumZ
    }

    /// The sentence for the alert: what the user's volume fell on, beside their peers.
    var words: String {
        let sex = women ? "women" : "men"
        return "\(Int((share * 100).rounded()))% of the \(people) people behind their volume above peers were \(sex), "
            + "against \(Int((peerShare * 100).rounded()))% of the people peers in the same role looked up with no link"
    }
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
        let hits = activities[staff].risk.recentHits.count
        if let cached = activities[staff].volumeFocusChecked, cached.day == day, hits < cached.hits + max(1, cached.hits / 8) {
            return cached.focus
        }
        var focus: VolumeFocus?
        if let pool = roleSexTallies[context.reference.staff[staff].role] {
            // The peers' share without this member of staff, so that a user whose look-ups are most of their role's
            // cannot set their own baseline; shrunk towards even, so a role with few people looked up says little.
            let own = staff < sexTallies.count ? sexTallies[staff] : (female: 0, known: 0)
            let peerShare = (Double(pool.female - own.female) + 0.5 * Self.peerPriorPeople)
                / (Double(pool.known - own.known) + Self.peerPriorPeople)
            var people = Set<PersonIndex>()
            var female = 0, known = 0
            for hit in activities[staff].risk.recentHits where RiskLedger.isSummedAsVolume(hit.indicator) {
                guard let person = hit.person, people.insert(person).inserted else { continue }
                switch context.reference.persons[Int(person)].sex {
                case .female: female += 1; known += 1
                case .male: known += 1
                case .unknown: break
                }
            }
            if known > 0 {
                let women = Double(female) / Double(known)
                focus = women >= peerShare
                    ? VolumeFocus(people: known, women: true, share: women, peerShare: peerShare)
                    : VolumeFocus(people: known, women: false, share: 1 - women, peerShare: 1 - peerShare)
            }
        }
        activities[staff].volumeFocusChecked = (day, hits, focus)
        return focus
    }
}
