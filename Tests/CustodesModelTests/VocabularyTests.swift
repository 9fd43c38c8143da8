import CustodesModel
import Testing

@Suite("Closed vocabularies and bit sets")
struct VocabularyTests {
    @Test("the documented values are exactly the accepted ones")
    func documentedValues() {
        #expect(StaffRole.acceptedValues == [
            "response_officer", "neighbourhood_officer", "detective", "safeguarding_officer", "call_handler",
            "dispatcher", "custody_officer", "intelligence_analyst", "supervisor", "pcso", "special_constable",
            "police_staff", "ccu_officer",
        ])
        #expect(PersonMarker.acceptedValues == [
            "domestic_abuse_victim", "sexual_offence_victim", "vulnerable_adult", "mental_health", "child",
            "sex_worker", "substance_misuse", "missing_person", "stalking_victim", "custody_detainee",
        ])
        #expect(SourceSystem.acceptedValues == ["rms", "pnc", "pnd", "command_control", "intelligence", "custody"])
        #expect(AuditAction.acceptedValues == ["view", "search", "update", "print", "export"])
        #expect(EntityType.acceptedValues == ["person", "occurrence", "intelligence", "vehicle", "location",
                                              "custody_image"])
        #expect(RosterKind.acceptedValues == ["duty", "overtime", "training", "on_call"])
        #expect(AssignmentRole.acceptedValues == ["officer_in_case", "attending", "investigator", "supervisor",
                                                  "call_handler", "analyst"])
    }

    @Test("marker sets hold exactly what was put in")
    func markerSets() {
        let set = MarkerSet([.child, .domesticAbuseVictim])
        #expect(set.contains(.child))
        #expect(set.contains(.domesticAbuseVictim))
        #expect(!set.contains(.sexWorker))
        #expect(set.markers == [.domesticAbuseVictim, .child])
        #expect(MarkerSet(PersonMarker.allCases).markers == PersonMarker.allCases)
    }

    @Test("field sets and the sensitive fields")
    func fieldSets() {
        let fields: FieldSet = [.summary, .contact]
        #expect(!fields.isDisjoint(with: .sensitive))
        #expect(FieldSet([.summary, .history]).isDisjoint(with: .sensitive))
        #expect(FieldSet(RecordField.allCases).fields == RecordField.allCases)
    }

    @Test("custody images refer to people")
    func entityTypes() {
        #expect(EntityType.custodyImage.refersToPerson)
        #expect(EntityType.person.refersToPerson)
        #expect(!EntityType.vehicle.refersToPerson)
    }
}
