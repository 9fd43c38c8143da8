import CustodesModel

/// How one category of occurrence plays out: how common it is, who the victim tends to be, who investigates, how
/// often someone is arrested, and how long it stays open.
struct CategoryProfile {
    var category: OccurrenceCategory
    /// Relative frequency among calls for service.
    var weight: Double
    var victimMarker: PersonMarker?
    var femaleVictimShare: Double
    var victimAge: ClosedRange<Int>
    var hasSuspect: Bool
    var arrestChance: Double
    var openDays: ClosedRange<Int>
    /// Roles that take the case as officer in case, in order of preference.
    var caseRoles: [StaffRole]
    /// Whether a safeguarding officer or detective is also assigned as investigator.
    var investigated: Bool

    static let all: [CategoryProfile] = [
        .init(category: .domesticAbuse, weight: 15, victimMarker: .domesticAbuseVictim, femaleVictimShare: 0.8,
              victimAge: 18...55, hasSuspect: true, arrestChance: 0.45, openDays: 7...45,
              caseRoles: [.responseOfficer, .safeguardingOfficer], investigated: true),
        .init(category: .sexualOffence, weight: 3, victimMarker: .sexualOffenceVictim, femaleVictimShare: 0.85,
              victimAge: 13...45, hasSuspect: true, arrestChance: 0.35, openDays: 30...120,
              caseRoles: [.detective], investigated: true),
        .init(category: .stalkingHarassment, weight: 3, victimMarker: .stalkingVictim, femaleVictimShare: 0.75,
              victimAge: 18...60, hasSuspect: true, arrestChance: 0.2, openDays: 14...60,
              caseRoles: [.responseOfficer, .detective], investigated: false),
        .init(category: .assault, weight: 10, victimMarker: nil, femaleVictimShare: 0.35, victimAge: 16...70,
              hasSuspect: true, arrestChance: 0.3, openDays: 5...40, caseRoles: [.responseOfficer, .detective],
              investigated: false),
        .init(category: .theft, weight: 14, victimMarker: nil, femaleVictimShare: 0.5, victimAge: 18...85,
              hasSuspect: false, arrestChance: 0.05, openDays: 1...14, caseRoles: [.responseOfficer],
              investigated: false),
        .init(category: .burglary, weight: 5, victimMarker: nil, femaleVictimShare: 0.5, victimAge: 25...90,
              hasSuspect: false, arrestChance: 0.08, openDays: 5...30, caseRoles: [.detective, .responseOfficer],
              investigated: false),
        .init(category: .criminalDamage, weight: 6, victimMarker: nil, femaleVictimShare: 0.5, victimAge: 20...80,
              hasSuspect: false, arrestChance: 0.05, openDays: 1...14, caseRoles: [.responseOfficer],
              investigated: false),
        .init(category: .publicOrder, weight: 5, victimMarker: nil, femaleVictimShare: 0.4, victimAge: 18...60,
              hasSuspect: true, arrestChance: 0.3, openDays: 1...10, caseRoles: [.responseOfficer],
              investigated: false),
        .init(category: .roadTraffic, weight: 6, victimMarker: nil, femaleVictimShare: 0.45, victimAge: 17...80,
              hasSuspect: false, arrestChance: 0.03, openDays: 1...20, caseRoles: [.responseOfficer],
              investigated: false),
        .init(category: .missingPerson, weight: 3, victimMarker: .missingPerson, femaleVictimShare: 0.55,
              victimAge: 12...40, hasSuspect: false, arrestChance: 0, openDays: 1...5,
              caseRoles: [.responseOfficer, .neighbourhoodOfficer], investigated: false),
        .init(category: .concernForWelfare, weight: 6, victimMarker: .vulnerableAdult, femaleVictimShare: 0.5,
              victimAge: 18...90, hasSuspect: false, arrestChance: 0, openDays: 0...3,
              caseRoles: [.neighbourhoodOfficer, .responseOfficer], investigated: false),
        .init(category: .mentalHealth, weight: 4, victimMarker: .mentalHealth, femaleVictimShare: 0.5,
              victimAge: 16...70, hasSuspect: false, arrestChance: 0, openDays: 0...3,
              caseRoles: [.responseOfficer, .neighbourhoodOfficer], investigated: false),
        .init(category: .drugs, weight: 3, victimMarker: nil, femaleVictimShare: 0.2, victimAge: 16...50,
              hasSuspect: true, arrestChance: 0.6, openDays: 3...30, caseRoles: [.responseOfficer, .detective],
              investigated: false),
        .init(category: .fraud, weight: 4, victimMarker: nil, femaleVictimShare: 0.55, victimAge: 30...90,
              hasSuspect: false, arrestChance: 0.02, openDays: 10...60, caseRoles: [.detective],
              investigated: false),
        .init(category: .antisocialBehaviour, weight: 8, victimMarker: nil, femaleVictimShare: 0.5,
              victimAge: 20...80, hasSuspect: true, arrestChance: 0.02, openDays: 3...30,
              caseRoles: [.neighbourhoodOfficer, .pcso], investigated: false),
        .init(category: .other, weight: 5, victimMarker: nil, femaleVictimShare: 0.5, victimAge: 18...80,
              hasSuspect: false, arrestChance: 0.02, openDays: 0...7, caseRoles: [.responseOfficer],
              investigated: false),
    ]

    static let weights = all.map(\.weight)
}
