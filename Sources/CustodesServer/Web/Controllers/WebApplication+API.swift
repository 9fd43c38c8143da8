import CustodesModel
import CustodesStore
import Foundation
import Hummingbird

/// The JSON API for the same resources as the pages (documented in docs/openapi.yaml), under the same session,
/// roles, need-to-know and trail. Staff appear by pseudonym only; revealing is done on the alert's page.
extension WebApplication {
    struct AlertSummaryJSON: Encodable {
        var id: Int64
        var staff_pseudonym: String
        var score: Double
        var opened_at: String
        var indicators: [String]
        var station: String
        var state: String
        var status: String
        var assignee: String?
    }

    struct AlertListJSON: Encodable {
        var total: Int
        var page: Int
        var alerts: [AlertSummaryJSON]
    }

    struct AlertJSON: Encodable {
        var id: Int64
        var staff_pseudonym: String
        var score: Double
        var opened_at: String
        var state: String
        var status: String
        var assignee: String?
        var why: String
        var indicators: [String]
        var evidence_count: Int
        var decisions: [DecisionJSON]
    }

    struct DecisionJSON: Encodable {
        var outcome: String
        var rationale: String
        var by: String
        var at: String
    }

    struct TrailEntryJSON: Encodable {
        var seq: Int64
        var at: String
        var username: String
        var action: String
        var subject: String
        var detail: String
        var previous_hash: String
        var entry_hash: String
    }

    struct TrailJSON: Encodable {
        var total: Int
        var page: Int
        var chain_intact: Bool
        var entries: [TrailEntryJSON]
    }

    func addAPIRoutes(to router: Router<WebContext>) {
        router.get("/api/v1/trail") { request, context in
            let user = try context.requireUser(Self.trailRoles)
            let page = try QueryNumber.page(request)
            try await audit("api_trail", by: user.username, detail: request.uri.query ?? "")
            var view = TrailView(viewer: user, database: database)
            let (entries, total) = try await view.entries(matching: try Self.trailFilter(request), limit: 100,
                                                          offset: (page - 1) * 100)
            let intact = if case .intact = try await trailCheck.verify(database, sealedWith: trailSeal, now: settings.now()).0 { true } else { false }
            return JSONBody.response(TrailJSON(total: total, page: page, chain_intact: intact, entries: entries.map {
                TrailEntryJSON(seq: $0.seq, at: Timestamp(seconds: $0.at).iso8601, username: $0.username,
                               action: $0.action, subject: $0.subject, detail: $0.detail,
                               previous_hash: $0.previousHash, entry_hash: $0.entryHash)
            }))
        }
        router.get("/api/v1/alerts") { request, context in
            let user = try context.requireUser(Self.caseRoles)
            let query = try Self.queueQuery(request)
            let result = try await AlertQueue.page(query, visibility: try await needToKnow.visibility(for: user),
                                                   in: database)
            try await audit("api_alerts", by: user.username, detail: request.uri.query ?? "")
            return JSONBody.response(AlertListJSON(total: result.total, page: query.page, alerts: result.rows.map {
                AlertSummaryJSON(id: $0.alertID, staff_pseudonym: $0.pseudonym, score: $0.score,
                                 opened_at: Timestamp(seconds: $0.openedAt).iso8601, indicators: $0.indicators,
                                 station: $0.station, state: $0.state.rawValue, status: $0.status, assignee: $0.assignee)
            }))
        }
        router.get("/api/v1/alerts/{id}") { _, context in
            let user = try context.requireUser(Self.caseRoles)
            let record = try await visibleAlert(context, user: user)
            let detail = try AlertDetail.decode(record.detail)
            try await audit("api_alert", by: user.username, subject: "alert \(record.alertID)")
            let decisions = try await AlertCasework.decisions(key: record.key, in: database)
            return JSONBody.response(AlertJSON(
                id: record.alertID, staff_pseudonym: record.pseudonym, score: record.score,
                opened_at: Timestamp(seconds: record.openedAt).iso8601, state: record.state.rawValue,
                status: record.status, assignee: record.assignee, why: detail.why,
                indicators: detail.contributions.map(\.indicator), evidence_count: detail.evidence_count,
                decisions: decisions.map {
                    DecisionJSON(outcome: $0.outcome.rawValue, rationale: $0.rationale, by: $0.username,
                                 at: Timestamp(seconds: $0.at).iso8601)
                }))
        }
    }
}
