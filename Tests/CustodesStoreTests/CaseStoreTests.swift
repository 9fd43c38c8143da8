import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

/// Cases on both engines: the IOPC referral rule and its boundary, the gates on status (referral, outcome, open
/// safeguarding), the dashboard's due safeguarding, need-to-know and the timeline.
@Suite("Cases in the store")
struct CaseStoreTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test("days: only real ones parse, and adding crosses months, years and leap days")
    func days() {
        #expect(CalendarDate(iso: "2025-13-45") == nil && CalendarDate(iso: "2026-02-29") == nil && CalendarDate(iso: "2026-1-01") == nil)
        #expect(CalendarDate(iso: "２０２６-01-01") == nil && CalendarDate(iso: "2026-01-01 ") == nil)
        #expect(CalendarDate(iso: "2028-02-29") != nil)
        #expect(Self.day("2026-12-31").adding(days: 1) == Self.day("2027-01-01"))
        #expect(Self.day("2028-02-28").adding(days: 1) == Self.day("2028-02-29"))
        #expect(Self.day("2027-03-01").adding(days: -1) == Self.day("2027-02-28"))
    }

    @Test("a referral is due by the end of the day after the matter became clear, in the force's own days")
    func referralBoundary() {
        let rule = ReferralRule()
        let clear = Self.day("2026-03-01")
        #expect(rule.standing(mandatory: true, becameClear: clear, sentOn: nil, today: Self.day("2026-03-01"))
            == .due(lastDay: Self.day("2026-03-02")))
        #expect(rule.standing(mandatory: true, becameClear: clear, sentOn: nil, today: Self.day("2026-03-02"))
            == .due(lastDay: Self.day("2026-03-02")))
        #expect(rule.standing(mandatory: true, becameClear: clear, sentOn: nil, today: Self.day("2026-03-03"))
            == .overdue(lastDay: Self.day("2026-03-02")))
        #expect(rule.standing(mandatory: true, becameClear: clear, sentOn: Self.day("2026-03-02"),
                              today: Self.day("2026-04-01")) == .sentOnTime(Self.day("2026-03-02")))
        #expect(rule.standing(mandatory: true, becameClear: clear, sentOn: Self.day("2026-03-03"),
                              today: Self.day("2026-04-01"))
            == .sentLate(Self.day("2026-03-03"), lastDay: Self.day("2026-03-02")))
        #expect(rule.standing(mandatory: false, becameClear: clear, sentOn: nil, today: Self.day("2026-04-01"))
            == .notRequired)
        // 23:30 UTC on 1 July is already 2 July in London (summer time); in winter the two agree.
        #expect(rule.day(at: 1_782_948_600) == Self.day("2026-07-02"))
        #expect(rule.day(at: 1_767_310_200) == Self.day("2026-01-01"))
    }

    static func openCase(_ database: StoreDatabase, apsp: Bool = true,
                         investigator: String? = "ivy") async throws -> (Int64, AlertQueue.Row) {
        let alert = try #require(try await TriageStoreTests.scored(database).first)
        let staffID = try #require(try await AlertCasework.record(id: alert.alertID, in: database)).staffID
        let caseID = try await CaseStore.open(
            .init(title: "Contact with a victim after a case closed", subjectStaffID: staffID, apsp: apsp,
                  becameClearOn: Self.day("2026-03-01"), investigator: investigator, supervisor: "harper",
                  links: [(.alert, String(alert.alertID))]), by: "alex", at: 1_000, in: database)
        return (caseID, alert)
    }

    @Test("abuse of position cannot pass assessment without a referral sent, and cannot be marked not for referral",
          arguments: TestStores.engines)
    func referralGate(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let (caseID, _) = try await Self.openCase(database)
            await #expect(throws: CaseError.referralRequired) {
                try await CaseStore.changeStatus(caseID, to: .investigation, rationale: "enough to investigate",
                                                 by: "harper", at: 1_001, in: database)
            }
            await #expect(throws: CaseError.referralMandatory) {
                try await CaseStore.recordReferral(caseID, decision: .notRequired, rationale: "minor", sentOn: nil,
                                                   iopcReference: nil, by: "harper", at: 1_002, in: database)
            }
            try await CaseStore.recordReferral(caseID, decision: .referred, rationale: "mandatory category",
                                               sentOn: Self.day("2026-03-02"), iopcReference: "IOPC-1", by: "harper",
                                               at: 1_003, in: database)
            try await CaseStore.recordIOPCDecision(caseID, mode: .directed, decidedOn: Self.day("2026-03-09"),
                                                   in: database)
            try await CaseStore.changeStatus(caseID, to: .investigation, rationale: "referred; IOPC directs",
                                             by: "harper", at: 1_004, in: database)
            let record = try #require(try await CaseStore.record(caseID, visibility: .init(scope: .all), in: database))
            #expect(record.status == .investigation)
            #expect(try await CaseStore.referrals(of: caseID, in: database).first?.iopcMode == .directed)
            #expect(try await CaseStore.referralSentOn(caseID, in: database) == Self.day("2026-03-02"))

            let (other, _) = try await Self.openCase(database, apsp: false)
            try await CaseStore.recordReferral(other, decision: .notRequired, rationale: "not a mandatory category",
                                               sentOn: nil, iopcReference: nil, by: "harper", at: 1_005, in: database)
            try await CaseStore.changeStatus(other, to: .investigation, rationale: "local matter", by: "harper",
                                             at: 1_006, in: database)
        }
    }

    @Test("a case closes only with an outcome, and with open safeguarding only for a recorded reason",
          arguments: TestStores.engines)
    func closing(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let (caseID, _) = try await Self.openCase(database, apsp: false)
            let victim = try await CaseStore.addVictim(caseID, person: "PSN-victim", description: "the victim",
                                                       riskLevel: .high, organisation: "a refuge", consent: .given,
                                                       by: "ivy", at: 1_001, in: database)
            let action = try await CaseStore.addAction(caseID, victimID: victim, kind: .safeguarding,
                                                       description: "agree a safety plan with her support worker",
                                                       owner: "ivy", dueOn: Self.day("2026-03-04"), by: "ivy",
                                                       at: 1_002, in: database)
            await #expect(throws: CaseError.noSuchVictim) {
                try await CaseStore.addAction(caseID, victimID: 999_999, kind: .safeguarding, description: "x",
                                              owner: "ivy", dueOn: Self.day("2026-03-04"), by: "ivy", at: 1_002,
                                              in: database)
            }
            await #expect(throws: CaseError.outcomeRequired) {
                try await CaseStore.changeStatus(caseID, to: .closed, rationale: "done", by: "harper", at: 1_003,
                                                 in: database)
            }
            try await CaseStore.recordOutcome(caseID, outcome: .finalWrittenWarning, on: Self.day("2026-05-01"),
                                              rationale: "misconduct meeting", in: database)
            await #expect(throws: CaseError.openSafeguardingNeedsReason(open: 1)) {
                try await CaseStore.changeStatus(caseID, to: .closed, rationale: "done", closeReason: "",
                                                 by: "harper", at: 1_004, in: database)
            }
            try await CaseStore.changeStatus(caseID, to: .closed, rationale: "outcome given",
                                             closeReason: "the support service now holds the safety plan",
                                             by: "harper", at: 1_005, in: database)
            let closed = try #require(try await CaseStore.record(caseID, visibility: .init(scope: .all), in: database))
            #expect(closed.status == .closed && closed.closedAt == 1_005)
            #expect(closed.closeReason == "the support service now holds the safety plan")

            try await CaseStore.changeStatus(caseID, to: .investigation, rationale: "new concerns", by: "harper",
                                             at: 1_006, in: database)
            try await CaseStore.finishAction(caseID, actionID: action, status: .done, note: "plan agreed", by: "ivy",
                                             at: 1_007, in: database)
            await #expect(throws: CaseError.noSuchAction) {
                try await CaseStore.finishAction(caseID, actionID: action, status: .done, note: "", by: "ivy",
                                                 at: 1_008, in: database)
            }
            try await CaseStore.changeStatus(caseID, to: .closed, rationale: "closed again", by: "harper", at: 1_009,
                                             in: database)
            #expect(try await CaseStore.statusChanges(of: caseID, in: database).map(\.to)
                == [.closed, .investigation, .closed])
        }
    }

    @Test("the dashboard lists safeguarding due by tomorrow or overdue, on cases the user may see",
          arguments: TestStores.engines)
    func dueSafeguarding(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let (caseID, _) = try await Self.openCase(database)
            for (due, kind) in [("2026-03-09", ActionKind.safeguarding), ("2026-03-10", .safeguarding),
                                ("2026-03-11", .safeguarding), ("2026-03-12", .safeguarding), ("2026-03-08", .task)] {
                try await CaseStore.addAction(caseID, victimID: nil, kind: kind, description: "due \(due)",
                                              owner: "ivy", dueOn: Self.day(due), by: "ivy", at: 1, in: database)
            }
            let done = try await CaseStore.addAction(caseID, victimID: nil, kind: .safeguarding, description: "done",
                                                     owner: "ivy", dueOn: Self.day("2026-03-01"), by: "ivy", at: 1,
                                                     in: database)
            try await CaseStore.finishAction(caseID, actionID: done, status: .done, note: "", by: "ivy", at: 2,
                                             in: database)
            let due = try await CaseStore.dueSafeguarding(visibility: .init(scope: .assignedTo("ivy")),
                                                          today: Self.day("2026-03-10"), in: database)
            #expect(due.map(\.action.description) == ["due 2026-03-09", "due 2026-03-10", "due 2026-03-11"])
            #expect(due.map(\.overdue) == [true, false, false])
            #expect(due.first?.caseReference == CaseRecord.reference(caseID))
            #expect(try await CaseStore.dueSafeguarding(visibility: .init(scope: .assignedTo("someone-else")),
                                                        today: Self.day("2026-03-10"), in: database).isEmpty)
        }
    }

    @Test("need-to-know over cases: own work, never about oneself or an associate", arguments: TestStores.engines)
    func visibility(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let (caseID, alert) = try await Self.openCase(database)
            let record = try #require(try await CaseStore.record(caseID, visibility: .init(scope: .all), in: database))
            func sees(_ visibility: AlertQueue.Visibility) async throws -> Bool {
                try await CaseStore.record(caseID, visibility: visibility, in: database) != nil
            }
            #expect(try await sees(.init(scope: .assignedTo("ivy"))))
            #expect(try await sees(.init(scope: .assignedTo("harper"))))
            #expect(try await sees(.init(scope: .unassignedOrAssignedTo("alex"))))
            #expect(!(try await sees(.init(scope: .assignedTo("nobody")))))
            #expect(!(try await sees(.init(scope: .all, hiddenStaff: [record.subjectStaffID]))))
            let person = try #require(try await database.sql.raw(
                "SELECT pseudonym FROM alert_people WHERE alert_key = \(bind: alert.key)").first()?
                .decode(column: "pseudonym", as: String.self))
            #expect(!(try await sees(.init(scope: .all, hiddenPeople: [person]))))
            try await CaseStore.addVictim(caseID, person: "PSN-associate", description: "", riskLevel: .medium,
                                          organisation: "", consent: .notAsked, by: "ivy", at: 2, in: database)
            #expect(!(try await sees(.init(scope: .all, hiddenPeople: ["PSN-associate"]))))
            #expect(try await CaseStore.cases(linkedTo: .alert, target: String(alert.alertID),
                                              visibility: .init(scope: .all), in: database).map(\.caseID) == [caseID])
        }
    }

    @Test("the timeline puts the alert, intelligence and the case's own events in time order",
          arguments: TestStores.engines)
    func timeline(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let (caseID, alert) = try await Self.openCase(database)
            let item = try await IntelligenceLog.record(.init(sourceKind: .alert, sourceDescription: "alert",
                                                              originalText: "o", sanitisedText: "s"),
                                                        by: "alex", at: 900, in: database)
            #expect(try await CaseStore.link(caseID, kind: .intelligence, target: String(item), by: "alex", at: 1_001,
                                             in: database))
            try await CaseStore.addNote(caseID, body: "Spoke to the supervisor.", by: "ivy", at: 1_002, in: database)
            try await CaseStore.assess(caseID, severity: .grossMisconduct, proceedings: .hearing,
                                       rationale: "pattern over months", by: "harper", at: 1_003, in: database)
            try await CaseStore.addMeasure(caseID, kind: .removalOfSystemAccess, startedOn: Self.day("2026-03-02"),
                                           reviewOn: Self.day("2026-04-02"), rationale: "protect the victims",
                                           by: "harper", at: 1_004, in: database)
            let record = try #require(try await CaseStore.record(caseID, visibility: .init(scope: .all), in: database))
            let entries = try await CaseStore.timeline(of: record, visibility: .init(scope: .all), in: database)
            #expect(entries.map(\.at) == entries.map(\.at).sorted())
            let text = entries.map(\.what)
            #expect(text.contains("Alert \(alert.alertID) opened (risk \(String(format: "%.1f", alert.score)))"))
            #expect(text.contains("Intelligence \(IntelligenceItem.reference(item)) recorded (not graded)"))
            #expect(text.contains("Note: Spoke to the supervisor."))
            #expect(text.contains { $0.hasPrefix("Severity assessed: Gross misconduct, misconduct hearing") })
            #expect(text.contains { $0.hasPrefix("Interim measure: Removal of system access from 2026-03-02") })
        }
    }
    @Test("the unit's figures: where cases began, steps timed, safeguarding and referrals overdue, outcomes",
          arguments: TestStores.engines)
    func caseworkFigures(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let (fromAlert, _) = try await Self.openCase(database)   // APSP, became clear 2026-03-01
            let staffID = try #require(try await CaseStore.record(fromAlert, visibility: .init(scope: .all),
                                                                   in: database)).subjectStaffID
            let partnerItem = try await IntelligenceLog.record(
                .init(sourceKind: .partnerReport, sourceDescription: "a refuge", originalText: "o", sanitisedText: "s"),
                by: "alex", at: 2_000, in: database)
            try await IntelligenceLog.grade(partnerItem, try Grading(source: .untested, assessment: .knownDirectly,
                                                                      handling: .permitted, conditions: nil),
                                            reason: "", by: "alex", at: 2_001, in: database)
            let fromPartner = try await CaseStore.open(
                .init(title: "From a refuge", subjectStaffID: staffID, apsp: true, becameClearOn: Self.day("2026-03-05"),
                      links: [(.intelligence, String(partnerItem))]), by: "alex", at: 2_000 + 3 * 86_400, in: database)
            let otherItem = try await IntelligenceLog.record(
                .init(sourceKind: .internalReport, sourceDescription: "a colleague", originalText: "o", sanitisedText: "s"),
                by: "alex", at: 3_000, in: database)
            let fromColleague = try await CaseStore.open(
                .init(title: "From a colleague", subjectStaffID: staffID, apsp: true, becameClearOn: Self.day("2026-03-08"),
                      links: [(.intelligence, String(otherItem))]), by: "alex", at: 3_000 + 86_400, in: database)
            try await CaseStore.recordReferral(fromAlert, decision: .referred, rationale: "r", sentOn: Self.day("2026-03-02"),
                                               iopcReference: nil, by: "h", at: 1, in: database)
            try await CaseStore.recordReferral(fromPartner, decision: .referred, rationale: "r",
                                               sentOn: Self.day("2026-03-09"), iopcReference: nil, by: "h", at: 1,
                                               in: database)
            try await CaseStore.addAction(fromColleague, victimID: nil, kind: .safeguarding, description: "late",
                                          owner: "ivy", dueOn: Self.day("2026-03-09"), by: "ivy", at: 1, in: database)
            try await CaseStore.addAction(fromColleague, victimID: nil, kind: .safeguarding, description: "today",
                                          owner: "ivy", dueOn: Self.day("2026-03-10"), by: "ivy", at: 1, in: database)
            try await CaseStore.recordOutcome(fromAlert, outcome: .dismissal, on: Self.day("2026-06-01"), rationale: "r",
                                              in: database)

            let figures = try await CaseworkFigures.gather(from: database, today: Self.day("2026-03-10"))
            #expect(figures.cases == 3 && figures.openCases == 3)
            #expect(figures.fromMonitoring == 1 && figures.fromPartners == 1 && figures.fromOtherSources == 1)
            #expect(figures.intelligenceItems == 2 && figures.intelligenceGraded == 1 && figures.partnerIntelligence == 1)
            #expect(figures.medianDaysIntelligenceToCase == 1)
            #expect(figures.safeguardingOpen == 2 && figures.safeguardingOverdue == 1)
            #expect(figures.referralsRequired == 3 && figures.referralsOnTime == 1 && figures.referralsLate == 1
                    && figures.referralsOverdue == 1)
            #expect(figures.outcomes == [.dismissal: 1])
        }
    }
}
