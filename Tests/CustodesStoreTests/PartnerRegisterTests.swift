import CustodesModel
import CustodesStore
import CustodesTestSupport
import Foundation
import SQLKit
import Testing

/// The partner register on both engines: organisations of a kind from the vocabulary (which the unit extends),
/// contacts kept when they leave, the engagement log and the last contact, intelligence counted per organisation,
/// and the unit's settings with who changed them.
@Suite("Partner register in the store")
struct PartnerRegisterTests {
    @Test("organisations, contacts, engagement and the intelligence recorded from them", arguments: TestStores.engines)
    func register(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            await #expect(throws: PartnerRegister.RegisterError.unknownKind) {
                _ = try await PartnerRegister.add(name: "X", kind: "no_such_kind", area: "North", liaison: nil,
                                                  by: "pat", at: 1, in: database)
            }
            let key = try await PartnerRegister.addKind(title: "Veterans' charity", in: database)
            #expect(key == "veterans_charity")
            await #expect(throws: PartnerRegister.RegisterError.kindExists) {
                try await PartnerRegister.addKind(title: "Veterans charity", in: database)
            }
            let refuge = try await PartnerRegister.add(name: "A refuge", kind: "domestic_abuse", area: "North",
                                                       liaison: "pat", by: "pat", at: 1, in: database)
            let veterans = try await PartnerRegister.add(name: "Veterans together", kind: key, area: "South",
                                                         liaison: nil, by: "pat", at: 2, in: database)
            let contact = try await PartnerRegister.addContact(refuge, name: "A. Worker", role: "Manager",
                                                               reach: "by phone", by: "pat", at: 3, in: database)
            try await PartnerRegister.removeContact(refuge, contactID: contact, at: 4, in: database)
            await #expect(throws: PartnerRegister.RegisterError.noSuchContact) {
                try await PartnerRegister.removeContact(veterans, contactID: contact, at: 5, in: database)
            }
            #expect(try await PartnerRegister.contacts(of: refuge, in: database).isEmpty)
            for day in ["2026-01-05", "2026-03-01", "2026-02-10"] {
                try await PartnerRegister.recordEngagement(refuge, kind: .meeting, on: CalendarDate(iso: day)!,
                                                           summary: "met", reviewOn: nil, by: "pat", at: 6, in: database)
            }
            try await PartnerRegister.recordEngagement(refuge, kind: .agreement, on: CalendarDate(iso: "2026-02-01")!,
                                                       summary: "information-sharing agreement",
                                                       reviewOn: CalendarDate(iso: "2027-02-01"), by: "pat", at: 7,
                                                       in: database)
            let item = try await IntelligenceLog.record(
                .init(sourceKind: .partnerReport, sourceDescription: "a refuge worker", originalText: "o",
                      sanitisedText: "s", links: [(.organisation, String(refuge))]), by: "pat", at: 8, in: database)
            #expect(item > 0)
            await #expect(throws: IntelligenceError.noSuchTarget(.organisation, "999")) {
                try await IntelligenceLog.link(item, kind: .organisation, target: "999", by: "pat", at: 9, in: database)
            }
            let organisations = try await PartnerRegister.organisations(in: database)
            #expect(organisations.map(\.name) == ["A refuge", "Veterans together"])
            #expect(organisations[0].lastContact == CalendarDate(iso: "2026-03-01"))
            #expect(organisations[0].intelligence == 1 && organisations[1].intelligence == 0)
            #expect(organisations[1].lastContact == nil)
            #expect(try await PartnerRegister.engagements(of: refuge, in: database).map(\.onDay.iso)
                == ["2026-03-01", "2026-02-10", "2026-02-01", "2026-01-05"])
            try await PartnerRegister.update(veterans, name: "Veterans together", kind: key, area: "South",
                                             status: .paused, liaison: "pat", at: 10, in: database)
            #expect(try await PartnerRegister.organisation(veterans, in: database)?.status == .paused)
        }
    }

    @Test("unit settings keep who changed them", arguments: TestStores.engines)
    func settings(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            #expect(try await UnitSettings.overdueDays(in: database) == 90)
            try await UnitSettings.set(UnitSettings.engagementOverdueDays, to: "60", by: "pat", at: 1, in: database)
            try await UnitSettings.set(UnitSettings.engagementOverdueDays, to: "45", by: "harper", at: 2, in: database)
            #expect(try await UnitSettings.overdueDays(in: database) == 45)
            let setting = try #require(try await UnitSettings.setting(UnitSettings.engagementOverdueDays, in: database))
            #expect(setting.changedBy == "harper" && setting.changedAt == 2)
        }
    }
    @Test("the portal's figures are counted in the database: reports, those recorded as intelligence, those overdue",
          arguments: TestStores.engines)
    func portalCounts(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            #expect(try await PortalReports.counts(today: CalendarDate(iso: "2026-03-10")!, in: database) == (0, 0, 0))
            func add(_ lookup: String, acknowledgeBy: String, assessBy: String) async throws -> Int64 {
                try await PortalReports.add(.init(lookup: lookup, receiptHash: "x", channel: .anonymous, receivedAt: 0,
                                                  wraps: [.init(recipient: ReportKeys.deployment, publicKey: "", wrappedKey: "k")], sealedAnswers: "s",
                                                  acknowledgeBy: CalendarDate(iso: acknowledgeBy)!,
                                                  assessBy: CalendarDate(iso: assessBy)!), in: database)
            }
            _ = try await add("unacknowledged-late", acknowledgeBy: "2026-03-09", assessBy: "2026-03-20")
            let acknowledged = try await add("acknowledged-late", acknowledgeBy: "2026-03-01", assessBy: "2026-03-09")
            try await PortalReports.acknowledge(acknowledged, by: "alex", at: 1, in: database)
            let assessed = try await add("assessed", acknowledgeBy: "2026-03-01", assessBy: "2026-03-02")
            try await PortalReports.assess(assessed, assessment: "done", by: "alex", at: 2, in: database)
            try await PortalReports.setIntelligence(assessed, itemID: 1, in: database)
            _ = try await add("on-time", acknowledgeBy: "2026-03-10", assessBy: "2026-03-20")
            let counts = try await PortalReports.counts(today: CalendarDate(iso: "2026-03-10")!, in: database)
            #expect(counts == (4, 1, 2))
        }
    }

    @Test("invitations redeemed once even when raced, withdrawn and expired ones refused, accounts disabled, attempts counted and locked",
          arguments: TestStores.engines)
    func partnerAccounts(engine: DatabaseURL.Engine) async throws {
        try await TestStores.withStore(engine) { database, _ in
            let organisationID = try await PartnerRegister.add(name: "Drop-in", kind: "homelessness", area: "South",
                                                               liaison: nil, by: "pat", at: 1, in: database)
            func account(_ username: String) -> PartnerAccounts.NewAccount {
                .init(username: username, displayName: username, passwordHash: "h", sealedTOTPSecret: "t",
                      publicKey: "p-" + username, sealedPrivateKey: "s")
            }
            let open = try await PartnerAccounts.issue(organisationID: organisationID, codeHash: "a", by: "pat", at: 10,
                                                       expiresAt: 1_000, in: database)
            // Two workers race with one code: one account, one refusal.
            let results = await withTaskGroup(of: Bool.self) { group in
                for name in ["first", "second"] {
                    group.addTask {
                        (try? await PartnerAccounts.redeem(open, account: account(name), at: 20, in: database)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            let invitation = try #require(try await PartnerAccounts.invitation(codeHash: "a", in: database))
            #expect(invitation.redeemedAt == 20 && invitation.accountID != nil && !invitation.isOpen(at: 21))
            // A taken username is refused and the invitation stays open for another try.
            let another = try await PartnerAccounts.issue(organisationID: organisationID, codeHash: "b", by: "pat", at: 10,
                                                          expiresAt: 1_000, in: database)
            let made = try #require(try await PartnerAccounts.accounts(of: organisationID, in: database).first)
            await #expect(throws: PartnerAccounts.Failure.usernameTaken) {
                _ = try await PartnerAccounts.redeem(another, account: account(made.username), at: 30, in: database)
            }
            #expect(try await PartnerAccounts.invitation(codeHash: "b", in: database)?.isOpen(at: 31) == true)
            // Withdrawn and expired invitations cannot be redeemed.
            #expect(try await PartnerAccounts.withdraw(another, organisationID: organisationID, by: "pat", at: 40, in: database))
            #expect(!(try await PartnerAccounts.withdraw(another, organisationID: organisationID, by: "pat", at: 41, in: database)))
            await #expect(throws: PartnerAccounts.Failure.invitationClosed) {
                _ = try await PartnerAccounts.redeem(another, account: account("third"), at: 42, in: database)
            }
            let expiring = try await PartnerAccounts.issue(organisationID: organisationID, codeHash: "c", by: "pat", at: 10,
                                                           expiresAt: 50, in: database)
            await #expect(throws: PartnerAccounts.Failure.invitationClosed) {
                _ = try await PartnerAccounts.redeem(expiring, account: account("fourth"), at: 50, in: database)
            }
            // Attempts are counted before they are checked; the sixth of five locks the account until the lock ends.
            for _ in 0..<5 {
                #expect(try await PartnerAccounts.beginAttempt(made.accountID, limit: 5, at: 100, lockUntil: 200, in: database))
            }
            #expect(!(try await PartnerAccounts.beginAttempt(made.accountID, limit: 5, at: 101, lockUntil: 201, in: database)))
            #expect(!(try await PartnerAccounts.beginAttempt(made.accountID, limit: 5, at: 150, lockUntil: 250, in: database)))
            #expect(try await PartnerAccounts.account(id: made.accountID, in: database)?.lockedUntil == 201)
            #expect(try await PartnerAccounts.beginAttempt(made.accountID, limit: 5, at: 202, lockUntil: 300, in: database))
            // A session, then the account disabled: its session ends.
            try await PartnerAccounts.createSession(tokenHash: "session", accountID: made.accountID, sealedReportKey: nil,
                                                    at: 300, in: database)
            #expect(try await PartnerAccounts.liveSession(tokenHash: "session", at: 301, idle: 900, absolute: 28_800,
                                                          in: database) != nil)
            #expect(try await PartnerAccounts.disable(made.accountID, organisationID: organisationID, by: "pat", at: 302,
                                                      in: database))
            #expect(try await PartnerAccounts.liveSession(tokenHash: "session", at: 303, idle: 900, absolute: 28_800,
                                                          in: database) == nil)
        }
    }
}
