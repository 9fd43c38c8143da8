"""Synthetic names: common given and family names drawn independently (no real people)."""

FEMALE = """Amelia Olivia Isla Ava Mia Ivy Lily Freya Grace Sophie Chloe Ella Evie Poppy Ruby Emily Jessica
Hannah Megan Lauren Bethany Amber Courtney Jade Kayleigh Leah Nicole Paige Rachel Sarah Zara Aisha Fatima Amira
Priya Anjali Sana Maryam Niamh Siobhan Chantelle Demi Tia Kirsty Gemma Danielle Natalie Laura Rebecca Kelly Claire
Joanne Donna Tracey Michelle Lisa Karen Julie Susan Helen Amy Katie Charlotte Holly Abigail Daisy Erin Millie Layla
Maya Eliza Nadia Agnieszka Oksana Roxana Ioana Precious Blessing Adaeze Keisha Shanice Aaliyah Yasmin Imogen Esme""".split()

MALE = """Oliver George Harry Noah Jack Leo Arthur Oscar Charlie Jacob Thomas James William Joshua Daniel Ryan
Liam Connor Callum Kieran Jordan Lewis Nathan Adam Luke Scott Dean Craig Lee Wayne Darren Gary Paul Mark Steven
Andrew David Michael Robert Richard Stephen Christopher Matthew Ben Sam Joe Aaron Reece Tyler Kyle Bradley Jamie
Mohammed Ali Omar Hassan Yusuf Imran Bilal Arjun Ravi Sanjay Tomasz Piotr Marius Andrei Kwame Tunde Emeka Marcus
Jermaine Andre Tyrone Declan Sean Patrick Ewan Rhys Owen Dylan Ethan Mason Logan Alfie Finley""".split()

FAMILY = """Ashworth Barlow Bennett Birch Bradshaw Brennan Carver Chadwick Clegg Cope Crossley Dawson Denton Eccles
Fairclough Fenwick Fletcher Garside Gilmore Greenhalgh Hadfield Halliwell Hargreaves Heywood Hollins Holt
Horrocks Howarth Ingham Jarvis Kershaw Kinsella Lambert Lathom Lomax Marsden Mellor Metcalfe Nuttall Ogden Ormerod
Pickup Pilling Platt Rawlinson Riley Rostron Sagar Schofield Scholes Shuttleworth Slater Stansfield Sutcliffe
Tattersall Thornley Tomlinson Unsworth Walmsley Whitehead Whittaker Wolstenholme Yates Ahmed Akhtar Begum Bibi
Chaudhry Hussain Iqbal Khan Mahmood Patel Rahman Shah Sharma Singh Mistry Kowalski Nowak Popescu Ionescu Okafor
Adeyemi Mensah Boateng Campbell Clarke Francis Grant Murray Doyle Byrne Kelly Quinn Gallagher Murphy Reid Fraser
Lloyd Morgan Price Rees Pritchard Howell Vaughan Jenkins Owens Harper Webb Ward Turner Walker Wright Hughes Hall""".split()


def given(rng, sex):
    if sex == "female":
        return rng.choice(FEMALE)
    if sex == "male":
        return rng.choice(MALE)
    return rng.choice(FEMALE + MALE)


def family(rng):
    return rng.choice(FAMILY)
