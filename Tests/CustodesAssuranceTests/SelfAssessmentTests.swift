import CustodesAssurance
import Testing

@Suite("Self-assessment from the running system")
struct SelfAssessmentTests {
    static let monitored = SelfAssessment.Monitoring(sources: 6, staffCoverage: 0.97, oldestDeliveryDays: 0.5,
                                                     explainedShare: 0.98, detectionHasRun: true)

    @Test("IT monitoring is in place only with recent data from monitored systems covering most staff")
    func itMonitoring() {
        #expect(SelfAssessment(monitoring: Self.monitored, analysts: nil, intelligenceReceived: nil)
            .statuses.itMonitoring == .inPlace)
        var stale = Self.monitored
        stale.oldestDeliveryDays = 3
        #expect(SelfAssessment(monitoring: stale, analysts: nil, intelligenceReceived: nil).statuses.itMonitoring == .started)
        var thin = Self.monitored
        thin.staffCoverage = 0.89
        #expect(SelfAssessment(monitoring: thin, analysts: nil, intelligenceReceived: nil).statuses.itMonitoring == .started)
        var unmonitored = Self.monitored
        unmonitored.detectionHasRun = false
        #expect(SelfAssessment(monitoring: unmonitored, analysts: nil, intelligenceReceived: nil)
            .statuses.itMonitoring == .started)
        let none = SelfAssessment.Monitoring(sources: 0, staffCoverage: 0, oldestDeliveryDays: nil, explainedShare: nil,
                                             detectionHasRun: false)
        #expect(SelfAssessment(monitoring: none, analysts: nil, intelligenceReceived: nil).statuses.itMonitoring
                == .noEvidence)
    }

    @Test("what the system cannot see is never claimed: strategy, capacity without analysts, partner intelligence")
    func unseenElements() {
        let bare = SelfAssessment(monitoring: Self.monitored, analysts: nil, intelligenceReceived: nil)
        #expect(bare.statuses.strategy == .noInformation)
        #expect(bare.statuses.ccuReview == .noInformation)
        #expect(bare.statuses.supportOrganisations == .noEvidence)
        #expect(bare.reasons[.supportOrganisations]?.contains("no intelligence from support organisations is recorded") == true)
        let staffed = SelfAssessment(monitoring: Self.monitored, analysts: 3, intelligenceReceived: 4)
        #expect(staffed.statuses.ccuReview == .started)
        #expect(staffed.statuses.supportOrganisations == .started)
    }

    @Test("the unit's capacity is in place only with analysts, decisions, no alert waiting over two weeks, and nothing overdue")
    func capacity() {
        func status(_ analysts: Int?, _ capacity: SelfAssessment.Capacity?) -> ElementStatus {
            SelfAssessment(monitoring: Self.monitored, analysts: analysts, intelligenceReceived: nil, capacity: capacity)
                .statuses.ccuReview
        }
        let keepingUp = SelfAssessment.Capacity(decided: 12, outstanding: 3, oldestOutstandingDays: 6)
        #expect(status(3, keepingUp) == .inPlace)
        #expect(status(3, .init(decided: 12, outstanding: 0, oldestOutstandingDays: nil)) == .inPlace)
        #expect(status(3, .init(decided: 12, outstanding: 3, oldestOutstandingDays: 14)) == .inPlace)
        #expect(status(3, .init(decided: 12, outstanding: 3, oldestOutstandingDays: 14.1)) == .started)
        #expect(status(3, .init(decided: 0, outstanding: 3, oldestOutstandingDays: 1)) == .started)
        #expect(status(nil, keepingUp) == .noInformation)
        let behind = SelfAssessment(monitoring: Self.monitored, analysts: 3, intelligenceReceived: nil,
                                    capacity: .init(decided: 2, outstanding: 40, oldestOutstandingDays: 30))
        #expect(behind.reasons[.ccuReview] == "3 analysts are configured; 2 alerts have recorded decisions and 40 wait, "
                + "the oldest for 30 days (more than 14)")
        let slipping = SelfAssessment.Capacity(decided: 12, outstanding: 0, oldestOutstandingDays: nil,
                                               overdueSafeguarding: 2, overdueReferrals: 1)
        #expect(status(3, slipping) == .started)
        #expect(SelfAssessment(monitoring: Self.monitored, analysts: 3, intelligenceReceived: nil, capacity: slipping)
            .reasons[.ccuReview]?.hasSuffix("; 2 safeguarding actions are overdue and 1 IOPC referral is overdue") == true)
    }
    @Test("support organisations: in place only with every active relationship recent and intelligence received")
    func partnerships() {
        func status(_ register: SelfAssessment.Partnerships?, _ received: Int?) -> ElementStatus {
            SelfAssessment(monitoring: Self.monitored, analysts: nil, intelligenceReceived: received,
                           partnerships: register).statuses.supportOrganisations
        }
        #expect(status(.init(active: 3, engagedRecently: 3, periodDays: 90), 2) == .inPlace)
        #expect(status(.init(active: 3, engagedRecently: 2, periodDays: 90), 2) == .started)
        #expect(status(.init(active: 3, engagedRecently: 3, periodDays: 90, reportsOverdue: 1), 2) == .started)
        #expect(status(.init(active: 3, engagedRecently: 3, periodDays: 90), 0) == .started)
        #expect(status(.init(active: 0, engagedRecently: 0, periodDays: 90), 1) == .started)
        #expect(status(.init(active: 0, engagedRecently: 0, periodDays: 90), 0) == .noEvidence)
        #expect(status(nil, nil) == .noEvidence)
        let engaged = SelfAssessment(monitoring: Self.monitored, analysts: nil, intelligenceReceived: 2,
                                     partnerships: .init(active: 3, engagedRecently: 2, periodDays: 90))
        #expect(engaged.reasons[.supportOrganisations]
            == "3 active organisations in the register, 2 engaged within 90 days; 2 reports from support organisations recorded as intelligence")
    }
}
