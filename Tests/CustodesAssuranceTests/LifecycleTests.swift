import CustodesAssurance
import CustodesModel
import Testing

/// The overdue listing, always with an injected day.
@Suite struct LifecycleTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static func force(_ slug: String, _ steps: [LifecycleStep: String]) -> ForceFindings {
        ForceFindings(force: slug, statuses: ElementStatuses(all: .started),
                      lifecycle: ForceLifecycle(steps.mapValues { date($0) }))
    }

    let dates: InspectionDates

    init() throws { dates = try SampleInspection.inspection().dates }

    @Test func nothingIsOverdueOnTheDueDayItself() {
        let findings = [Self.force("alpha", [.documentsRequested: "2017-05-16"])]
        #expect(OverdueListing.overdue(findings, dates: dates, today: Self.date("2017-05-31")).isEmpty)
        let late = OverdueListing.overdue(findings, dates: dates, today: Self.date("2017-06-01"))
        #expect(late == [OverdueStep(force: "alpha", step: .submissionReceived, due: Self.date("2017-05-31"), daysOverdue: 1)])
    }

    @Test func onlyEachForcesNextStepIsListedMostOverdueFirst() {
        let findings = [
            Self.force("alpha", [.documentsRequested: "2017-05-16"]),
            Self.force("bravo", [.documentsRequested: "2017-05-16", .submissionReceived: "2017-05-30",
                                 .assessed: "2017-06-20"]),
            Self.force("charlie", [.documentsRequested: "2017-05-16", .submissionReceived: "2017-05-31",
                                   .assessed: "2017-06-21", .letterIssued: "2017-10-02", .published: "2017-10-05"]),
            Self.force("delta", [:]),
            Self.force("echo", [.documentsRequested: "2017-05-16"]),
        ]
        let listing = OverdueListing.overdue(findings, dates: dates, today: Self.date("2017-10-10"))
        #expect(listing.map(\.force) == ["delta", "alpha", "echo", "bravo"])
        #expect(listing.map(\.step) == [.documentsRequested, .submissionReceived, .submissionReceived, .letterIssued])
        #expect(listing.map(\.daysOverdue) == [147, 132, 132, 8])
        #expect(!listing.contains { $0.force == "charlie" })

        let later = OverdueListing.overdue(findings, dates: dates, today: Self.date("2018-10-01"))
        let charlie = later.first { $0.force == "charlie" }
        #expect(charlie == OverdueStep(force: "charlie", step: .returnVisit, due: Self.date("2018-09-28"), daysOverdue: 3))
    }

    @Test func aForceThatHasHadItsReturnVisitIsNeverOverdue() {
        var steps: [LifecycleStep: String] = [:]
        for (step, day) in zip(LifecycleStep.allCases, ["2017-05-16", "2017-05-31", "2017-06-30", "2017-10-02",
                                                          "2017-10-05", "2018-09-01"]) { steps[step] = day }
        let done = Self.force("alpha", steps)
        #expect(done.lifecycle.nextStep == nil)
        #expect(OverdueListing.overdue([done], dates: dates, today: Self.date("2030-01-01")).isEmpty)
    }

    @Test func submissionsOnTheDeadlineAreOnTimeAndLaterOnesLateByDays() {
        let deadline = Self.date("2017-05-31")
        #expect(Self.force("a", [.submissionReceived: "2017-05-31"]).lifecycle.submissionTimeliness(deadline: deadline) == .onTime)
        #expect(Self.force("a", [.submissionReceived: "2017-05-02"]).lifecycle.submissionTimeliness(deadline: deadline) == .onTime)
        #expect(Self.force("a", [.submissionReceived: "2017-06-02"]).lifecycle.submissionTimeliness(deadline: deadline) == .late(days: 2))
        #expect(Self.force("a", [:]).lifecycle.submissionTimeliness(deadline: deadline) == nil)
    }

    @Test func inconsistentRecordsAreDescribed() {
        let gap = Self.force("a", [.documentsRequested: "2017-05-16", .assessed: "2017-06-10"])
        #expect(gap.lifecycle.inconsistency == "'assessed' is recorded but the earlier step 'submitted' is not")
        let backwards = Self.force("a", [.documentsRequested: "2017-05-16", .submissionReceived: "2017-05-10"])
        #expect(backwards.lifecycle.inconsistency == "'submitted' (2017-05-10) is before 'requested' (2017-05-16)")
        #expect(Self.force("a", [.documentsRequested: "2017-05-16"]).lifecycle.inconsistency == nil)
    }

    @Test func theExampleForcesAreAllWaitingForTheReturnVisit() throws {
        let file = try Examples.findings()
        let inspection = try Examples.inspection()
        #expect(OverdueListing.overdue(file.findings, dates: inspection.dates, today: Self.date("2018-09-28")).isEmpty)
        let overdue = OverdueListing.overdue(file.findings, dates: inspection.dates, today: Self.date("2018-10-28"))
        #expect(overdue.count == 43)
        #expect(overdue.allSatisfy { $0.step == .returnVisit && $0.daysOverdue == 30 })
    }
}

@Suite struct CalendarTests {
    @Test func datesParseValidateAndFormatAsLetters() throws {
        let date = try #require(CalendarDate(iso: "2017-10-02"))
        #expect(date.longForm == "2 October 2017")
        #expect(date.iso == "2017-10-02")
        #expect(CalendarDate(iso: "2017-02-29") == nil)
        #expect(CalendarDate(iso: "2016-02-29") != nil)
        #expect(CalendarDate(iso: "2017-13-01") == nil)
        #expect(CalendarDate(iso: "17-10-02") == nil)
        #expect(CalendarDate(iso: "2017-10-02")!.days(until: CalendarDate(iso: "2018-01-01")!) == 91)
    }

    @Test func assessmentPeriodsReadAsTheLettersDo() throws {
        let june = try #require(AssessmentPeriod(start: CalendarDate(iso: "2017-06-01")!, end: CalendarDate(iso: "2017-06-30")!))
        #expect(june.phrase == "during June 2017")
        let part = try #require(AssessmentPeriod(start: CalendarDate(iso: "2017-06-05")!, end: CalendarDate(iso: "2017-07-12")!))
        #expect(part.phrase == "between 5 June 2017 and 12 July 2017")
        #expect(AssessmentPeriod(start: CalendarDate(iso: "2017-06-05")!, end: CalendarDate(iso: "2017-06-04")!) == nil)
    }

    @Test func theStrategyIsDatedRelativeToTheLetter() {
        let strategy = NationalStrategy(agreedBy: "National Police Chiefs' Council", agreed: CalendarMonth(iso: "2017-04")!)
        #expect(strategy.phrase(relativeTo: CalendarDate(iso: "2017-10-02")!)
                == "the national strategy agreed at the National Police Chiefs' Council in April of this year")
        #expect(strategy.phrase(relativeTo: CalendarDate(iso: "2018-01-15")!)
                == "the national strategy agreed at the National Police Chiefs' Council in April 2017")
    }
}
