"""Invented names for staff and the public."""

FEMALE = """Abigail Alana Alice Amber Amelia Anna Annabel Beth Bethany Bryony Caitlin Carla Carys Chloe Clare
Courtney Daisy Danielle Demi Eleanor Elise Ella Ellie Emily Emma Erin Esme Evie Faye Freya Gemma Georgia Grace
Hannah Harriet Heather Holly Imogen Isla Jade Jasmine Jenna Jess Jodie Karen Kate Kayleigh Keeley Kerry Lacey
Laura Leanne Lily Lisa Lorna Lucy Lydia Maisie Megan Mia Molly Naomi Natalie Nicola Niamh Olivia Paige Phoebe
Poppy Rachel Rebecca Rhiannon Robyn Rosie Ruby Samantha Sarah Shannon Sian Sophie Stacey Tara Tegan Tilly Vicky
Wendy Yasmin Zara Zoe""".split()
MALE = """Aaron Adam Aiden Alfie Alex Andrew Ashley Ben Billy Bradley Callum Cameron Carl Charlie Connor Craig
Daniel Darren Dean Declan Dominic Dylan Ethan Finley Gareth Gavin George Harry Harvey Jack Jacob Jake Jamie Jason
Jay Joe Jordan Josh Kane Karl Kieran Kyle Lee Leon Lewis Liam Logan Luke Marcus Mark Martin Mason Matthew Max
Michael Nathan Neil Oliver Owen Paul Reece Rhys Richard Riley Robert Ryan Sam Scott Sean Shane Simon Stephen Stuart
Terry Theo Thomas Toby Tom Tony Tyler Wayne William Zach""".split()
FAMILY = """Abbott Ainsley Allard Ashdown Aspinall Bagshaw Barrowby Beckett Belling Birtwell Blakeney Bramhall Brindle
Brocklehurst Bulmer Burdett Calloway Carrick Catterall Chadwick Chillingworth Clegg Colley Corbridge Cottam Cresswell
Dainty Darrow Denholm Dinsdale Dowling Drabble Dunstan Eastwood Elswick Farrant Fenwick Fothergill Frayne Gatenby
Gilliver Goodall Gratton Greaves Haddow Halsall Hambling Harwood Hatherley Heseltine Hindle Hollis Horrocks Huxley
Ibbotson Ingham Jagger Jessop Kettlewell Kilburn Lambert Lascelles Leadbetter Lindley Lockwood Lovell Maddox
Marchbank Mellor Merriman Milner Moxon Nettleton Newsome Oakes Ormerod Padgett Pattinson Pickles Pilling Plumb
Quarmby Radcliffe Rawlings Redfern Ridley Rimmer Rowntree Sagar Scargill Sedgwick Shackleton Shuttleworth Sidebottom
Slingsby Smethurst Stansfield Stott Sutcliffe Swithenbank Tattersall Thackray Thwaite Tindall Towler Uttley
Varley Wadsworth Walmsley Warburton Whitehead Widdop Wilberforce Winstanley Womersley Wragg Yeadon""".split()


def given(r, sex):
    if sex == "female":
        return r.choice(FEMALE)
    if sex == "male":
        return r.choice(MALE)
    return r.choice(FEMALE + MALE)
