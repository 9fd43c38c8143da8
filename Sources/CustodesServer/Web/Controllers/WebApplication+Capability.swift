import CustodesAssurance
import CustodesModel
import CustodesStore
import Foundation
import Hummingbird

/// The head of unit's dashboard: the backlog and how long it has waited, alerts raised and decided week by week,
/// each person's throughput, the outcomes, and the self-assessment the inspectorate would read, from the live store.
/// The unit's capacity (analysts, hours) is a setting the head of unit saves, with who changed it and when, and the
/// console's `custodes capability` report is one click away as text.
extension WebApplication {
    func addCapabilityRoutes(to router: Router<WebContext>) {
        router.get("/capability") { request, context in try await capabilityPage(request, context, errors: [:]) }
        router.post("/capability/settings") { request, context in try await changeCapacity(request, context) }
        router.get("/capability.txt") { request, context in
            let user = try context.requireUser([.headOfUnit])
            try await audit("view_capability", by: user.username, detail: "text report")
            let now = settings.now()
            let (analysts, hours) = try await capacity()
            let figures = try await CapabilityFigures.gather(from: database, asOf: now, now: now,
                                                             visibility: try await needToKnow.visibility(for: user))
            let text = CapabilityReport.text(figures, analysts: analysts, hoursPerWeek: hours, now: now,
                                             unset: ("set it on the capability page", "set them on the capability page"))
            return Response(status: .ok, headers: [
                .contentType: "text/plain; charset=utf-8", .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"capability-\(today.iso).txt\"",
            ], body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
        }
    }

    /// The capacity the head of unit saved: analysts and hours a week, nil where not set.
    func capacity() async throws -> (analysts: Int?, hours: Double?) {
        (try await UnitSettings.setting(UnitSettings.analysts, in: database).flatMap { Int($0.value) },
         try await UnitSettings.setting(UnitSettings.hoursPerWeek, in: database).flatMap { Double($0.value) })
    }

    func capabilityPage(_ request: Request, _ context: WebContext, errors: [String: String],
                        form: Form? = nil) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        if errors.isEmpty { try await audit("view_capability", by: user.username) }
        let now = settings.now()
        let (analysts, hours) = try await capacity()
        let visibility = try await needToKnow.visibility(for: user)
        let figures = try await CapabilityFigures.gather(from: database, asOf: now, now: now, visibility: visibility)
        let workload = try await UnitWorkload.gather(from: database, now: now, visibility: visibility)
        let assessment = CapabilityReport.assessment(figures, analysts: analysts, now: now)
        var values: [String: Any] = [
            "analysts": form?["analysts"] ?? analysts.map(String.init) ?? "",
            "hours": form?["hours"] ?? hours.map { String(format: "%g", $0) } ?? "",
        ]
        for (key, name) in [("analystsChanged", UnitSettings.analysts), ("hoursChanged", UnitSettings.hoursPerWeek)] {
            values[key] = try await UnitSettings.setting(name, in: database)
                .map { "set by \($0.changedBy), \(displayTime($0.changedAt))" } ?? "not set yet"
        }
        values.merge(backlogValues(figures, workload: workload)) { _, new in new }
        values.merge(trendValues(workload)) { _, new in new }
        values["people"] = workload.people.map {
            ["username": $0.username, "recent": $0.recent, "total": $0.total, "comments": $0.comments] as [String: Any]
        }
        values["hasPeople"] = !workload.people.isEmpty
        if let analysts, analysts > 0 {
            let recent = workload.people.reduce(0) { $0 + $1.recent }
            values["perAnalyst"] = String(format: "%.1f", Double(recent) / Double(analysts) / 4)
        }
        values["outcomes"] = workload.outcomes.map {
            ["outcome": DecisionOutcome(rawValue: $0.outcome)?.title ?? $0.outcome, "count": $0.count] as [String: Any]
        }
        values["hasOutcomes"] = !workload.outcomes.isEmpty
        values["elements"] = AssessedElement.allCases.map { element in
            ["title": element.title, "status": assessment.statuses[element].rawValue,
             "positive": assessment.statuses[element] == .inPlace, "reason": assessment.reasons[element] ?? ""] as [String: Any]
        }
        values["findings"] = FindingsParagraph.compose(assessment.statuses, strategy: "the national strategy")
        addErrors(errors, fields: ["analystsError": "analysts", "hoursError": "hours"], to: &values)
        return page(.init(title: "Capability", template: "capability", context: values), request, context,
                    status: errors.isEmpty ? .ok : .badRequest)
    }

    func backlogValues(_ figures: CapabilityFigures, workload: UnitWorkload) -> [String: Any] {
        let triage = figures.triage, work = figures.casework
        return [
            "outstanding": triage.outstanding,
            "oldest": triage.oldestOutstandingSeconds.map(CapabilityReport.duration) ?? "none waiting",
            "medianWait": workload.medianWaitSeconds.map(CapabilityReport.duration) ?? "none waiting",
            "firstTriage": triage.medianSecondsToFirstTriage.map(CapabilityReport.duration) ?? "no alert triaged yet",
            "reportsOverdue": figures.partners.reportsOverdue, "openCases": work.openCases,
            "safeguardingOverdue": work.safeguardingOverdue, "referralsOverdue": work.referralsOverdue,
            "waitingChart": BarChart(id: "waiting-chart", title: "Alerts waiting for a decision, by how long they have waited",
                                     categories: workload.waiting.map(\.label),
                                     series: [.init(name: "Alerts waiting", values: workload.waiting.map(\.count),
                                                    colour: BarChart.blue)]).svg,
            "waiting": workload.waiting.map { ["label": $0.label, "count": $0.count] as [String: Any] },
        ]
    }

    func trendValues(_ workload: UnitWorkload) -> [String: Any] {
        let labels = workload.weeks.map { String(CalendarDate(dayNumber: Int($0.startsAt / 86_400)).iso.dropFirst(5)) }
        return [
            "weeksChart": BarChart(id: "weeks-chart", title: "Alerts raised and decided each week, for the last \(workload.weeks.count) weeks",
                                   categories: labels,
                                   series: [.init(name: "Raised", values: workload.weeks.map(\.raised), colour: BarChart.blue),
                                            .init(name: "Decided", values: workload.weeks.map(\.decided), colour: BarChart.grey)]).svg,
            "weeks": workload.weeks.map {
                ["starts": CalendarDate(dayNumber: Int($0.startsAt / 86_400)).iso, "raised": $0.raised, "decided": $0.decided] as [String: Any]
            },
            "weekCount": workload.weeks.count,
        ]
    }

    /// Saves the unit's capacity: whole analysts from 0 to 1,000 and hours a week from 0 to 10,000; each change is
    /// kept with who made it and when, and is in the trail.
    func changeCapacity(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.requireUser([.headOfUnit])
        let form = try await Form.read(request, context: context)
        var errors: [String: String] = [:]
        let analystsText = form.trimmed("analysts"), hoursText = form.trimmed("hours")
        let analysts = Int(analystsText)
        if analysts == nil || !(0...1_000).contains(analysts!) {
            errors["analystsError"] = "Enter the number of analysts as a whole number from 0 to 1,000, like 3"
        }
        let hours = Double(hoursText)
        if hours == nil || !hours!.isFinite || !(0...10_000).contains(hours!) {
            errors["hoursError"] = "Enter the hours a week as a number from 0 to 10,000, like 37.5"
        }
        guard errors.isEmpty, let analysts, let hours else {
            return try await capabilityPage(request, context, errors: errors, form: form)
        }
        for (name, value) in [(UnitSettings.analysts, String(analysts)), (UnitSettings.hoursPerWeek, String(format: "%g", hours))]
        where try await UnitSettings.setting(name, in: database)?.value != value {
            try await UnitSettings.set(name, to: value, by: user.username, at: settings.now(), in: database)
            try await audit("setting_change", by: user.username, subject: name, detail: value)
        }
        return redirect("/capability")
    }
}
