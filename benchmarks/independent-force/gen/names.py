"""Synthetic names, places and postcodes for the (fictional) Wrenmoor Constabulary.

All names are generic combinations; none refers to a real person.
"""

FEMALE = """Abigail Aisha Alice Amber Amelia Amy Anna Aoife Ava Bethany Bronwen Caitlin Carla Charlotte Chloe
Ciara Claire Courtney Danielle Demi Eilidh Eleanor Elena Ellie Emily Emma Erin Esme Evie Faith Fatima Freya
Gemma Georgia Grace Hannah Harriet Hayley Holly Imogen Isla Jade Jasmine Jennifer Jessica Joanne Julia Kayleigh
Keeley Kirsty Lacey Laura Lauren Leah Lily Lisa Louise Lucy Maisie Maria Megan Melissa Mia Molly Naomi Natalie
Nicole Niamh Olivia Paige Phoebe Poppy Priya Rachel Rebecca Rosie Ruby Ruth Samantha Sarah Shannon Sian Sophie
Stacey Summer Tamsin Tanya Tegan Victoria Yasmin Zara Zoe""".split()

MALE = """Aaron Adam Aiden Alex Alfie Ali Andrew Arjun Ashley Ben Bradley Callum Cameron Carl Charlie Chris
Connor Craig Daniel Darren David Dean Declan Dylan Elliot Ethan Finlay Gareth George Graham Harry Harvey Hassan
Ian Imran Isaac Jack Jacob Jake Jamal James Jamie Jason Jay Joe Jordan Josh Kai Karl Keiran Kevin Kyle Lee Leon
Lewis Liam Luke Marcus Mark Martin Matthew Max Michael Mohammed Nathan Neil Nicholas Oliver Omar Owen Paul Peter
Reece Rhys Ricky Robert Ryan Sam Scott Sean Simon Stephen Stuart Taylor Thomas Toby Tom Tyler Wayne Will Zak""".split()

FAMILY = """Abbott Adams Ahmed Akhtar Allen Armstrong Atkinson Bailey Baker Ball Barker Barnes Bates Bell Bennett
Berry Bird Bishop Black Bolton Bond Booth Bowen Bradley Brennan Brooks Brown Bryant Burke Burns Butler Byrne
Campbell Carr Carter Chambers Chapman Clarke Cole Collins Cook Cooper Cox Crawford Cross Dale Davies Dawson Day
Dixon Doherty Doyle Duffy Dunn Edwards Elliott Ellis Evans Farrell Fisher Fleming Fletcher Ford Foster Fox
Francis Fraser Gardner Gibson Gill Gordon Graham Grant Gray Green Griffiths Hall Hamilton Harper Harris Hart
Harvey Hayes Henderson Hill Holmes Hope Howard Hudson Hughes Hunt Hussain Jackson James Jenkins Johnson Jones
Kaur Kelly Kennedy Khan King Knight Lamb Lane Lawrence Lee Lewis Lloyd Lowe Lynch Marsh Marshall Martin Mason
Matthews May McCarthy McDonald Miller Mills Mitchell Moore Morgan Morris Murphy Murray Nash Newman Nolan Norton
Owen Palmer Parker Parry Patel Payne Pearce Pearson Perry Phillips Pike Poole Porter Powell Price Quinn Reed
Reeves Reid Rhodes Richards Riley Roberts Robinson Rogers Rose Ross Rowe Russell Ryan Saunders Scott Shah Sharp
Shaw Short Simpson Singh Slater Smith Spencer Stevens Stone Sutton Taylor Thomas Thompson Todd Turner Walker
Wall Walsh Ward Warren Watson Webb Wells West White Wilkinson Williams Wilson Wood Wright Young""".split()

# (name, code, postcode districts, kind). Custody suites at Corrowby and Harlow Mead.
STATIONS = [
    ("Ashwick", "ASH", ["WN1", "WN2", "WN3"], "hub"),
    ("Brindle Cross", "BRX", ["WN4", "WN5"], "station"),
    ("Corrowby", "COR", ["WN6", "WN7", "WN8"], "hub"),
    ("Dunmere", "DUN", ["WN9", "WN10"], "station"),
    ("Eastfold", "EFD", ["WN11", "WN12"], "station"),
    ("Fenwick Bay", "FEN", ["WN14", "WN15"], "station"),
    ("Harlow Mead", "HLM", ["WN16", "WN17", "WN18"], "hub"),
    ("Kestle", "KST", ["WN19", "WN20"], "station"),
]
HQ = ("Wrenmoor HQ", "HQ")
CUSTODY_SUITES = {"Ashwick": "Corrowby", "Brindle Cross": "Corrowby", "Corrowby": "Corrowby",
                  "Dunmere": "Corrowby", "Eastfold": "Harlow Mead", "Fenwick Bay": "Harlow Mead",
                  "Harlow Mead": "Harlow Mead", "Kestle": "Harlow Mead"}

OUT_OF_AREA = ["TQ3", "BX7", "LR2", "MK44", "GV9", "DR12"]

_LET = "ABDEFGHJLNPQRSTUWXYZ"
STREETS = """Mill Lane,Church Street,Station Road,Victoria Road,Park Avenue,High Street,Queens Road,
Kingsway,Moor Lane,Bridge Street,Hawthorn Close,Orchard Way,Chapel Row,Wren Court,Marsh Road,Fen Lane""".replace("\n", "").split(",")


def postcode(rng, district):
    return "%s %d%s%s" % (district, rng.randrange(10), _LET[rng.randrange(20)], _LET[rng.randrange(20)])


def person_name(rng, sex):
    if sex == "female":
        g = FEMALE[rng.randrange(len(FEMALE))]
    elif sex == "male":
        g = MALE[rng.randrange(len(MALE))]
    else:
        g = (FEMALE + MALE)[rng.randrange(len(FEMALE) + len(MALE))]
    return FAMILY[rng.randrange(len(FAMILY))], g


def plate(rng):
    return "WN%02d%s%s%s" % (rng.choice((15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74)),
                             _LET[rng.randrange(20)], _LET[rng.randrange(20)], _LET[rng.randrange(20)])
