"""Common given names crossed with invented surnames (no real people)."""

FEMALE = ("Amelia Olivia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Evie Poppy Ella Chloe Emily "
          "Ruby Sophie Jessica Lucy Hannah Megan Holly Katie Laura Rachel Sarah Emma Gemma Kerry Nicola Joanne "
          "Claire Lisa Donna Michelle Leanne Natalie Stacey Kirsty Zoe Aisha Priya Amira Fatima Maya Leah Jade "
          "Paige Courtney Shannon Abbie Bethany Kayleigh Tanya Carol Susan Janet Margaret Irene Brenda").split()
MALE = ("Oliver George Harry Noah Jack Leo Arthur Oscar Charlie Jacob Thomas Alfie James William Joshua Daniel "
        "Ryan Liam Connor Kyle Dean Lee Craig Darren Wayne Jason Mark Paul Steven Gary Neil Stuart Martin Kevin "
        "Ian Colin Barry Keith Tony Adam Luke Nathan Callum Jordan Reece Tyler Mohammed Ali Omar Hassan Kai "
        "Aaron Scott Shane Robert Dennis Graham Trevor").split()

_PRE = ("Ald Bram Brel Cad Carr Corr Dray Dun Elv Fenn Garr Gisk Hal Harr Kell Kest Lorr Marr Morv Nant Orr "
        "Pell Quen Rav Sarn Selm Strat Tarr Tov Vell Wend Yarr Brisk Cawl Drosk Frel Glen Hask Jerv Lusk").split()
_SUF = ("abridge aston awick by combe croft dell ett fold gard holm ick ington ley lowe mere more ock otter "
        "ridge stead ston thorpe wade wyn").split()
SURNAMES = [p + s for p in _PRE for s in _SUF]

# Foreign-looking invented names for airport travellers.
TRAVEL_FAMILY = [p + s for p in ("Vand Kosz Ilar Mendr Osk Tavr Zel Brun Petr Arv".split())
                 for s in ("eni ova escu ak ides ström elli ov aro".split())]
