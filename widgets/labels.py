"""Every Dutch word the widgets show, in one place."""

SAVED = "✓ Opgeslagen om {time}"
SAVING = "Bezig met opslaan…"
SAVED_EARLIER = "✓ Opgeslagen (eerder ingevuld)"
NOT_SAVED = "⚠ Niet opgeslagen: {reason} Je antwoord staat nog op het scherm."
RETRY_SAVE = "Opnieuw opslaan"
DELETED = (
    "⚠ Niet opgeslagen: je gegevens zijn verwijderd. Met deze code wordt niets meer bewaard. "
    "Wat je nu nog typt, gaat verloren."
)
START_AGAIN = "Opnieuw beginnen"
NOT_JOINED = "Meld je bovenaan de pagina aan; dan worden je antwoorden bewaard."
UNCHANGED = "Nog niet ingevuld"
CHECK = "Controleer"
CHECK_TIP = "Bekijk of je antwoord klopt"
CORRECT = "Goed!"
PARTLY = "Bijna: {n} van de {total} antwoorden kloppen."
WRONG = "Nog niet goed. Lees de uitleg bij je keuze en probeer het opnieuw."
CHOOSE_ALL = "Er zijn meer antwoorden goed. Kies ze allemaal."
CHOOSE_ONE = "Kies één antwoord."
NOTHING_CHOSEN = "Kies eerst een antwoord."
YOUR_ANSWER = "Jouw antwoord"
UP = "↑ Hoger"
DOWN = "↓ Lager"
UP_TIP = "Zet '{item}' een plek hoger"
DOWN_TIP = "Zet '{item}' een plek lager"
POSITION = "{pos}."
CHECK_ORDER = "Controleer de volgorde"
SCALE_SUMMARY_NONE = "Je hebt geen zorgen aangegeven. Mooi!"
SCALE_SUMMARY = "Zorgen bij: {items}."
SCALE_SUMMARY_EMPTY = "Vul de schaal in; dan zie je hier waar de zorgen liggen."
ACTION_TEXT = "Actiepunt {n}: wat ga je doen?"
ACTION_PLACEHOLDER = "bijv. elke maandag een check-in in de klas"
ACTION_WHY = "Waarom? Welk signaal of welke uitkomst van een scan?"
ACTION_WHY_PLACEHOLDER = "kies een uitkomst of typ zelf een reden"
ACTION_WHY_HINT = (
    "Tip: bij 'Waarom?' staan de uitkomsten van jouw piramide en scans klaar. Tik in het veld "
    "om er een te kiezen, of typ zelf een reden."
)
ACTION_LAYER = "Voor wie? Laag in de piramide"
ACTION_LAYER_NONE = "(nog geen laag gekozen)"
ACTION_GROUP = "Voor welke groep? (mag leeg)"
ACTION_GROUP_PLACEHOLDER = "bijv. klas 2b of de mentoren"
ACTION_WHO = "Wie doet het, met wie?"
ACTION_WHO_PLACEHOLDER = "bijv. ik, samen met een collega"
ACTION_WHEN = "Wanneer is het klaar?"
ACTION_WHEN_PLACEHOLDER = "bijv. voor de herfstvakantie"
ACTION_MEASURE = "Hoe weet je dat het werkt?"
ACTION_MEASURE_PLACEHOLDER = "bijv. de klas is na de pauze sneller rustig"
ACTION_SCHOOL = "Voor onze school: zet dit ook in het plan van de school"
ACTION_DRAFT = (
    "Vul bij actiepunt {n} nog in wat je gaat doen. Zonder dat telt het niet mee in je plan."
)
ADD_ACTION = "+ Actiepunt toevoegen"
REMOVE_ACTION = "Verwijder"
REMOVE_ACTION_TIP = "Verwijder actiepunt {n}"
MAX_ACTIONS = "Je kunt maximaal {n} actiepunten noteren."
CONNECTION_LOST = (
    "De verbinding met het werkboek is verbroken. Wat je nu typt, wordt niet bewaard. "
    "Wat al 'Opgeslagen' was, is veilig. Kopieer nieuwe tekst en laad de pagina opnieuw."
)
JOIN_TITLE = "Aanmelden"
JOIN_INTRO = (
    "Vul je naam of een schuilnaam in, of je persoonlijke code als je al eerder meedeed. "
    "De trainer ziet deze naam. Je antwoorden zijn alleen voor jou en de trainer."
)
JOIN_NAME = "Naam of code"
JOIN_NAME_PLACEHOLDER = "bijv. Sanne of k7mp-x2qa"
JOIN_SCHOOL = "School"
JOIN_SCHOOL_NONE = "(kies je school)"
JOIN_BUTTON = "Start"
JOIN_EMPTY = "Vul eerst je naam, een schuilnaam of je code in."
JOIN_LINK_LOST = (
    "Kwam je via je persoonlijke link? Die konden we niet lezen. Herlaad de pagina. Lukt dat niet, "
    "typ dan je code (zoals k7mp-x2qa) bij 'Naam of code'. Zo maak je geen tweede deelnemer aan."
)
JOIN_UNKNOWN = (
    "De code '{code}' kennen we niet in deze scholengroep. "
    "Meld je opnieuw aan of vraag de trainer om je link."
)
TRAINER_NOT_IN_GROUP = (
    "Deze pagina is alleen voor trainers. Je account hoort niet bij de groep trainers van deze "
    "server. Vraag de beheerder om je toe te voegen en je server opnieuw te starten."
)
WELCOME_HUB = "Je werkt als <b>{name}</b>{school}. Je antwoorden horen bij je account."
WELCOME = (
    "Je werkt als <b>{name}</b>{school}. "
    "Je persoonlijke code is <b>{code}</b>: bewaar je link om later verder te gaan."
)
BACK_TO_OVERVIEW = "← Terug naar het overzicht"
PROGRESS = "{done} van {total} oefeningen gedaan"
START_MODULE = "Begin"
CONTINUE_MODULE = "Ga verder"
RESUME = "→ Ga verder waar je was: {title}"
TRAJECT_TITLE = "Jullie traject"
TRAJECT_TODAY = "Vandaag"
TRAJECT_NEXT = "Hierna"
TRAJECT_EARLIER = "Eerder"
TRAJECT_STEP = "Stap van het stappenplan: {step}"
MINUTES = "ongeveer {n} minuten"
# Exchange in a group (kind uitwisseling)
EXCHANGE_GROUP = "Met wie werk je samen?"
EXCHANGE_YOURS = "Jullie uitkomst: wat voeg jij toe?"
EXCHANGE_PLACEHOLDER = "Typ wat jullie hebben besproken, of vul aan"
EXCHANGE_OUTCOME = "De uitkomst van jullie groep ({group})"
EXCHANGE_EMPTY = (
    "Nog niemand uit jullie groep heeft iets getypt. Eén van jullie begint; de anderen vullen aan."
)
EXCHANGE_YOU = "jij"
SOURCE = "Bron: {source}"
# Kinds keuze, indelen, tabel and thermometer (widgets/<kind>.py)
KEUZE_ONE = "Kies wat het best bij je past. Er is geen goed of fout."
KEUZE_MANY = "Kies alles wat bij je past. Er is geen goed of fout."
KEUZE_OPTION = "keuze {n}"
SORT_PICK = "(kies een groep)"
SORT_NOTHING = "Kies eerst bij een of meer onderdelen een groep."
SORT_SCORE = "{n} van de {total} goed ingedeeld."
SORT_RIGHT = "✓ Goed:"
SORT_WRONG = "✗ Nog niet goed:"
SORT_OPEN = "– Nog niet ingedeeld:"
SORT_BELONGS = "Dit hoort bij: {category}."
TABLE_ROW = "Rij {n}"
THERMO_MARK = "Jouw cijfer"
GROUP_TITLE = "Zo scoort de groep"
GROUP_REFRESH = "↻ Groep vernieuwen"
GROUP_REFRESH_TIP = "Haal de nieuwste cijfers van de groep op"
GROUP_NOT_JOINED = "Meld je aan; dan zie je hier hoe de groep scoort."
GROUP_TOO_FEW = (
    "Nog te weinig antwoorden: {total} van de {minimum} die nodig zijn. Zo blijft ieders "
    "cijfer anoniem. Kijk straks nog eens met de knop hieronder."
)
GROUP_COLUMN = "cijfer {mark}: {n} keer"
GROUP_SUMMARY = "{total} antwoorden, gemiddeld een {average}. Namen zie je niet."

# -- trainer page (issue 6) ---------------------------------------------------------------------
TRAINER_TITLE = "Trainerspagina"
TRAINER_KEY = "Trainersleutel"
TRAINER_OPEN = "Open de trainerspagina"
TRAINER_KEY_INTRO = (
    "Vul de trainersleutel uit de configuratie in. Zonder sleutel zie je hier geen gegevens."
)
TRAINER_KEY_WRONG = (
    "Deze sleutel klopt niet. Controleer het veld 'trainersleutel' in de configuratie."
)
TRAINER_KEY_MISSING = (
    'Deze scholengroep heeft geen trainersleutel. Zet trainersleutel = "..." '
    "in de configuratie en bouw het werkboek opnieuw."
)
TRAINER_SHOW = "Toon"
TRAINER_WHOLE_MODULE = "{title}: alle oefeningen"
TRAINER_NAMES = "Namen tonen"
TRAINER_HIDE = "Verberg resultaten"
TRAINER_REVEAL = "Toon resultaten"
TRAINER_MARK_NOW = "Zet op 'nu'"
TRAINER_MARK_NOW_TIP = "Deelnemers zien deze oefening gemarkeerd en springen ernaartoe"
TRAINER_CLEAR_NOW = "Wis 'nu'"
TRAINER_NOW_BADGE = "nu"
TRAINER_NOW_SET = "'Nu' staat op: {title}."
TRAINER_NOW_NONE = "Er staat geen oefening op 'nu'."
TRAINER_NOW_MODULE = "Kies eerst één oefening (niet een hele module) om op 'nu' te zetten."
TRAINER_UPDATED = "Bijgewerkt om {time} · {people} · {answers}"
PEOPLE = ("{n} deelnemer", "{n} deelnemers")
ANSWERS = ("{n} antwoord", "{n} antwoorden")
TRAINER_RESULTS_TAB = "Resultaten"
TRAINER_JOIN_TAB = "Meedoen"
TRAINER_HIDE_ONE = "Verberg"
TRAINER_HIDE_ONE_TIP = "Verberg dit antwoord voor de rest van de sessie"
TRAINER_HIDE_WORD_TIP = "Verberg '{word}' ({n}×) voor de rest van de sessie"
TRAINER_HIDDEN_SOME = ("{n} antwoord verborgen.", "{n} antwoorden verborgen.")
TRAINER_UNHIDE = "Zet terug"
TRAINER_APPROVE_TAB = "Goedkeuren"
TRAINER_APPROVE_FIRST = "Getypte antwoorden eerst goedkeuren"
TRAINER_APPROVE_OFF = (
    "Getypte antwoorden komen nu meteen op de muur. Vink het vakje aan om ze eerst zelf te lezen."
)
TRAINER_APPROVE_INTRO = (
    "Deze antwoorden staan nog niet op de muur. Kies per antwoord: Toon of Verberg. "
    "Tip: open de trainerspagina ook op je telefoon. Dan keur je goed zonder dat de zaal meekijkt."
)
TRAINER_APPROVE_NONE = "Er wacht niets op goedkeuring."
TRAINER_APPROVE = "Toon"
TRAINER_APPROVE_TIP = "Zet dit antwoord op de muur"
TRAINER_WAITING = ("{n} antwoord wacht op goedkeuring.", "{n} antwoorden wachten op goedkeuring.")
TRAINER_UNHIDE_TIP = "Toon de verborgen antwoorden van deze oefening weer"
JOIN_HEADING = "Doe mee met je eigen telefoon of laptop"
JOIN_STEPS = "Ga in je browser naar dit adres, of scan de QR-code met de camera van je telefoon."
JOIN_OTHER = "Werkt dat niet? Probeer dan:"
JOIN_QR = "QR-code voor {url}"
JOIN_JOINED = "Aangemeld: {people}"
JOIN_PER_SCHOOL = "Aangemeld per school"
JOIN_LOOPBACK = (
    "Het werkboek luistert nu alleen op deze computer: telefoons en laptops in de zaal kunnen het "
    "niet bereiken. Stop het werkboek en start het opnieuw met: workbook serve MAP --zaal"
)
JOIN_NOT_SERVED = (
    "Dit werkboek is niet met 'workbook serve' gestart, dus deze pagina kent het adres voor de zaal "
    "niet. Geef de deelnemers het adres waarop jij het werkboek opende."
)
TRAINER_PROGRESS_TAB = "Wie is waar"
TRAINER_PLANS_TAB = "Plan per school"
TRAINER_SCRIPT_TAB = "Draaiboek"
TRAINER_SCRIPT_TITLE = "Draaiboek: {title} ({minutes} minuten)"
TRAINER_SCRIPT_HINT = (
    "Kies hierboven een module of een oefening. Het blok met de oefening die op 'nu' staat, "
    "is gemarkeerd met 'Nu bezig'."
)
TRAINER_SCRIPT_NOW = "Nu bezig: blok {n} van {total}, {span} {title}"
TRAINER_SCRIPT_NONE = "Deze module heeft nog geen draaiboek."
TRAINER_NO_SCHOOLS = "Er zijn nog geen scholen. Zet ze in het veld 'scholen' van de configuratie."
TRAINER_PLANS_INTRO = (
    "Per school wat het kernteam samen maakte: de stap in het stappenplan, de schoolpiramide per "
    "bijeenkomst en het plan van aanpak. Daaronder wat de deelnemers invulden. "
    "Als pdf: workbook rapport CONFIG --school NAAM --out MAP."
)
TRAINER_NOBODY = "Er heeft zich nog niemand aangemeld."
TRAINER_SCHOOLS = "Per school"
TRAINER_SCHOOL = "School"
TRAINER_NAME = "Naam"
TRAINER_PEOPLE = "Per deelnemer ({n})"
TRAINER_NO_ANSWERS = "Nog geen antwoorden."
TRAINER_HIDDEN = "De resultaten zijn verborgen."
TRAINER_CORRECT = "{correct} van de {answered} goed ({pct}%)"
TRAINER_MISTAKES = "Veel gekozen fouten"
TRAINER_AVERAGE = "Gemiddeld: {avg}"
TRAINER_RANK_PLACE = "Plek in de zaal"
TRAINER_RANK_ITEM = "Onderdeel"
TRAINER_RANK_AVERAGE = "Gemiddelde plek"
TRAINER_RANK_MODEL = "Goede plek"
TRAINER_ERROR = "De resultaten konden niet worden bijgewerkt: {reason}"
NOW_BANNER = "De trainer is nu bij: {title}"
NOW_GO = "Ga erheen"

# -- Ondersteuningspiramide (widgets/pyramid.py, widgets/pyramid.js) --------------------------------
PYRAMID = {
    "board": "Jullie ondersteuningspiramide",
    "empty_layer": "Nog leeg. Voeg hieronder iets toe of sleep een onderdeel hierheen.",
    "summary": "{count} onderdelen · {hours} uur per week",
    "summary_one": "1 onderdeel · {hours} uur per week",
    "hours_short": "{hours} u/wk",
    "reach_short": "bereik {reach}%",
    "item_aria": "{name}, in {layer}. {meta}. Pijl omhoog of omlaag: naar een andere laag. Delete: verwijderen.",
    "up": "↑ Hoger",
    "down": "↓ Lager",
    "up_tip": "Zet '{name}' een laag hoger",
    "down_tip": "Zet '{name}' een laag lager",
    "edit": "Bewerk",
    "edit_tip": "Bewerk '{name}'",
    "remove": "Verwijder",
    "remove_tip": "Verwijder '{name}'",
    "add_legend": "Onderdeel toevoegen",
    "edit_legend": "Onderdeel bewerken",
    "name": "Naam van de activiteit",
    "name_placeholder": "bijv. Kanjertraining",
    "hours": "Uren per week",
    "reach": "Bereik (% van de {pupils})",
    "layer": "Laag",
    "add": "Toevoegen",
    "save": "Opslaan",
    "cancel": "Annuleer",
    "need_name": "Vul eerst een naam in.",
    "bad_hours": "Uren per week: vul een getal van 0 of meer in.",
    "bad_reach": "Bereik: vul een getal van 0 tot en met 100 in, of laat het leeg.",
    "moved": "'{name}' staat nu in {layer}.",
    "added": "'{name}' is toegevoegd aan {layer}.",
    "removed": "'{name}' is verwijderd.",
    "download": "⤓ Download als bestand (YAML)",
    "download_tip": "Bewaar de piramide als bestand op je computer",
    "drag_hint": (
        "Sleep een onderdeel naar een andere laag, of gebruik de knoppen Hoger en Lager. "
        "Met het toetsenbord: ga met Tab naar een onderdeel en druk op pijl omhoog of omlaag."
    ),
}
PYRAMID_ANALYSIS = "Wat valt op?"
PYRAMID_TEAM_PLACEHOLDER = "bijv. Intervisie of een vaste check-in"
PYRAMID_IMPORT_TITLE = "Een piramide inladen"
PYRAMID_IMPORT_HELP = (
    "Heb je een piramide als bestand (YAML of JSON)? Kies het bestand of plak de tekst. "
    "De piramide hierboven wordt dan vervangen."
)
PYRAMID_UPLOAD = "Kies bestand"
PYRAMID_PASTE = "Of plak de tekst"
PYRAMID_LOAD = "Laad piramide"
PYRAMID_LOAD_TIP = "Laad de geplakte tekst als piramide"
PYRAMID_LOADED = "De piramide is ingeladen: {n} onderdelen."
PYRAMID_DROPPED = "{n} onderdelen uit andere lagen horen niet bij deze oefening en zijn weggelaten."
PYRAMID_NOT_LOADED = "Niet ingeladen, je piramide is niet veranderd. {reason}"
# Sociogram (widgets/sociogram.py)
SOCIO_PRIVACY = (
    "Gebruik alleen schuilnamen, zoals een dier of een kleur. Zet nooit echte namen in het werkboek. "
    "Een export is standaard zonder schuilnamen."
)
SOCIO_NAME = "Schuilnaam"
SOCIO_NAME_PLACEHOLDER = "bijv. Vos of Blauw"
SOCIO_ADD = "{Leerling} toevoegen"
SOCIO_NAME_EMPTY = "Vul eerst een schuilnaam in."
SOCIO_NAME_TAKEN = "De schuilnaam '{name}' bestaat al. Kies een andere."
SOCIO_NAME_LONG = "Een schuilnaam is hoogstens 20 tekens."
SOCIO_REAL_NAME = (
    "⚠ '{name}' lijkt op een echte naam (voornaam en achternaam). Gebruik liever een schuilnaam. "
    "Wil je dit toch bewaren?"
)
SOCIO_CONFIRM = "Toch bewaren"
SOCIO_CANCEL = "Annuleren"
SOCIO_QUESTION = "Vraag"
SOCIO_CHOOSER = "Wie kiest?"
SOCIO_TICKS = "{name} kiest bij deze vraag:"
SOCIO_NO_PUPILS = "Voeg eerst {leerlingen} toe."
SOCIO_SHOW_NEGATIVE = "Negatieve keuzes tonen"
SOCIO_ARRANGE = "Ordenen als doelwit"
SOCIO_ARRANGE_TIP = "Zet de meest gekozen {leerlingen} in het midden en subgroepen bij elkaar"
SOCIO_CANVAS = {
    "intro": "Klik op een {leerling} en daarna op een ander: dan komt er een pijl bij de gekozen vraag. "
    "Klik op een pijl om die weg te halen. Sleep een {leerling} om die te verplaatsen. "
    "Met het toetsenbord: Tab naar een {leerling}, Enter om te kiezen, pijltjestoetsen om te verplaatsen.",
    "picked": "{name} kiest: klik nu op de klasgenoot die {name} kiest, of nog eens op {name} om te stoppen.",
    "added": "Pijl van {from} naar {to} toegevoegd bij de gekozen vraag.",
    "cancelled": "Gestopt. Klik op een {leerling} om een nieuwe pijl te beginnen.",
    "svg_label": "Sociogram van de klas",
    "pupil_label": "{name} {status}",
    "edge_pos": "{from} kiest {to}. Druk op Enter om deze pijl weg te halen.",
    "edge_neg": "{from} kiest {to} liever niet. Druk op Enter om deze pijl weg te halen.",
}
SOCIO_IMPORT_TITLE = "Importeren uit CSV"
SOCIO_IMPORT_NOMS = "Keuzes (from,to,question)"
SOCIO_IMPORT_ROSTER = "{Leerlingen} (id,label,present), mag leeg"
SOCIO_IMPORT = "Importeren"
SOCIO_IMPORT_TIP = "Vervang de klas door de geplakte keuzes"
SOCIO_IMPORTED = "Ingelezen: {pupils} {leerlingen} en {noms} keuzes."
SOCIO_NOT_IMPORTED = "Niet ingelezen, je klas is niet veranderd. {reason}"
SOCIO_EXPORT = "Exporteren"
SOCIO_EXPORT_TIP = "Maak CSV-tekst van de klas om te bewaren"
SOCIO_EXPORT_NAMES = "Met schuilnamen (anders L01, L02...)"
SOCIO_EXPORT_TEXT = "Export"
SOCIO_DELETE = "Klas wissen"
SOCIO_DELETE_TIP = "Wis alle {leerlingen} en keuzes van deze klas"
SOCIO_DELETE_CONFIRM = "Ja, wis alles"
SOCIO_DELETE_ASK = "Weet je het zeker? Alle {leerlingen}, keuzes en plaatsen worden gewist."
SOCIO_DELETED = "De klas is gewist."
SOCIO_TABLE_HEAD = (
    "{Leerling}",
    "Gekozen",
    "Afgewezen",
    "Kiest",
    "Wijst af",
    "Wederzijds",
    "Status",
)
SOCIO_ISOLATED = " (door niemand gekozen)"
SOCIO_ABSENT = " (afwezig)"
# Seating and a new measurement (widgets/seating_panel.py)
SEAT_MARKS_TITLE = "Wat weet jij van deze {leerlingen}?"
SEAT_MARKS_HINT = (
    "Kies een {leerling} en vink aan wat past. Het zitplan houdt daar rekening mee. "
    "Deze markeringen zijn alleen voor jou."
)
SEAT_MARK_PUPIL = "{Leerling}"
SEAT_MARK_WORDS = {
    "externaliserend": "Druk of uitdagend gedrag (externaliserend)",
    "prosociaal": "Prosociaal: helpt anderen en staat sterk in de groep",
    "sociaal zwakker": "Sociaal zwakker: heeft steun nodig",
}
SEAT_MARKED = "Gemarkeerd: {list}"
SEAT_MARKED_NONE = "Nog niemand gemarkeerd."
SEAT_TITLE = "Zitplan"
SEAT_HINT = (
    "Het werkboek stelt tafels van twee voor: druk gedrag naast een sterke, prosociale klasgenoot, "
    "sociaal zwakkere {leerlingen} in het midden, en nooit twee {leerlingen} die elkaar negatief kozen "
    "aan één tafel. Pas het daarna zelf aan."
)
SEAT_PROPOSE = "Stel een zitplan voor"
SEAT_PROPOSE_TIP = (
    "Maak een nieuw zitplan uit het sociogram en je markeringen (vervangt het huidige)"
)
SEAT_NONE = "Nog geen zitplan. Klik op 'Stel een zitplan voor'."
SEAT_BOARD = "Bord"
SEAT_DESK = "Tafel {n}"
SEAT_CENTRAL = " (midden)"
SEAT_LIST_TITLE = "Tafels en waarom"
SEAT_SWAP_A = "Wissel"
SEAT_SWAP_B = "met"
SEAT_SWAP = "Wissel"
SEAT_SWAP_TIP = "Wissel de plaatsen van de twee gekozen {leerlingen}"
SEAT_SWAPPED = "{a} en {b} zijn van plaats gewisseld."
SEAT_SWAP_SAME = "Kies twee verschillende {leerlingen} om te wisselen."
SEAT_CONFLICT = (
    "⚠ Let op: {a} en {b} kozen elkaar negatief en zitten aan dezelfde tafel. Wissel een van hen."
)
SEAT_NO_CONFLICT = "Geen tafel met twee {leerlingen} die elkaar negatief kozen."
SEAT_LEGEND = (
    "E = druk gedrag, P = prosociaal, Z = sociaal zwakker. Blauw: tafel in het midden. "
    "Rood gestippeld: deze twee kozen elkaar negatief."
)
MEASURE_TITLE = "Opnieuw meten"
MEASURE_HINT = (
    "Meet na een paar maanden opnieuw. Bij een nieuwe meting blijven de {leerlingen}, je markeringen "
    "en het zitplan staan. De keuzes begin je opnieuw; de vorige keuzes bewaart het werkboek "
    "voor de vergelijking."
)
MEASURE_NEW = "Nieuwe meting"
MEASURE_NEW_TIP = "Bewaar de keuzes van nu als vorige meting en begin met lege keuzes"
MEASURE_ASK = (
    "Weet je het zeker? De keuzes van nu worden de vorige meting. Je begint met lege keuzes."
)
MEASURE_YES = "Ja, start een nieuwe meting"
MEASURE_STARTED = (
    "Nieuwe meting gestart. Voer de nieuwe keuzes in, dan zie je hier de vergelijking."
)
MEASURE_EMPTY = (
    "Er zijn nog geen keuzes in de nieuwe meting. Voer ze in, dan zie je hier de vergelijking."
)
MEASURE_COMPARE = "Vorige meting ({date}) en nu"
MEASURE_HEAD = ("{Leerling}", "Gekozen: toen → nu", "Afgewezen: toen → nu", "Status: toen → nu")

# -- the participant's own data (issue 6) ---------------------------------------------------------
REPORT_TITLE = "Mijn werkboek"
REPORT_INTRO = (
    "Download alles wat je hebt ingevuld, met al je actiepunten samen in één plan van aanpak. "
    "Of verwijder al je gegevens."
)
PLAN_TITLE = "Mijn plan van aanpak"
PLAN_INTRO = "Al je actiepunten uit de modules, per laag van de ondersteuningspiramide."
PLAN_EMPTY = (
    "Je hebt nog geen actiepunten. Aan het eind van elke module schrijf je op wat je gaat doen; "
    "dan staat het hier."
)
REPORT_MAKE = "Maak mijn werkboek"
REPORT_MAKE_TIP = "Maak een HTML- en een pdf-bestand met al je antwoorden"
REPORT_BUSY = "Je werkboek wordt gemaakt…"
REPORT_HTML = "Download als HTML"
REPORT_PDF = "Download als pdf"
FORGET_ASK = "Verwijder mijn gegevens"
FORGET_ASK_TIP = "Verwijder je naam en al je antwoorden (je krijgt eerst een vraag)"
FORGET_WARNING = (
    "Weet je het zeker? Je naam en al je antwoorden worden gewist. Dit kan niet ongedaan "
    "worden gemaakt. Download eerst je werkboek als je het wilt bewaren."
)
FORGET_YES = "Ja, verwijder alles"
FORGET_NO = "Nee, toch niet"
FORGET_DONE = "Je gegevens zijn verwijderd ({n} antwoorden). Je kunt dit venster sluiten."

# -- measured again at a later meeting (issue 16) -------------------------------------------------
MEASURE_AGAIN = (
    "Je vulde dit in op {day}. Dat blijft bewaard. Verander je nu iets, dan wordt dat je meting "
    "van vandaag. Hieronder zie je dan beide naast elkaar."
)
MEASURE_ROUNDS = "Jouw metingen naast elkaar"

# -- the school's page: the kernteam's pyramid and plan (issue 16) --------------------------------
SCHOOL_TITLE = "Het kernteam van onze school"
SCHOOL_LINK = "Naar de pagina van het kernteam van {school}"
SCHOOL_JOIN_FIRST = "Meld je eerst aan hierboven, met de school waar je werkt."
SCHOOL_WHO = (
    "In het kernteam zitten een paar mensen die het werk aan welbevinden op school leiden, "
    "bijvoorbeeld de zorgcoördinator en iemand van de schoolleiding. Samen vullen zij één "
    "piramide en één plan van aanpak in voor de hele school."
)
SCHOOL_I_AM_MEMBER = "Ik zit in het kernteam van {school}"
SCHOOL_LEAVE = "Ik zit niet in het kernteam"
SCHOOL_CHOOSE = "Kies deze school"
SCHOOL_MEMBERS = "Kernteam van {school}:"
SCHOOL_STEP = "Waar staat onze school in het stappenplan?"
SCHOOL_STEP_NONE = "Nog niet gekozen"
SCHOOL_PYRAMID_TITLE = "Onze schoolpiramide"
SCHOOL_PYRAMID_INTRO = (
    "Vul samen in wat jullie school al doet, per laag. Iedereen van het kernteam kan tegelijk "
    "iets toevoegen, vanaf een eigen apparaat. Wat een ander toevoegt, zie je hier vanzelf."
)
SCHOOL_PYRAMID_ROUNDS = "Onze schoolpiramide per bijeenkomst"
SCHOOL_PLAN_TITLE = "Ons plan van aanpak"
SCHOOL_PLAN_INTRO = (
    "Dit zijn de actiepunten die deelnemers van jullie school markeerden met 'Voor onze school'. "
    "Kies per punt of het in jullie plan komt. Pas de tekst aan, zet erbij wie het oppakt en "
    "wanneer het klaar is. Alles wordt meteen bewaard."
)
SCHOOL_PLAN_EMPTY = (
    "Er zijn nog geen actiepunten voor jullie school. Aan het eind van elke module kan iedereen "
    "een actiepunt markeren met 'Voor onze school'. Dan staat het hier."
)
SCHOOL_PROPOSED_BY = "Voorgesteld in {module} door {who}"
SCHOOL_SOMEONE = "een deelnemer"
SCHOOL_STATUS = "Keuze"
SCHOOL_TEXT = "Actiepunt"
SCHOOL_OWNER = "Wie pakt het op?"
SCHOOL_OWNER_PLACEHOLDER = "bijv. de zorgcoördinator"
SCHOOL_WHEN = "Klaar op"
SCHOOL_NOT_SAVED = "Niet bewaard: {reason}"
SCHOOL_MEASURED = "Voor en na: {title}"
SCHOOL_MEASURED_CAPTION = "Gemiddelde van {school} per bijeenkomst"
TRAINER_PLANS_PARTICIPANTS = "Wat de deelnemers van deze school invulden"
TRAINER_KERNTEAM_TITLE = "Kernteams"
TRAINER_KERNTEAM_ASKED = (
    "Deze deelnemers zeggen dat ze in het kernteam van hun school zitten. Laat alleen toe wie dat "
    "echt doet: een lid ziet en verandert de piramide en het plan van de school."
)
TRAINER_KERNTEAM_NONE = "Niemand wacht op toegang tot het kernteam van een school."
TRAINER_KERNTEAM_MEMBERS = "In het kernteam:"
TRAINER_KERNTEAM_YES = "Toelaten"
TRAINER_KERNTEAM_NO = "Niet toelaten"
TRAINER_KERNTEAM_OUT = "Uit het kernteam halen"
