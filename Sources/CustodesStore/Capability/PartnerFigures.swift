public import CustodesModel

/// What the partner register shows of the unit's relationships with organisations that support vulnerable people:
/// the figures the "support organisations" element of an inspection asked about.
public struct PartnerFigures: Sendable, Equatable {
    /// Organisations in the register whose relationship is active.
    public var active: Int
    /// Active organisations the unit has had contact with within `periodDays`, and those it has not (overdue).
    public var engagedRecently: Int
    public var overdue: Int
    public var periodDays: Int
    /// Intelligence recorded from support organisations (or members of the public through them).
    public var intelligence: Int
    /// Reports through the portal, how many became intelligence, and how many are past the unit's deadline to
    /// acknowledge or assess them.
    public var reports: Int
    public var reportsToIntelligence: Int
    public var reportsOverdue: Int

    public static func gather(from database: StoreDatabase, today: CalendarDate,
                              intelligence: Int) async throws -> PartnerFigures {
        let period = try await UnitSettings.overdueDays(in: database)
        let active = try await PartnerRegister.organisations(in: database).filter { $0.status == .active }
        let recent = active.filter { $0.lastContact.map { $0.days(until: today) <= period } ?? false }.count
        let reports = try await PortalReports.counts(today: today, in: database)
        return PartnerFigures(active: active.count, engagedRecently: recent, overdue: active.count - recent,
                              periodDays: period, intelligence: intelligence, reports: reports.total,
                              reportsToIntelligence: reports.toIntelligence, reportsOverdue: reports.overdue)
    }
}
