/// Invented names for a synthetic force. Names are common given names and surnames combined at random, and places
/// are made up; the postcode area `CX` is not a real UK area, so no generated address can point at a real home.
enum NameBook {
    static let femaleGiven = [
        "Amelia", "Olivia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Mia", "Poppy", "Ella", "Lily", "Evie", "Jessica",
        "Chloe", "Ruby", "Daisy", "Freya", "Alice", "Holly", "Megan", "Lucy", "Hannah", "Rebecca", "Laura", "Sarah",
        "Emma", "Charlotte", "Katie", "Amy", "Rachel", "Natalie", "Kerry", "Leanne", "Gemma", "Donna", "Tracey",
        "Joanne", "Nicola", "Claire", "Michelle", "Kayleigh", "Jade", "Shannon", "Abbie", "Courtney", "Aisha", "Zara",
        "Priya", "Niamh", "Siobhan",
    ]
    static let maleGiven = [
        "Oliver", "George", "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "Oscar", "William", "James", "Leo",
        "Alfie", "Joshua", "Daniel", "Ryan", "Liam", "Connor", "Callum", "Jordan", "Lewis", "Adam", "Matthew", "Luke",
        "Michael", "David", "Paul", "Mark", "Stephen", "Andrew", "Craig", "Darren", "Lee", "Wayne", "Gary", "Dean",
        "Scott", "Kieran", "Mohammed", "Arjun", "Tomasz", "Piotr", "Sean", "Aaron", "Reece", "Kyle", "Nathan", "Ben",
        "Sam", "Joe",
    ]
    static let family = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel",
        "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis", "Rodriguez", "Cox", "Alexander",
        "Morgan", "Moore", "Martin", "Price", "Hughes", "Turner", "Baker", "Harris", "Edwards", "Cooper", "Ward",
        "Morris", "King", "Hill", "Parker", "Bennett", "Allen", "Young", "Scott", "Carter", "Shaw", "Lloyd", "Ellis",
        "Watson", "Murray", "Kelly", "Harrison", "Fisher", "Marshall", "Gibson", "Hunt", "Knight", "Palmer", "Holmes",
        "Mills", "Barnes", "Owen", "Lee", "Nowak", "Kowalski", "Begum", "Hussain", "Ali", "Singh", "Ahmed", "Murphy",
        "O'Brien", "Doyle", "Fletcher", "Chapman", "Webb", "Stevens", "Reid", "Grant", "Bell", "Graham", "Kerr",
        "Dixon",
    ]
    static let stations = [
        "Aldmere", "Brackwater", "Cindlebury", "Dunhollow", "Elmsgate", "Fernwick", "Greymoor", "Hallowmere",
        "Ivelcombe", "Jessop Cross", "Kettlebrook", "Larchford", "Mossbank", "Nethercott", "Ormsby Vale", "Pellworth",
        "Quarrington", "Rookhaven", "Saltmarsh", "Thornleigh", "Upwick", "Varley Green", "Wendlebury", "Yarrowby",
    ]

    /// A postcode in the invented `CX` area, stable for a household number.
    static func postcode(_ household: Int) -> String {
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
        let district = household % 40 + 1
        let sector = household / 40 % 10
        let unit = household / 400
        return "CX\(district) \(sector)\(letters[unit % 20])\(letters[unit / 20 % 20])"
    }
}
