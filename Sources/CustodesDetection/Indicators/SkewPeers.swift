/// Whom a member of staff's people are compared with in the demographic skew rule: their role's, or, where their team
/// stands apart from its role, their team's, drawn towards the role's.
///
/// A role is too coarse a peer group where its teams meet different people: a neighbourhood team whose beat meets
/// more young women than the force's other neighbourhood teams; night-time-economy specials more than
/// specials on daytime events; and the supervisor role mixes custody sergeants (detainees, nearly all men) with
/// neighbourhood sergeants. Against the role, whole teams of them showed a skew. A team is too fine a peer group on
/// its own: a handful of colleagues' people say little, and a team whose work legitimately meets young women hides a
/// trawler among them. So the team's share (without the user) is used only where the team's other people are at
/// least `minimumPeople` and differ from the role's share by `minimumZ` binomial standard deviations (as the skew
/// itself measures them), and then drawn towards the role's as if the role had `priorPeople` more people in the
/// team: a team of a few hundred people looked up stays near its role, one of thousands speaks for itself. A team
/// is its name at one station, whatever its members' roles: a neighbourhood sergeant's team is their neighbourhood
/// team, constables and PCSOs too.
struct SkewPeers: Equatable {
    /// The peers' people in the watched group and in all, the user's own included (``DetectionEngine/skew`` takes
    /// the user's out).
    var group: Int
    var total: Int
    /// The share the peers' is drawn towards, and as if how many more people.
    var prior: Prior?
    /// Whether the peers are the user's team rather than their role.
    var isTeam: Bool

    struct Prior: Equatable {
        var share: Double
        var people: Double
    }

    /// Counts of people, in the watched group and in all.
    struct Counts {
        var group: Int
        var total: Int
    }

    /// The peers for `user`, whose `team` and `role` counts include the user's own; `rolePrior` is what the role's
    /// share is drawn towards (the force's, for the people whose details were opened), nil for nothing.
    static func choose(user: Counts, team: Counts?, role: Counts, rolePrior: Prior?,
                       priorPeople: Double, minimumZ: Double, minimumPeople: Int) -> SkewPeers {
        let byRole = SkewPeers(group: role.group, total: role.total, prior: rolePrior, isTeam: false)
        guard priorPeople > 0, let team, team.total - user.total >= max(1, minimumPeople) else { return byRole }
        let prior = rolePrior ?? Prior(share: 0, people: 0)
        let roleOthers = Double(role.total - user.total) + prior.people
        guard roleOthers > 0 else { return byRole }
        let roleShare = (Double(role.group - user.group) + prior.share * prior.people) / roleOthers
        if minimumZ > 0 {
            let z = DetectionEngine.binomialZ(count: Double(team.group - user.group), of: team.total - user.total,
                                              share: roleShare)
            guard abs(z) >= minimumZ else { return byRole }
        }
        return SkewPeers(group: team.group, total: team.total, prior: Prior(share: roleShare, people: priorPeople),
                         isTeam: true)
    }
}
