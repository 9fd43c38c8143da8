/// The kind of an occurrence (an incident, crime, or other police record of an event).
public enum OccurrenceCategory: String, ClosedVocabulary {
    case domesticAbuse = "domestic_abuse"
    case sexualOffence = "sexual_offence"
    case stalkingHarassment = "stalking_harassment"
    case assault
    case theft
    case burglary
    case criminalDamage = "criminal_damage"
    case publicOrder = "public_order"
    case roadTraffic = "road_traffic"
    case missingPerson = "missing_person"
    case concernForWelfare = "concern_for_welfare"
    case mentalHealth = "mental_health"
    case drugs
    case fraud
    case antisocialBehaviour = "antisocial_behaviour"
    case stopCheck = "stop_check"
    case custody
    case other

    public static let vocabularyName = "occurrence category"
}
