"""Synthetic names: common given names crossed with invented coastal family names. No real people."""

FEMALE = """Abigail Ada Aisha Alice Amber Amelia Amy Anna Ava Beatrice Bethany Caitlin Carla Charlotte Chloe Clara
Daisy Eleanor Elena Eliza Ella Ellie Elsie Emily Emma Erin Esme Eva Evie Faith Florence Freya Gemma Georgia Grace
Hannah Harriet Hazel Holly Imogen Iris Isla Ivy Jade Jasmine Jessica Joanna Julia Kara Katie Kayla Lacey Laura Layla
Leah Lily Lola Lucy Lydia Maisie Maria Martha Maya Megan Mia Millie Molly Nadia Naomi Natalie Nina Olivia Paige
Phoebe Poppy Priya Rachel Rebecca Rosa Rose Ruby Sadie Sara Scarlett Sienna Sofia Sophie Stella Summer Tamsin
Tegan Tilly Vanessa Violet Willow Yasmin Zara Zoe Agata Kasia Ewa Ioana Lina Marta Oksana Rita Teodora""".split()

MALE = """Aaron Adam Aiden Alexander Alfie Andrew Archie Arthur Ben Billy Bradley Caleb Callum Cameron Charlie
Connor Daniel David Dylan Edward Elliot Ethan Felix Finley Frank Freddie Gabriel George Harry Harvey Henry Hugo Isaac
Jack Jacob Jake James Jamie Jay Joe Joel John Jordan Joseph Joshua Jude Kai Kieran Leo Leon Lewis Liam Logan Louis
Luca Luke Marcus Mason Matthew Max Michael Nathan Noah Oliver Oscar Owen Patrick Reece Reuben Rhys Robert Ronan Ryan
Sam Sebastian Seth Simon Stanley Theo Thomas Toby Tom Tyler Zach Andrei Bogdan Darius Marek Pavel Tomasz Vlad""".split()

FAMILY = """Abbot Ashcombe Bascombe Bellwether Berryman Blackmore Bolitho Bramwell Brennock Cardew Carrow Chenoweth
Coombe Corran Crabb Dawlish Denholm Eddowes Fenwick Fleet Foxwell Gannet Garland Gilbard Glanville Goss Greenhalgh
Hallet Harbourne Hawken Heddon Hendy Hocking Holman Jago Keast Kellow Kestle Lander Langdon Lanyon Lark Liddicoat
Lowry Lugg Mabbott Marrack Maybury Menhennick Merrow Mitchelmore Moyle Nance Netherton Oates Odgers Opie Orchard
Pascoe Pellow Penberthy Pender Penhale Petherick Polglase Praed Quick Rawle Redfern Retallick Rickard Roskilly
Rowse Saltash Sandry Scobell Seaton Skewes Spargo Stribley Sweet Tamblyn Teague Thorne Tonkin Trebilcock Tregear
Trenow Trethewey Trevail Truscott Uren Varcoe Vosper Wakeham Warne Wellow Whitford Wills Wyatt Yelland Youlden
Zennor Ambrose Barnicoat Coad Dunstan Endean Ferris Grigg Hicks Ivey Jewell Kitto Laity Martyn Nankivell""".split()

FOREIGN_FAMILY = """Nowak Kowalski Popescu Ionescu Horvath Novak Petrova Silva Santos Dubois Moreau Garcia Rossi
Bianchi Jansen Visser Larsen Nielsen Kaya Demir""".split()
