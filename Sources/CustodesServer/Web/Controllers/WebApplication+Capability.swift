import CustodesStore
import Hummingbird

/// The head of unit's view of the force's capability: the same report as `custodes capability`, from the live store,
/// with the unit's own triage figures, so the force can answer an inspection with facts.
extension WebApplication {
    func addCapabilityRoutes(to router: Router<WebContext>) {
        router.get("/capability") { request, context in
            let user = try context.requireUser([.headOfUnit])
            let analysts = try QueryNumber.integer("analysts", in: request, range: 0...1_000)
            let hours = try QueryNumber.decimal("hours", in: request, range: 0...10_000)
            try await audit("view_capability", by: user.username, detail: request.uri.query ?? "")
            let now = settings.now()
            let figures = try await CapabilityFigures.gather(from: database, asOf: now, now: now)
            return page(.init(title: "Capability", template: "capability", context: [
                "report": CapabilityReport.text(figures, analysts: analysts, hoursPerWeek: hours, now: now),
                "analysts": analysts.map(String.init) ?? "", "hours": hours.map { String(format: "%g", $0) } ?? "",
            ]), request, context)
        }
    }
}
