"""Invented names: people are random pairings of ordinary given names and surnames; places are made-up."""

FEMALE = ("Abigail Aisha Alice Amber Amelia Amy Anna Beth Bethany Bronwen Caitlin Carol Charlotte Chloe Claire "
          "Courtney Daisy Dawn Demi Donna Eleanor Ella Ellie Emily Emma Erin Esme Evie Faye Freya Gemma Georgia "
          "Grace Hannah Harriet Hayley Holly Imogen Isla Jade Jasmine Jenna Jessica Joanne Julie Karen Kayleigh "
          "Kirsty Lacey Laura Lauren Leah Lily Lisa Louise Lucy Lydia Maisie Megan Melissa Mia Molly Natalie "
          "Nicola Olivia Paige Phoebe Poppy Rachel Rebecca Rosie Ruby Samantha Sarah Shannon Sophie Stacey "
          "Tamsin Tegan Tilly Tracey Victoria Wendy Yasmin Zoe Agnieszka Ioana Milena Daria").split()
MALE = ("Aaron Adam Aiden Alex Alfie Andrew Archie Ashley Ben Bradley Callum Carl Charlie Connor Craig Dale "
        "Daniel Darren David Dean Dominic Dylan Elliot Ethan Finley Gary George Harry Harvey Ian Jack Jacob "
        "Jake James Jamie Jason Joe Jordan Joshua Kai Kane Kieran Kyle Lee Leon Lewis Liam Luke Marcus Mark "
        "Mason Matthew Max Michael Nathan Neil Noah Oliver Owen Paul Peter Reece Rhys Richard Robert Ryan Sam "
        "Scott Sean Shane Simon Stephen Steven Stuart Thomas Toby Tom Tyler Wayne William Marek Tomasz Andrei "
        "Florin Lukas Bogdan Vasile Kristaps").split()
SURNAMES = ("Abbott Ainsworth Allard Ashdown Bagley Barnard Beckwith Birtles Blakey Bramble Brindley Bulmer "
            "Burrell Cadwell Carver Chadwick Chaplin Cheadle Clegg Cobbold Colley Cotterill Crabtree Cundy "
            "Dalby Dando Darnell Dewhurst Dimmock Doidge Dowsett Eades Edgley Elphick Fairclough Fensome "
            "Fielder Follett Foxwell Fryer Gadd Gallimore Garlick Gedge Gilham Goacher Goodchild Gosling "
            "Greenhalgh Gurney Hadley Hambly Hankin Harker Haskins Heald Hebden Hellier Hindle Hocking Holbrook "
            "Hosken Hurrell Ibbotson Inskip Jagger Jarvis Jelley Judd Kearsley Kemble Kettle Kitto Lambden "
            "Larner Leaver Lidstone Loveday Lumb Maddock Mallett Marsden Mayhew Medlicott Merrifield Midgley "
            "Mogford Mountjoy Nankivell Napper Nettleship Northcott Oakley Ogden Orchard Padfield Pascoe "
            "Peacock Pengelly Pickard Pidgeon Polglase Pounder Prowse Quantick Rainbird Ratcliffe Redstone "
            "Rickard Ridley Rowe Rundle Sallis Sandercock Scantlebury Searle Shilton Shorrock Skinner Sleep "
            "Snell Spargo Stainer Stroud Summerhayes Swaffield Tamblyn Tapp Thorne Tozer Trebilcock Treloar "
            "Tuckett Uglow Varcoe Vosper Wadge Warburton Weatherall Webber Whiteley Widdicombe Willcocks "
            "Winterbottom Woodley Yeo Youlden Nowak Kowalski Popescu Ionescu Berzins Kazlauskas").split()

_PRE = ("Ash Brock Cold Dunn Elm Fern Gorse Harl Ivy Kel Lang Marl Nether Oak Pell Quen Rook Stow Thorn Upp "
        "Wick Yarl Bram Coombe Dray Fallow Gill Heron Kite Lark Moss Nettle Otter Pike Rush Sedge Teal Willow "
        "Alder Birch Crane Dodder Eel Flint Grebe Hare Knap Ling Mire Newt Ouse Peat Reed Sloe Tansy Vetch").split()
_SUF = "combe ley thorpe by worth stead ham field wick bourne ford hope well minster den hurst mere cote".split()


def place_names(rng, count, taken=()):
    seen = list(taken)
    out = []
    while len(out) < count:
        name = rng.choice(_PRE) + rng.choice(_SUF)
        if rng.random() < 0.12:
            name = rng.choice(("Great ", "Little ", "Upper ", "Lower ", "East ", "West ")) + name
        if name not in seen:
            seen.append(name)
            out.append(name)
    return out


def person_name(rng, sex):
    given = rng.choice(FEMALE if sex == "female" else MALE)
    return rng.choice(SURNAMES), given
