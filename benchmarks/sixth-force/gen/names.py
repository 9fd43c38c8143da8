"""Invented names: common given names with surnames made from place-name syllables."""

FEMALE = ("Amelia Olivia Isla Ava Emily Sophie Grace Lily Chloe Ella Evie Jessica Hannah Lucy Megan Charlotte Ruby "
          "Holly Amber Leah Zoe Niamh Siobhán Aisha Priya Fatima Zara Maya Layla Kayleigh Chantelle Danielle Gemma "
          "Natalie Rebecca Rachel Laura Sarah Claire Joanne Karen Tracey Julie Susan Margaret Patricia Joan Eileen "
          "Agnieszka Oksana Ioana Zoë Bethan Ffion Kirsty Shannon Jade Courtney Tia Paige Demi Leanne Nicola").split()
MALE = ("Oliver Jack Harry George Noah Leo Jacob Oscar Charlie Thomas James William Daniel Samuel Joseph Ryan Connor "
        "Liam Callum Kieran Jordan Bradley Dean Lee Craig Wayne Gary Darren Paul Mark Stephen Andrew David Michael "
        "John Peter Keith Brian Mohammed Ahmed Imran Arjun Rohan Tomasz Łukasz Andrei Mihai Kwame Tyrone Reece Kyle "
        "Jamie Ethan Mason Lewis Aaron Owen Rhys Dylan Seán Kane Jake").split()
_PRE = ("Ash Brack Brin Cald Cotter Dun Eld Fen Gall Hallow Hask Ivel Kel Lark Marl Mott Nether Orm Pell Quill Rad "
        "Reed Salt Sedge Skel Thorn Tarn Ull Wex Whin Wyth Yarr Brom Carr Dreve Fell Grisk Hob Lund Mire Nab Pyke "
        "Rook Scar Stave Tove Vell Wrack").split()
_SUF = ("by well ham ton ridge worth ley mere stead wick croft field hurst combe dale ford holt low sett ster "
        "thwaite wood gate").split()
_ODD = ["O'Tarrow", "McQuillen", "D'Arvelle", "O'Fennick", "MacBrinny", "Ní Chaltha", "Van Sedgeholt",
        "Okonkwe-Marl", "Szelwicki", "Dragomirescu-Hask", "Ap Rhydden", "St Clare-Wyth"]


def surnames():
    names = [p + s for p in _PRE for s in _SUF]
    return names + _ODD


SURNAMES = surnames()


def given(rng, sex):
    if sex == "female":
        return rng.choice(FEMALE)
    if sex == "male":
        return rng.choice(MALE)
    return rng.choice(FEMALE + MALE)


def family(rng):
    if rng.random() < 0.03:
        return rng.choice(_ODD)
    return rng.choice(SURNAMES)
