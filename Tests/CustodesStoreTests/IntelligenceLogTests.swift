@testable import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

/// The intelligence log on both engines: 3x5x2 grading rules, gradings kept as history, dissemination only when
/// graded, originals kept apart from what lists return, links checked, and need-to-know over items.
@Suite("Intelligence log in the store")
struct IntelligenceLogTests {
    @Test("a C handling code needs its conditions, and P refuses them")
    func gradingRules() throws {
        #expect(throws: GradingError.conditionsRequired) {
            try Grading(source: .reliable, assessment: .knownDirectly, handling: .conditions, conditions: "  ")
        }
        #expect(throws: GradingError.conditionsWithoutCodeC) {
            try Grading(source: .reliable, assessment: .knownDirectly, handling: .permitted, conditions: "only PSD")
        }
        let graded = try Grading(source: .untested, assessment: .knownIndirectly, handling: .conditions,
                                 conditions: " Not outside professional standards. ")
        #expect(graded.code == "2C C")
        #expect(graded.conditions == "Not outside professional standards.")
        #expect(graded.admiralty == "F3")
        #expect(graded.tlp == "TLP:AMBER+STRICT")
        #expect(try Grading(source: .reliable, assessment: .knownDirectly, handling: .permitted, conditions: nil)
            .admiralty == "B2")
    }

    @Test("record, grade, regrade with a reason, disseminate only once graded", arguments: TestStores.engines)
    func lifecycle(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let alert = try #require(try await TriageStoreTests.scored(database).first)
            let staffID = try #require(try await AlertCasework.record(id: alert.alertID, in: database)).staffID
            let draft = IntelligenceLog.Draft(
                sourceKind: .alert, sourceDescription: "alert \(alert.alertID)",
                originalText: "Reported by the duty sergeant, named in the original only.",
                sanitisedText: "A member of staff looked up a victim after the case closed.", subjectStaffID: staffID,
                links: [(.alert, String(alert.alertID)), (.person, "PSN-0000")])
            let id = try await IntelligenceLog.record(draft, by: "alex", at: 100, in: database)

            let seen = try #require(try await IntelligenceLog.item(id, visibility: .init(scope: .all), in: database))
            #expect(seen.sanitisedText == draft.sanitisedText && seen.grading == nil)
            #expect(try await IntelligenceLog.original(of: id, in: database) == draft.originalText)

            await #expect(throws: IntelligenceError.notGraded) {
                _ = try await IntelligenceLog.disseminate(id, to: "IOPC", purpose: "referral", by: "harper", at: 101,
                                                          in: database)
            }
            let first = try Grading(source: .untested, assessment: .knownIndirectly, handling: .permitted,
                                    conditions: nil)
            try await IntelligenceLog.grade(id, first, reason: "", by: "alex", at: 102, in: database)
            let second = try Grading(source: .reliable, assessment: .knownIndirectlyCorroborated,
                                     handling: .conditions, conditions: "Not to the member of staff's line manager")
            for reason in ["", "ok"] {
                await #expect(throws: IntelligenceError.regradeNeedsReason) {
                    try await IntelligenceLog.grade(id, second, reason: reason, by: "harper", at: 103, in: database)
                }
            }
            try await IntelligenceLog.grade(id, second, reason: "corroborated by the audit log", by: "harper",
                                            at: 104, in: database)
            let history = try await IntelligenceLog.gradings(of: id, in: database)
            #expect(history.map(\.grading) == [first, second])
            #expect(history.map(\.gradedBy) == ["alex", "harper"])
            #expect(history.last?.reason == "corroborated by the audit log")

            let shared = try await IntelligenceLog.disseminate(id, to: "IOPC", purpose: "referral", by: "harper",
                                                               at: 105, in: database)
            #expect(shared.grading == "1B C" && shared.conditions == "Not to the member of staff's line manager")
            #expect(try await IntelligenceLog.disseminations(of: id, in: database) == [shared])

        }
    }

    @Test("links are checked and recorded once", arguments: TestStores.engines)
    func links(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let alert = try #require(try await TriageStoreTests.scored(database).first)
            let id = try await IntelligenceLog.record(.init(sourceKind: .internalReport, sourceDescription: "a colleague",
                                                            originalText: "o", sanitisedText: "s"),
                                                      by: "alex", at: 1, in: database)
            await #expect(throws: IntelligenceError.noSuchTarget(.occurrence, "OCC-NOPE")) {
                try await IntelligenceLog.link(id, kind: .occurrence, target: "OCC-NOPE", by: "alex", at: 2, in: database)
            }
            await #expect(throws: IntelligenceError.noSuchTarget(.alert, "x1")) {
                try await IntelligenceLog.link(id, kind: .alert, target: "x1", by: "alex", at: 2, in: database)
            }
            await #expect(throws: IntelligenceError.noSuchItem) {
                try await IntelligenceLog.link(999_999, kind: .person, target: "PSN-1", by: "alex", at: 2, in: database)
            }
            #expect(try await IntelligenceLog.link(id, kind: .alert, target: String(alert.alertID), by: "alex", at: 3,
                                                   in: database))
            #expect(!(try await IntelligenceLog.link(id, kind: .alert, target: String(alert.alertID), by: "alex",
                                                     at: 4, in: database)))
            #expect(try await IntelligenceLog.links(of: id, in: database).map(\.kind) == [.alert])
            let linked = try await IntelligenceLog.items(linkedToAlert: alert.alertID, visibility: .init(scope: .all),
                                                         in: database)
            #expect(linked.map(\.itemID) == [id])
        }
    }

    @Test("need-to-know: self, associates, and an investigator's own work", arguments: TestStores.engines)
    func visibility(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let alerts = try await TriageStoreTests.scored(database)
            let alert = try #require(alerts.first)
            let staffID = try #require(try await AlertCasework.record(id: alert.alertID, in: database)).staffID
            let people = try await database.sql.raw(
                "SELECT pseudonym FROM alert_people WHERE alert_key = \(bind: alert.key)").all()
                .map { try $0.decode(column: "pseudonym", as: String.self) }
            let associate = try #require(people.first)

            let aboutStaff = try await IntelligenceLog.record(
                .init(sourceKind: .internalReport, sourceDescription: "a colleague", originalText: "o1",
                      sanitisedText: "s1", subjectStaffID: staffID), by: "alex", at: 1, in: database)
            let viaAlert = try await IntelligenceLog.record(
                .init(sourceKind: .alert, sourceDescription: "alert", originalText: "o2", sanitisedText: "s2",
                      links: [(.alert, String(alert.alertID))]), by: "alex", at: 2, in: database)
            let byInvestigator = try await IntelligenceLog.record(
                .init(sourceKind: .openSource, sourceDescription: "a dating site", originalText: "o3",
                      sanitisedText: "s3"), by: "ivy", at: 3, in: database)

            func visible(_ visibility: AlertQueue.Visibility) async throws -> Set<Int64> {
                Set(try await IntelligenceLog.items(visibility: visibility, in: database).items.map(\.itemID))
            }
            #expect(try await visible(.init(scope: .all)) == [aboutStaff, viaAlert, byInvestigator])
            // The item linked to the alert about them is about them too.
            #expect(try await visible(.init(scope: .all, hiddenStaff: [staffID])) == [byInvestigator])
            #expect(try await visible(.init(scope: .all, hiddenPeople: [associate])) == [aboutStaff, byInvestigator])
            #expect(try await visible(.init(scope: .assignedTo("ivy"))) == [byInvestigator])
            try await AlertCasework.assign(key: alert.key, to: "ivy", at: 4, in: database)
            #expect(try await visible(.init(scope: .assignedTo("ivy"))) == [viaAlert, byInvestigator])
            #expect(try await IntelligenceLog.item(aboutStaff, visibility: .init(scope: .assignedTo("ivy")),
                                                   in: database) == nil)
            let page = try await IntelligenceLog.items(visibility: .init(scope: .all), subjectStaffID: staffID,
                                                       in: database)
            #expect(page.items.map(\.itemID) == [aboutStaff] && page.total == 1)
        }
    }

    @Test("the export carries sanitised, graded items only, with the mapping")
    func export() throws {
        let graded = try Grading(source: .reliable, assessment: .knownDirectly, handling: .permitted, conditions: nil)
        let item = IntelligenceItem(itemID: 7, sourceKind: .alert, sourceDescription: "alert 3",
                                    sanitisedText: "sanitised", subjectStaffID: "S1", recordedBy: "alex", recordedAt: 0,
                                    grading: graded, gradedBy: "alex", gradedAt: 1)
        var ungraded = item
        ungraded.itemID = 8
        ungraded.grading = nil
        let links = [IntelligenceLog.Link(kind: .staff, target: "S1", linkedBy: "alex", linkedAt: 0),
                     IntelligenceLog.Link(kind: .item, target: "8", linkedBy: "alex", linkedAt: 0)]
        let document = IntelligenceExport.document(items: [(item, links), (ungraded, [])], by: "harper", at: 86_400,
                                                   staffPseudonym: { "STF-" + $0 })
        #expect(document.items.count == 1 && document.ungradedNotExported == 1)
        let exported = try #require(document.items.first)
        #expect(exported.reference == "INT-000007" && exported.admiralty == "B2" && exported.tlp == "TLP:AMBER")
        #expect(exported.links == ["staff:STF-S1", "item:INT-000008"])
        let text = String(decoding: try IntelligenceExport.json(document), as: UTF8.self)
        #expect(text.contains("\"exported_at\" : \"1970-01-02T00:00:00Z\""))
        #expect(!text.contains("\"S1\""))
    }
}
