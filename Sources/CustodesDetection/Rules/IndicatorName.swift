public import CustodesModel

/// The indicators of abuse of position that Custodes scores. Each is a named rule in the rules file, with a weight
/// and parameters a force can tune; the rationale is what an analyst reads when asking why a rule exists.
public enum IndicatorName: String, Sendable, DeclarationOrdered {
    case vulnerablePerson = "vulnerable_person"
    case revisitAfterInvolvement = "revisit_after_involvement"
    case sensitiveFields = "sensitive_fields"
    case offDuty = "off_duty"
    case repeatLookups = "repeat_lookups"
    case linkedExpansion = "linked_expansion"
    case demographicSkew = "demographic_skew"
    case selfOrAssociate = "self_or_associate"
    case newPairWithMarker = "new_pair_with_marker"
    case volumeOutlier = "volume_outlier"
    case repeatedAttendance = "repeated_attendance"

    /// Whether the rule fires on single accesses that are daily work for some roles (a look at a marked person, a
    /// first look, contact details, a look off roster). Such a hit is scored by how far the user's rate of it stands
    /// above their peers' in the same role (``RiskSettings/peerPriorAccesses``), not in full: on real data an
    /// unexplained look at a marked person is common, and what marks misuse is doing it far more than one's peers,
    /// or the specific evidence (a revisit, a repeat, a linked or associated person) the other rules see.
    public var isVolume: Bool {
        switch self {
        case .vulnerablePerson, .newPairWithMarker, .sensitiveFields, .offDuty: true
        default: false
        }
    }

    /// Whether hits are scored against the user's peers (see ``RiskSettings/peerPriorAccesses``): the volume
    /// indicators, and widening to a person's family or partner, which is specific evidence for most roles but the
    /// daily research of analysts and detectives.
    public var isPeerRelative: Bool { isVolume || self == .linkedExpansion }

    /// Whether the rule only corroborates: it says when a look happened, not what was opened or whom was sought,
    /// so its hits add to risk but open no alert until another indicator fires. Looks outside the roster are the
    /// pattern of an unrostered shift or cover duty as much as of misuse.
    public var corroboratesOnly: Bool { self == .offDuty }

    /// What the rule saw, in words an analyst reads at a glance (the rules file and the API keep the code name).
    public var title: String {
        switch self {
        case .vulnerablePerson: "Looked up a vulnerable person"
        case .revisitAfterInvolvement: "Came back to a person after their part in the case ended"
        case .sensitiveFields: "Opened contact details, an address or a custody photograph"
        case .offDuty: "Looked up while off duty"
        case .repeatLookups: "Looked up the same person on several days"
        case .linkedExpansion: "Widened to the person's family, partner or associates"
        case .demographicSkew: "Look-ups skewed to one sex and age group"
        case .selfOrAssociate: "Looked up themselves or someone close to them"
        case .newPairWithMarker: "First look at a vulnerable person"
        case .volumeOutlier: "Far more unexplained look-ups than peers"
        case .repeatedAttendance: "Attended most of one person's incidents"
        }
    }

    /// The title for a code name, or the code name itself if it is not one Custodes knows.
    public static func title(_ code: String) -> String { IndicatorName(rawValue: code)?.title ?? code }

    /// Why the rule exists, in the words of the warning signs seen in real cases.
    public var rationale: String {
        switch self {
        case .vulnerablePerson:
            "Most abuse of position targets people with a vulnerability: victims of domestic abuse and sexual offences, "
                + "people with mental ill health, children, sex workers. An unexplained look at such a person's record "
                + "matters more than one at anyone else's, and more for some markers than others."
        case .revisitAfterInvolvement:
            "Offenders often meet the victim on duty and keep looking her up after their part in the case ended or "
                + "the case closed. A return that only a teammate's open case explains is scored too, at "
                + "team_link_share of the points (and counts towards repeated look-ups at that share): explained is "
                + "not innocent. A return within case_work_hours of the user opening her case, or another person in "
                + "it, is case work and keeps case_work_share: a family reviewed, not a woman sought out."
        case .sensitiveFields:
            "Contact details, addresses and custody photographs are what someone needs to make contact or to look; "
                + "opening them with no business reason is a step beyond curiosity."
        case .offDuty:
            "Look-ups on rest days, off shift or from home have no duty to explain them. Rosters miss overtime and "
                + "the odd shift, so a tolerance applies, the rule fires only on accesses nothing else explains, and "
                + "its weight is low; alone it opens no alert: it corroborates a person sought out or a record opened."
        case .repeatLookups:
            "Returning to the same person on several different days with no link is a pattern, not an accident; "
                + "each further day weighs more, up to four times the weight. Looks that only a teammate's case, in "
                + "which the user has no part, explains count from covering_minimum_days, at team_link_share: "
                + "covering a colleague's case is daily work, coming back to its victim week after week is not. "
                + "Returns that come with work on the person's case (case_work_hours) keep case_work_share. Where "
                + "routine_share of a role's members active in a week returned in full to someone on as many days "
                + "as minimum_days or more in the last 13 weeks, that many days is the role's work on this force "
                + "(detectives reading their old cases' people, analysts their nominals): a return counts only on the "
                + "days beyond it (0: off; a role of fewer than 10 active members has no routine). The same for the "
                + "team or crew a member of staff is weighed with beside their role (risk.team_peer_prior_accesses above "
                + "0), where higher (a hub's staff "
                + "return to its referrals' families as the force's other police staff do not); a return within "
                + "the routine still counts among the people returns are spread over. A return made off duty on "
                + "off_duty_days days or more (0: never) keeps its points however many people the user's returns "
                + "are spread over: a unit reads its nominals and their partners every day at work, not at home at "
                + "night. Explained is not innocent: looks at a person of the user's own case, which their assignment "
                + "explains, made off the roster from a device away from force premises on off_duty_days days or more "
                + "count as a return at own_case_share of its points (0: never), where no more than two people of "
                + "their cases were looked at off duty on two days or more: an officer drawn to a victim comes back "
                + "to her from home; a hybrid worker reads the whole caseload."
        case .linkedExpansion:
            "Widening from a victim to her family, her new partner or her associates shows an interest in her life, "
                + "not in a case."
        case .demographicSkew:
            "One officer made 170 unauthorised checks over three years, all on women. A user whose look-ups with no "
                + "link fall on one sex and age group far more than their role's peers' do stands out. Each person "
                + "counts once (minimum_lookups counts people), so daily returns to the same local people do not hide "
                + "a trawl of many different women. The first test asks as well that the user opened the contact "
                + "details, address or photograph of at least minimum_details_people of the group (0: not asked; a "
                + "view from a system that does not log the parts it showed counts, a search does not): "
                + "searching many women without ever opening how to reach, find or see any of them is research on "
                + "a group (domestic abuse victims for a problem profile, young people checked in a night-time "
                + "economy), not seeking them out. Failing that, the same test among the people whose contact "
                + "details, address or photograph they opened, at sensitive_minimum_z (0: off): a trawl hidden among "
                + "a researcher's many look-ups shows there. Either test must also pass exactly: the chance of so many "
                + "of the group among so few people must be as small as exact_minimum_z standard deviations of a normal "
                + "(0: off), which the z of a handful of people overstates. Where the user's team (team and station) "
                + "has minimum_lookups other people and stands apart from its role by team_minimum_z, the team's "
                + "share is the peers', drawn towards the "
                + "role's as if the role had team_prior_people more people (0: the role alone): a neighbourhood team "
                + "whose beat meets more young women, night-time-economy specials. Where more than half the women on "
                + "record have no year of birth, ages are unknown and the group is women of any age; both tests then "
                + "need any_age_minimum_z, as women of all ages are much of many roles' work. It fires at most once "
                + "a week: four "
                + "weeks of it in a row reach the alert threshold, with one more indicator beside it."
        case .selfOrAssociate:
            "Looking up oneself, family, a partner or an ex-partner, or anyone declared as an associate, is a "
                + "conflict of interest whatever the reason. A partner, spouse or ex-partner counts in full; anyone "
                + "else in the user's circle at other_relation_share, so one look at a sibling's record opens no alert "
                + "alone and a second within a fortnight does, unless many colleagues also read the person (the risk "
                + "section's shared_person_colleagues): then each look counts a quarter of that, as for a local name. "
                + "Where the user's peers (role, team or crew, as for volume) look up their own circle on "
                + "peer_rate_floor of their accesses or more (officers who police the villages they live in), a look "
                + "at one's own family, friend or neighbour scores only its excess over their rate, as volume does, "
                + "per person of the user's circle (declared and household) against the mean of their role's, "
                + "at most in full; a partner always in full. Several accesses in one sitting are one look."
        case .newPairWithMarker:
            "The first ever access by this user to a vulnerable person, with no link, is how most patterns begin."
        case .volumeOutlier:
            "A volume of unexplained access far above peers in the same role, measured with robust statistics so "
                + "that a few heavy users do not set the baseline; or above the user's crew (or team), where five or "
                + "more of them were active and their week sets the higher bar: a hub's staff read hundreds of "
                + "referrals' people a week."
        case .repeatedAttendance:
            "Volunteering for incidents involving the same person is a warning sign seen in real cases: an officer "
                + "who keeps turning up at one woman's calls has a link to every look, and the links are the pattern. "
                + "It fires on a look at the person that the user's own attendance explains, once they have attended "
                + "at least minimum_attendances of her occurrences (not as a suspect: a prolific offender's arrests "
                + "are attended by the same local officers) and at least minimum_share of all of them so far; once "
                + "for each further attendance."
        }
    }

    /// Whether the rule is evaluated over a week of a user's activity against peers, rather than per access.
    public var isPeerRule: Bool { self == .demographicSkew || self == .volumeOutlier }
}
