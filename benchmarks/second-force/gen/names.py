"""Obviously synthetic names: ordinary given names with invented compound family names."""

GIVEN_F = ["Amara", "Bethan", "Carys", "Delyth", "Elin", "Freya", "Gwen", "Hollie", "Isla", "Jodie",
           "Kayleigh", "Leanne", "Megan", "Nia", "Orla", "Paige", "Rhian", "Sian", "Tegan", "Una",
           "Vicky", "Willow", "Yasmin", "Zara", "Abbie", "Chloe", "Demi", "Ellie", "Faye", "Grace",
           "Hannah", "Imogen", "Jade", "Kirsty", "Lacey", "Millie", "Naomi", "Poppy", "Roxanne", "Shannon"]
GIVEN_M = ["Aled", "Bryn", "Callum", "Dylan", "Ewan", "Finlay", "Gareth", "Harvey", "Idris", "Jordan",
           "Kieran", "Lewis", "Morgan", "Nathan", "Owain", "Peredur", "Rhys", "Stefan", "Tomos", "Vaughn",
           "Wade", "Aaron", "Brandon", "Connor", "Declan", "Elliot", "Frazer", "Glyn", "Huw", "Jake",
           "Kyle", "Liam", "Mason", "Niall", "Oscar", "Reece", "Scott", "Tyler", "Warren", "Zak"]
_HEAD = ["Ash", "Brack", "Cinder", "Dove", "Elder", "Fern", "Gorse", "Hazel", "Ivy", "Juniper", "Kestrel",
         "Larch", "Marram", "Nettle", "Oak", "Pebble", "Quill", "Rowan", "Sedge", "Thistle", "Umber",
         "Vetch", "Wren", "Yarrow", "Birch", "Clover", "Heather", "Moss", "Rush", "Willow"]
_TAIL = ["combe", "dale", "field", "gate", "holt", "hurst", "ley", "mere", "ridge", "stead", "thwaite",
         "well", "wick", "worth", "brook", "by", "croft", "den", "ford", "low"]
FAMILY = [h + t for h in _HEAD for t in _TAIL]


def given(rng, sex):
    if sex == "female":
        return rng.choice(GIVEN_F)
    if sex == "male":
        return rng.choice(GIVEN_M)
    return rng.choice(GIVEN_F + GIVEN_M)


def family(rng):
    return rng.choice(FAMILY)
