# Indblik på dansk. Hver besked findes også i ../en/indblik.ftl (testen
# i app/src/i18n.rs fejler, hvis en nøgle kun findes i det ene sprog).

## Sidens ramme
error-title-prefix = Fejl:{" "}
skip-to-content = Gå til sidens indhold
tagline-citizen = se hvem der har brugt dine oplysninger
tagline-casework = sagsbehandling af borgernes henvendelser
tagline-overview = frister og adgangskontrol for databeskyttelsesrådgiveren
tagline-queue = borgernes henvendelser
logo-home = { $municipality }, til forsiden
logo-home-plain = Forside
menu = Menu
main-menu = Hovedmenu
sign-out = Log af
menu-my-log = Hvem har set mine oplysninger?
menu-my-requests = Mine henvendelser
menu-new-request = Ny henvendelse
menu-overview = Overblik
menu-requests = Henvendelser
menu-register = Registrer henvendelse
footer-contact = Kontakt
footer-questions = Spørgsmål om portalen:
footer-municipality-site = Kommunens hjemmeside
footer-about-nav = Om portalen
footer-about = Om portalen
footer-accessibility = Tilgængelighedserklæring
footer-privacy = Privatlivspolitik
footer-staff-sign-in = Log ind som medarbejder
language-switch = In English
language-switch-label = Read this page in English

## Advarsel før automatisk log af
idle-heading = Du bliver snart logget ud
idle-text = Du har ikke brugt portalen i { $idle } minutter. Om { $left } minutter bliver du logget ud af sikkerhedshensyn.
idle-stay = Bliv logget ind

## Forsiden
home-title = Forside
home-description = Se hvilke enheder i kommunen der har brugt dine personoplysninger, i hvilket system, hvornår og til hvad, og bed om indsigt, berigtigelse eller sletning.
home-heading = Se hvem der har brugt dine oplysninger
home-lead = { $municipality } bruger oplysninger om dig, når du fx søger om en ydelse, har en sag i jobcentret eller får hjemmepleje. Hver gang en medarbejder slår dig op eller ændrer dine oplysninger i et af kommunens it-systemer, bliver det skrevet i en log.
home-lead-municipality = Kommunen
home-overview = I Indblik kan du se et overblik over den log og bruge dine rettigheder, hvis du vil vide mere eller er uenig.
home-you-see = Det kan du se
home-see-unit = hvilken enhed i kommunen der har brugt dine oplysninger
home-see-system = i hvilket it-system det skete
home-see-when = hvornår det skete
home-see-what = hvad der blev gjort, fx om oplysningerne blev slået op, ændret eller udskrevet
home-see-why = hvorfor, altså hvilken opgave oplysningerne blev brugt til
home-not-who = Du kan ikke se navnet på den enkelte medarbejder. Efter Datatilsynets praksis har du ret til at vide, hvilken enhed i kommunen der har brugt dine oplysninger, men ikke hvilken medarbejder.
home-rights = Dine rettigheder
home-sign-in = Log ind med MitID
home-to-my-log = Se hvem der har brugt dine oplysninger
home-to-requests = Til henvendelserne
home-to-overview = Til overblikket

## Det viser loggen ikke
log-not-shown-heading = Det viser loggen ikke
log-not-shown-searches = Søgninger, hvor en medarbejder har søgt på fx en fødselsdato uden at åbne oplysninger om netop dig.
log-not-shown-old = Brug, der ligger længere tilbage end den periode, kommunen gemmer loggen i.
log-not-shown-hidden = Brug, som midlertidigt er skjult, fordi det er nødvendigt af hensyn til fx efterforskning af en forbrydelse (databeskyttelseslovens § 22). Skjult brug tælles ikke med nogen steder. Når grunden ikke længere gælder, bliver det vist i loggen sammen med begrundelsen.
log-not-shown-name = Navnet på den enkelte medarbejder.

## Dine rettigheder
right-access = Ret til indsigt
right-access-text = du kan få at vide, hvilke oplysninger kommunen behandler om dig, hvorfor, og hvem der har fået dem.
right-rectification = Ret til berigtigelse
right-rectification-text = du kan bede om at få rettet oplysninger, der er forkerte.
right-erasure = Ret til sletning
right-erasure-text = i nogle tilfælde kan du bede om at få oplysninger slettet, fx når kommunen ikke længere har brug for dem.
right-restriction = Ret til begrænsning
right-restriction-text = du kan bede kommunen om midlertidigt kun at opbevare oplysningerne, fx mens det undersøges, om de er rigtige.
right-objection = Ret til indsigelse
right-objection-text = du kan gøre indsigelse mod, at kommunen bruger dine oplysninger, hvis din særlige situation taler for det.
rights-deadline = Kommunen skal svare dig senest en måned efter, at den har modtaget din henvendelse. Er sagen særlig kompliceret, eller har du sendt mange henvendelser, kan fristen forlænges med op til to måneder. Så får du besked om forlængelsen og begrundelsen inden for den første måned.
rights-complain = Er du uenig i, hvordan kommunen behandler dine oplysninger, kan du klage til
rights-authority = Datatilsynet

## Logget ud
signed-out-closed-title = Siden er lukket
signed-out-closed-text = Siden blev lukket, fordi den ikke var brugt i { $minutes } minutter. Du er stadig logget ind, fordi du har brugt portalen i et andet vindue.
signed-out-title = Du er logget ud
signed-out-text = Du er logget ud, fordi du ikke har brugt portalen i { $minutes } minutter. Det sker af hensyn til dine oplysninger, hvis du har forladt skærmen.
signed-out-front = Gå til forsiden

## Om portalen
about-title = Om portalen
about-description = Hvad Indblik viser og ikke viser: loggen over kommunens brug af dine oplysninger, hvor den kommer fra, hvor længe den gemmes, og hvad den ikke viser.
about-lead = Indblik viser dig, hvem i kommunen der har brugt dine personoplysninger, og lader dig bruge dine rettigheder efter databeskyttelsesforordningen.
about-source-heading = Hvor kommer oplysningerne fra?
about-source = Offentlige myndigheder skal logge, hver gang en medarbejder bruger personoplysninger i et it-system: hvornår, hvem, hvad der blev gjort, og hvilken person det drejede sig om. Kommunens it-systemer sender disse registreringer til Indblik. Portalen samler dem pr. dag, enhed, system, handling og formål, så du får et overblik i stedet for en lang liste af tekniske linjer.
about-no-names = Medarbejderens navn bliver aldrig vist. Du ser den enhed, medarbejderen hører til, og det formål, oplysningerne blev brugt til.
about-how-long-heading = Hvor længe kan jeg se tilbage?
about-how-long = Loggen gemmes som udgangspunkt i seks måneder og derefter slettes den. Portalen viser altid, fra hvilken dato loggen dækker. Vil du vide mere om ældre behandling af dine oplysninger, kan du bede om indsigt.
about-who-heading = Hvem bruger portalen?
about-who-citizens = Borgere, der logger ind med MitID og ser deres egen log og deres henvendelser.
about-who-caseworkers = Kommunens sagsbehandlere, der behandler henvendelser om indsigt, berigtigelse, indsigelse og de øvrige rettigheder.
about-who-dpo = Kommunens databeskyttelsesrådgiver, der holder øje med fristerne og med, at loggen bliver brugt rigtigt.
about-own-use = Når en medarbejder åbner din henvendelse i portalen, bliver det også logget, og du kan se det i din egen log.
about-behind-heading = Hvem står bag?
about-behind = Portalen drives af { $municipality }. Har du spørgsmål til portalen, kan du skrive til

## Tilgængelighedserklæring
a11y-title = Tilgængelighedserklæring
a11y-description = Hvordan Indblik lever op til kravene om webtilgængelighed (WCAG 2.1 og 2.2, niveau AA), hvad der ikke er tilgængeligt, og hvordan du giver besked.
a11y-lead = { $municipality } ønsker, at alle kan bruge Indblik, også hvis man bruger skærmlæser, forstørrelse, tastatur i stedet for mus eller har slået JavaScript fra.
a11y-scope = Erklæringen gælder for portalen Indblik og er udarbejdet efter lov om tilgængelighed af offentlige organers websteder og mobilapplikationer. Standarden er WCAG 2.1 på niveau AA, som loven henviser til gennem den europæiske standard EN 301 549. Vi tester også mod de nye krav i WCAG 2.2.
a11y-status-heading = Overholdelsesstatus
a11y-status = Portalen er delvist i overensstemmelse med WCAG 2.1 niveau AA. Alle sider bliver ved hver ændring af portalen testet automatisk med værktøjet axe-core i en rigtig browser, både med og uden JavaScript, og en ændring bliver ikke taget i brug, hvis testen finder fejl. Automatiske test finder dog ikke alle problemer, og portalen er endnu ikke gennemgået af en uafhængig ekspert. Derfor skriver vi delvist i overensstemmelse, indtil det er sket.
a11y-built-heading = Sådan er portalen bygget
a11y-built-dkfds = Portalen bruger Det Fælles Designsystem (DKFDS), som er udviklet til offentlige løsninger med tilgængelighed for øje.
a11y-built-no-js = Alle sider virker uden JavaScript.
a11y-built-keyboard = Der er et link til at springe direkte til sidens indhold, og alle funktioner kan bruges med tastaturet.
a11y-built-charts = Diagrammer har en tekst, der beskriver dem, og tallene står også i en tabel.
a11y-known-heading = Kendte problemer
a11y-known = Navne på kommunens enheder, systemer og formål kommer fra kommunens egne systemer og står på dansk, også på den engelske udgave af portalen; de er markeret som danske, så skærmlæsere læser dem rigtigt. Vi kender ikke til andre dele af portalen, der ikke er tilgængelige. Finder du et problem, vil vi meget gerne høre om det.
a11y-contact-heading = Feedback og kontakt
a11y-contact = Oplever du problemer med tilgængeligheden, eller har du brug for oplysningerne i en anden form, så skriv til
a11y-contact-answer = Vi svarer normalt inden for 10 arbejdsdage.
a11y-complain-heading = Klagemulighed
a11y-complain = Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med, at offentlige websteder er tilgængelige:
a11y-about-heading = Om erklæringen
a11y-about = Erklæringen er udarbejdet i november 2026 og bliver opdateret, når portalen ændres væsentligt og mindst én gang om året.

## Privatlivspolitik
privacy-title = Privatlivspolitik
privacy-description = Hvilke oplysninger Indblik selv behandler om dig, hvorfor, hvor længe de gemmes, og hvordan du kontakter kommunens databeskyttelsesrådgiver.
privacy-heading = Sådan behandler Indblik dine oplysninger
privacy-lead = Her kan du læse, hvilke oplysninger portalen selv bruger, når du logger ind og sender henvendelser, og hvorfor.
privacy-controller-heading = Dataansvarlig
privacy-controller = { $municipality } er dataansvarlig for behandlingen af dine oplysninger i portalen. Du kan kontakte kommunens databeskyttelsesrådgiver på
privacy-sign-in-heading = Når du logger ind
privacy-sign-in = Du logger ind med MitID. Portalen får dit navn og dit CPR-nummer fra MitID. Navnet bruges til at vise, at du er logget ind. CPR-nummeret bruges til at finde netop dine registreringer i loggen: portalen omdanner det til et pseudonym, en kode som kun kan dannes med en hemmelig nøgle, som kun kommunens it-drift har. Loggen og dine henvendelser kender dig ved koden. Mens du er logget ind, ligger dit CPR-nummer krypteret i din session på serveren, så du kan sende henvendelser; det slettes, når sessionen slutter.
privacy-cookies = Portalen sætter én cookie, som kun indeholder et tilfældigt nummer, der holder dig logget ind, og som slettes, når du lukker browseren. Den er nødvendig for, at portalen virker, og bliver ikke brugt til statistik eller markedsføring. Vælger du selv sprog ("In English" øverst på siden), husker en cookie dit valg i et år; den indeholder kun sprogkoden. Du bliver logget ud, når du selv logger ud, når du ikke har brugt portalen i { $minutes } minutter, og senest efter 8 timer.
privacy-request-heading = Når du sender en henvendelse
privacy-request = Sender du en henvendelse, fx en anmodning om indsigt, gemmer portalen det, du skriver, og beskederne mellem dig og kommunen. For at sagsbehandleren kan finde dine oplysninger i kommunens systemer, gemmes dit CPR-nummer krypteret sammen med henvendelsen. Hvis du giver din e-mailadresse, bruger vi den kun til at fortælle, at der er nyt i din sag. Mailen indeholder ingen personoplysninger. Portalen gemmer også, om du skrev på dansk eller engelsk, så beskeder til dig kommer på samme sprog.
privacy-security-heading = Sikkerhedslog
privacy-security = For at beskytte dine oplysninger registrerer portalen tidspunkt og IP-adresse ved afviste login-forsøg og ved forsøg på at åbne sider, man ikke har adgang til. Efter gentagne afviste forsøg bliver yderligere forsøg blokeret. Når en medarbejder bruger dine oplysninger i portalen, fx åbner din henvendelse, bliver det logget og vist i din egen log.
privacy-basis-heading = Formål og retsgrundlag
privacy-basis-requests = Vi behandler oplysningerne for at kunne give dig indsigt i loggen og behandle dine henvendelser. Det er en retlig forpligtelse efter databeskyttelsesforordningens artikel 12-22, jf. artikel 6, stk. 1, litra c.
privacy-basis-security = Sikkerhedsloggen er nødvendig for at beskytte oplysningerne, jf. artikel 32 og artikel 6, stk. 1, litra c og e.
privacy-basis-cpr = CPR-nummeret behandles for at kunne identificere dig entydigt, jf. databeskyttelseslovens § 11, stk. 1.
privacy-recipients-heading = Hvem får oplysningerne?
privacy-recipients = Kun medarbejdere i kommunen, der behandler din henvendelse, og kommunens databeskyttelsesrådgiver. Kommunen kan bruge leverandører til drift af portalen og til MitID-login; de behandler kun oplysningerne efter kommunens instruks. Oplysningerne bliver ikke overført til lande uden for EU/EØS.
privacy-retention-heading = Hvor længe gemmer vi oplysningerne?
privacy-retention-session = Din session (og dit krypterede CPR-nummer i den) slettes, når du logger ud, ellers når den udløber, senest efter 8 timer.
privacy-retention-sign-ins = At du har logget ind (tidspunkt og IP-adresse) gemmes i { $months ->
    [one] { $months } måned
   *[other] { $months } måneder
}.
privacy-retention-log = Loggen over brugen af dine oplysninger gemmes i { $months ->
    [one] { $months } måned
   *[other] { $months } måneder
}.
privacy-retention-requests = Henvendelser gemmes efter de regler for journalisering og arkivering, der gælder for kommunen.
privacy-retention-security = Sikkerhedsloggen (afviste forsøg og spærringer, der er ophævet) gemmes i { $months ->
    [one] { $months } måned
   *[other] { $months } måneder
}.
privacy-retention-mail = Portalens kopi af en e-mail, der er sendt til dig, gemmes i { $days ->
    [one] { $days } dag
   *[other] { $days } dage
}.
privacy-rights-heading = Dine rettigheder
privacy-authority-address = Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby,

## Log ind afvist
refused-assurance-heading = Dit MitID giver ikke adgang til portalen
refused-assurance = Portalen viser oplysninger om, hvem der har brugt dine personoplysninger, og kræver derfor, at du logger ind med et MitID på et højere sikringsniveau end det, du brugte. Log ind igen med MitID-appen eller en kodeviser eller kodeoplæser.
refused-cpr-heading = Vi kunne ikke finde dit CPR-nummer
refused-cpr = MitID sendte ikke et gyldigt CPR-nummer, og uden det kan portalen ikke finde dine oplysninger. Det kan ske, hvis du har logget ind med et erhvervs-MitID. Prøv igen med dit private MitID.
refused-blocked-heading = Log ind er spærret
refused-blocked = Der har været for mange mislykkede forsøg på at logge ind fra din forbindelse eller med dit MitID. Af hensyn til sikkerheden er flere forsøg spærret, indtil kommunen har undersøgt det. Skriv til kommunen på adressen nedenfor, så ophæver vi spærringen, når vi har talt med dig.
refused-role-heading = Du har ikke adgang som medarbejder
refused-role = Din bruger har ikke en rolle i portalen (sagsbehandler, databeskyttelsesrådgiver eller administrator), eller den mangler en enhed. Kontakt din leder eller it-afdelingen, hvis du skal have adgang.
refused-two-factor-heading = Log ind kræver to-faktor-godkendelse
refused-two-factor = Medarbejdere skal logge ind med to-faktor-godkendelse, fx med en godkendelses-app. Log ind igen, og godkend med din anden faktor.
refused-unavailable-heading = MitID svarer ikke lige nu
refused-unavailable = Portalen kunne ikke få forbindelse til MitID. Prøv igen om lidt.
refused-interrupted-heading = Log ind blev afbrudt
refused-interrupted = Log ind kunne ikke gennemføres, fx fordi det tog for lang tid, eller fordi siden blev genindlæst undervejs. Prøv igen.
refused-retry = Prøv at logge ind igen
refused-help = Har du brug for hjælp, kan du skrive til kommunen:
refused-front = Tilbage til forsiden

## Diagrammer
chart-as-table = Se tallene som tabel

## Typer af brug
use-verb-read = slog dine oplysninger op
use-verb-search = fandt dig ved en søgning
use-verb-create = registrerede nye oplysninger
use-verb-update = ændrede dine oplysninger
use-verb-delete = slettede oplysninger
use-verb-print = udskrev dine oplysninger
use-verb-export = udtrak dine oplysninger
use-verb-batch = behandlede dine oplysninger i en kørsel
use-verb-opened-request = åbnede din henvendelse
use-verb-unknown = brugte dine oplysninger
use-label-read = Opslag
use-label-search = Søgning
use-label-create = Oprettelse
use-label-update = Ændring
use-label-delete = Sletning
use-label-print = Udskrift
use-label-export = Udtræk
use-label-batch = Kørsel

## Min log
my-log-title = Hvem har set mine oplysninger?
my-log-the-municipality = kommunen
my-log-lead = Her kan du se, hvilke enheder i { $municipality } der har brugt oplysninger om dig, i hvilket it-system, hvornår og til hvad. Du kan ikke se, hvilken medarbejder det var. Loggen dækker fra { $from }.
my-log-no-uses = Ingen brug af dine oplysninger i perioden { $period }.
my-log-uses = { $count ->
    [one] { $count } gang
   *[other] { $count } gange
} i perioden { $period }.
my-log-bulk-left-out = { $count ->
    [one] { $count } linje
   *[other] { $count } linjer
} fra masseudtræk (kørsler, der behandler mange borgere på én gang) er ikke vist.
my-log-bulk-how = Sæt flueben ved "Vis også masseudtræk" for at se dem.
my-log-correct-filter = Ret afgrænsningen, så viser vi din log.
my-log-downloads = Hent eller udskriv
my-log-csv = Hent som regneark (CSV)
my-log-json = Hent som data (JSON)
my-log-print = Udskriftsvenlig visning
my-log-date-hint = Dag-måned-år, fx 01-05-2026
my-log-filter-form = Afgræns loggen
my-log-filter-legend = Afgræns visningen
my-log-from = Fra dato
my-log-to = Til dato
my-log-system = System
my-log-all-systems = Alle systemer
my-log-unit = Enhed
my-log-all-units = Alle enheder
my-log-use = Type af brug
my-log-all-uses = Alle typer
my-log-show-bulk = Vis også masseudtræk
my-log-show = Vis
my-log-reset = Nulstil
my-log-chart-caption = Brug af dine oplysninger pr. måned, { $period }
my-log-chart-title = Antal gange dine oplysninger er brugt, pr. måned
my-log-chart-month = Måned
my-log-chart-count = Antal gange
my-log-table = Brugen af dine oplysninger
my-log-col-when = Hvornår
my-log-col-who = Hvem
my-log-col-what = Hvad
my-log-col-system = System
my-log-col-purpose = Formål
my-log-col-count = Antal
my-log-col-ask = Spørg
my-log-ask-look-up = Spørg om dette opslag
my-log-ask-use = Spørg om denne brug
my-log-bulk = Masseudtræk
my-log-was-hidden = Var skjult indtil for nylig:
my-log-legal-basis = Hjemmel:
my-log-pages = Sider
my-log-page-of = Side { $page } af { $pages }
my-log-previous = Forrige side
my-log-next = Næste side
my-log-empty-heading = Der er ingen brug at vise
my-log-empty = Kommunens systemer har ikke registreret, at en medarbejder har brugt oplysninger om dig i den valgte periode med de valgte afgrænsninger. Prøv evt. en længere periode eller færre afgrænsninger.
log-filter-date-invalid = Skriv datoen som dag-måned-år, fx 01-05-2026.
log-filter-end-before-start = Slutdatoen skal ligge efter startdatoen.
log-filter-use-invalid = Vælg en type af brug fra listen.

## Henvendelsernes ord: typer, status, kanaler, forlængelse, afslag
kind-access-label = Indsigt
kind-rectification-label = Berigtigelse
kind-objection-label = Indsigelse
kind-erasure-label = Sletning
kind-restriction-label = Begrænsning
kind-log_question-label = Spørgsmål til opslag
kind-access-title = Se de oplysninger, kommunen har om dig
kind-rectification-title = Få rettet forkerte oplysninger
kind-objection-title = Gør indsigelse mod en behandling
kind-erasure-title = Få slettet oplysninger
kind-restriction-title = Få begrænset en behandling
kind-log_question-title = Spørg om et opslag i din log
kind-access-article = databeskyttelsesforordningens artikel 15
kind-rectification-article = databeskyttelsesforordningens artikel 16
kind-objection-article = databeskyttelsesforordningens artikel 21
kind-erasure-article = databeskyttelsesforordningens artikel 17
kind-restriction-article = databeskyttelsesforordningens artikel 18
kind-log_question-article = databeskyttelsesforordningens artikel 15
kind-access-explanation = Du har ret til at få at vide, hvilke oplysninger kommunen behandler om dig, hvorfor, hvor de kommer fra, og hvem der har fået dem. Du får også en oversigt over, hvilke enheder der har set dine oplysninger (din log).
kind-rectification-explanation = Er en oplysning om dig forkert eller ufuldstændig, kan du bede kommunen rette den. Skriv, hvad der er forkert, og hvad der er det rigtige.
kind-objection-explanation = Du kan gøre indsigelse mod, at kommunen behandler oplysninger om dig, når det skyldes din særlige situation. Kommunen skal så stoppe, medmindre der er vægtige grunde til at fortsætte.
kind-erasure-explanation = Du kan bede kommunen slette oplysninger, som ikke længere er nødvendige, eller som er behandlet uden lovligt grundlag. Kommunen må ofte gemme oplysninger, fordi loven kræver det; så får du at vide hvorfor.
kind-restriction-explanation = Du kan bede kommunen om kun at opbevare oplysningerne og ikke bruge dem, fx mens det undersøges, om de er rigtige.
kind-log_question-explanation = Du kan spørge, hvorfor en enhed har set eller ændret dine oplysninger. Spørgsmålet er en anmodning om indsigt i netop den behandling, og det besvares af kommunens databeskyttelsesfunktion, ikke af den enhed, du spørger om.
kind-access-about-label = Hvad vil du have indsigt i?
kind-rectification-about-label = Hvilke oplysninger drejer det sig om?
kind-objection-about-label = Hvilken behandling gør du indsigelse mod?
kind-erasure-about-label = Hvilke oplysninger vil du have slettet, og hvorfor?
kind-restriction-about-label = Hvilken behandling vil du have begrænset, og hvorfor?
kind-log_question-about-label = Hvad vil du spørge om?
kind-access-about-hint = Skriv fx "alt", eller nævn en sag, en enhed eller en periode.
kind-rectification-about-hint = Nævn gerne sagen eller enheden.
kind-objection-about-hint = Nævn gerne sagen eller enheden.
kind-erasure-about-hint = Nævn gerne sagen eller enheden.
kind-restriction-about-hint = Nævn gerne sagen eller enheden.
kind-log_question-about-hint = Fx hvorfor enheden så dine oplysninger.
status-received = Modtaget
status-in_progress = Under behandling
status-awaiting_citizen = Afventer borgerens svar
status-answered = Besvaret
status-partly_refused = Delvist afvist
status-refused = Afvist
status-withdrawn = Trukket tilbage
status-closed = Lukket
channel-portal = Indblik
channel-letter = Brev
channel-phone = Telefon
channel-email = E-mail
extension-complexity = Henvendelsen er kompleks
extension-number = Der er mange henvendelser fra dig
refusal-unfounded = Henvendelsen er åbenbart grundløs (databeskyttelsesforordningens artikel 12, stk. 5)
refusal-excessive = Henvendelsen er overdreven, især fordi den gentages (databeskyttelsesforordningens artikel 12, stk. 5)
refusal-section_22 = Afgørende hensyn til private eller offentlige interesser (databeskyttelseslovens § 22)
status-awaiting_citizen-to-citizen = Kommunen venter på dit svar
right-to-complain = Du kan klage over afgørelsen til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk.

## Dage til fristen
days-cell-today = Frist i dag
days-cell-overdue = { $days ->
    [one] { $days } dag
   *[other] { $days } dage
} over fristen
days-cell-left = { $days ->
    [one] { $days } dag
   *[other] { $days } dage
}
days-sentence-today = Fristen er i dag.
days-sentence-overdue = Fristen er overskredet med { $days ->
    [one] { $days } dag
   *[other] { $days } dage
}.
days-sentence-left = { $days ->
    [one] { $days } dag
   *[other] { $days } dage
} til fristen.
due-window-overskredet = Overskredet
due-window-snart = Snart

## Sagsbehandlingens handlinger, kvitteringer og historik
case-action-heading-tildel = Tildel
case-action-heading-uddybning = Bed borgeren om uddybning
case-action-heading-besked = Skriv til borgeren
case-action-heading-note = Intern note
case-action-heading-forlaeng = Forlæng fristen med to måneder
case-action-heading-svar = Besvar
case-action-heading-afvis = Afvis helt eller delvist
case-action-heading-luk = Luk henvendelsen
case-action-button-tildel = Tildel den valgte
case-action-button-uddybning = Send spørgsmål
case-action-button-besked = Send besked
case-action-button-note = Gem note
case-action-button-forlaeng = Forlæng fristen
case-action-button-svar = Send svar
case-action-button-afvis = Send afgørelse
case-action-button-luk = Luk
notice-sendt = Din besked er sendt.
notice-tilbagetrukket = Henvendelsen er trukket tilbage.
notice-tildelt = Henvendelsen er tildelt.
notice-uddybning = Spørgsmålet er sendt til borgeren. Fristen løber videre.
notice-besked = Beskeden er sendt til borgeren.
notice-note = Noten er gemt. Den vises ikke for borgeren.
notice-forlaenget = Fristen er forlænget, og borgeren kan se begrundelsen.
notice-besvaret = Svaret er sendt til borgeren.
notice-afvist = Afgørelsen er sendt til borgeren.
notice-lukket = Henvendelsen er lukket.
notice-registreret = Henvendelsen er registreret, og fristen er beregnet fra modtagelsen.
history-received = Henvendelsen er modtaget via Indblik
history-registered = Henvendelsen er registreret
history-assigned-citizen = Henvendelsen er under behandling
history-assigned-staff = Tildelt
history-clarification_asked = Spørgsmål om uddybning
history-message_to_citizen = Besked fra kommunen
history-message_from_citizen-citizen = Besked fra dig
history-message_from_citizen-staff = Besked fra borgeren
history-note = Intern note
history-extended = Fristen er forlænget
history-answered = Svar
history-partly_refused = Delvist afslag og svar
history-refused = Afslag
history-withdrawn = Trukket tilbage
history-closed = Lukket
history-cpr_revealed = CPR-nummer vist
history-by-you = Du
history-by-citizen = Borgeren
history-by-municipality = Kommunen ({ $unit })

## Når et skridt ikke er tilladt
not-allowed-withdrawn = Henvendelsen er trukket tilbage.
not-allowed-closed = Henvendelsen er lukket.
not-allowed-answered = Henvendelsen er allerede besvaret.
not-allowed-extended-twice = Fristen er allerede forlænget. Den kan kun forlænges én gang.
not-allowed-extend-late = Fristen kan ikke forlænges, når den oprindelige frist er overskredet. Borgeren skal have besked om en forlængelse inden fristen.
not-allowed-close-open = Henvendelsen kan først lukkes, når den er besvaret, afvist eller trukket tilbage.
not-allowed-reveal-cpr = Kun sagsbehandlere i enheden, der behandler henvendelsen, kan se det fulde CPR-nummer.
not-allowed-assignee = Vælg en sagsbehandler i enheden.

## Tekster, portalen skriver i en henvendelses historik
registered-history = Modtaget { $received } pr. { $channel }. Identitet kontrolleret: { $identity }
registered-by = Registreret af { $name }. Identitet kontrolleret: { $identity }
extension-history = Den nye frist er { $until }. Begrundelse: { $reason }. { $explanation }
refusal-ground = Grundlag: { $ground }.

## E-mails
mail-notice-subject = Der er nyt i din henvendelse
mail-notice-news = Der er nyt i en af dine henvendelser til kommunen.
mail-notice-sign-in = Log ind med MitID for at læse den:
mail-notice-why = Du får denne besked, fordi du bad om det, da du sendte henvendelsen. Beskeden er sendt automatisk; du kan ikke svare på den.
mail-digest-today = frist i dag
mail-digest-overdue = { $days ->
    [one] { $days } dag
   *[other] { $days } dage
} over fristen
mail-digest-left = { $days ->
    [one] { $days } dag
   *[other] { $days } dage
} tilbage
mail-digest-deadline = frist { $date }
mail-digest-dpo-subject = Indblik { $today }: { $overdue ->
    [one] { $overdue } overskreden frist
   *[other] { $overdue } overskredne frister
}, { $soon } inden for { $days ->
    [one] { $days } dag
   *[other] { $days } dage
}
mail-digest-dpo-none = Ingen åbne henvendelser har overskredet fristen eller har frist inden for { $days } dage.
mail-digest-dpo-some = Åbne henvendelser med overskredet frist eller frist inden for { $days } dage, i alle enheder:
mail-digest-overview = Overblik: { $link }
mail-digest-own-subject = Indblik { $today }: { $count } af dine henvendelser har snart frist
mail-digest-own = Dine åbne henvendelser med overskredet frist eller frist inden for { $days } dage:
mail-digest-queue = Køen: { $link }

## Borgerens henvendelser
new-request-title = Ny henvendelse
new-request-lead = Du har en række rettigheder, når kommunen behandler oplysninger om dig. Vælg, hvad du vil bede om. Kommunen skal svare dig senest en måned efter, at de har modtaget din henvendelse. Er sagen kompliceret, kan fristen forlænges med to måneder; så får du besked inden for den første måned med en begrundelse.
new-request-your-right = Din ret efter { $article }.
new-request-ask-look-up-before = Vil du spørge om et bestemt opslag i din log? Gå til{" "}
new-request-ask-look-up-after = {" "}og vælg "Spørg om dette opslag" ved linjen.
request-form-right = Din ret efter { $article }. Kommunen svarer senest en måned efter modtagelsen; du kan følge henvendelsen under
row-not-found-before = Vi kan ikke finde opslaget i din log. Gå tilbage til{" "}
row-not-found-link = din log
row-not-found-after = {" "}og vælg "Spørg om dette opslag" ved den linje, du vil spørge om.
asked-row-heading = Opslaget, du spørger om
asked-row-what = { $action } ({ $count ->
    [one] { $count } gang
   *[other] { $count } gange
})
field-what-is-wrong = Hvad er forkert?
field-what-is-right = Hvad er det rigtige?
field-situation = Hvad er din særlige situation?
field-situation-hint = Fortæl, hvorfor behandlingen er et problem netop for dig.
field-notify-email = Din e-mailadresse (frivillig)
field-notify-email-hint = Vi skriver kun, at der er nyt i din henvendelse, aldrig hvad sagen handler om.
request-send = Send henvendelse
receipt-title = Kvittering
receipt-heading = Vi har modtaget din henvendelse
receipt-title-of = Kvittering for henvendelse { $number }
request-number = Henvendelse { $number }
receipt-received = Modtaget { $received }. Kommunen svarer dig senest { $due }.
receipt-deadline = Fristen er en måned fra modtagelsen. Kan kommunen ikke nå det, fordi sagen er kompleks, får du besked med en begrundelse inden fristen, og fristen kan så forlænges med højst to måneder.
receipt-mail = Vi skriver til { $email }, når kommunen har svaret, eller hvis kommunen har brug for noget fra dig. Selve svaret læser du her i portalen.
receipt-no-mail = Du har ikke oplyst en e-mailadresse, så du får ikke besked, når der er nyt. Se selv efter under "Mine henvendelser".
receipt-follow = Se og følg din henvendelse
receipt-print-how = Du kan udskrive kvitteringen eller gemme den som PDF fra browserens menu.
receipt-print = Udskriv kvittering
request-not-yours = Vi kan ikke finde henvendelsen blandt dine henvendelser.
my-requests-lead = Her kan du følge dine henvendelser om dine oplysninger og se kommunens svar.
my-requests-none = Du har ingen henvendelser.
my-requests-table = Dine henvendelser
my-requests-caption = Dine henvendelser, nyeste først
col-number = Nummer
col-about = Drejer sig om
col-received = Modtaget
col-status = Status
col-deadline = Frist
deadline-extended = forlænget
citizen-form-message = Skriv til kommunen
citizen-form-withdraw = Træk henvendelsen tilbage
my-request-title = Min henvendelse
back-to-my-requests = Til mine henvendelser
awaited-asked = Kommunen har spurgt dig om dette:
awaited-deadline = Fristen for kommunens svar løber videre, mens kommunen venter på dig. Svar herunder.
my-request-mail = Vi skriver til { $email }, når der er nyt i henvendelsen.
withdraw-explained = Har du ikke længere brug for svar, kan du trække henvendelsen tilbage. Det kan ikke fortrydes, men du kan altid sende en ny.
field-your-reply = Dit svar
field-your-message = Din besked
citizen-send-reply = Send svar
citizen-send-message = Send besked
facts-about = Henvendelsen drejer sig om
facts-deadline = Frist for svar
facts-extended-to = forlænget til { $until }
facts-extension-reason = Begrundelse: { $reason }.
facts-unit = Behandles af
facts-log-row = Opslaget i loggen
facts-what-is-wrong = Det er forkert
facts-what-is-right = Det rigtige er
facts-situation = Den særlige situation
facts-log-question = Et spørgsmål til et opslag er en anmodning om indsigt i netop den behandling (databeskyttelsesforordningens artikel 15).
history-heading = Forløb
history-internal = intern, vises ikke for borgeren
history-status = Status: { $change }
attachments-heading = Bilag

## Fejl
error-internal = Der opstod en fejl hos os. Oplys referencen { $reference }, hvis du kontakter kommunen.
error-not-signed-in = Du skal logge ind for at se denne side.
error-forbidden = Du har ikke adgang til denne side.
error-unreachable = Forbindelsen til portalen svigtede. Prøv igen om lidt.
error-title = Der opstod en fejl
unavailable-title = Indblik er ikke tilgængelig lige nu
unavailable-text = Indblik kan ikke nå sine data i øjeblikket. Prøv igen om et par minutter; det, du har sendt og fået kvittering for, er gemt.
error-reference = Reference: { $reference }.
not-found-title = Siden findes ikke
not-found-text = Vi kan ikke finde den side, du leder efter. Den kan være flyttet, eller adressen kan være skrevet forkert.

## Formularer
form-errors-heading = Ret det, der er markeret, og send igen
form-not-saved = Det, du sendte, blev ikke gemt
form-see-what = Se hvad der skal rettes under "{ $heading }"

## Sagsbehandling
case-not-found-or-other-unit = Henvendelsen findes ikke, eller den hører til en anden enhed.
case-not-found = Henvendelsen findes ikke.
queue-title = Sagsbehandling
queue-lead = Åbne henvendelser sorteret efter frist. Fristen er en måned fra modtagelsen og kan forlænges én gang med to måneder.
queue-register = Registrer henvendelse fra brev, telefon eller e-mail
queue-search = Søg efter nummer eller navn
queue-search-hint = Fx H-000123 eller en del af borgerens navn
queue-all-open = Alle åbne
queue-all-kinds = Alle typer
queue-all-my-units = Alle mine enheder
queue-all-deadlines = Alle frister
queue-only-mine = Kun mine
queue-listed-open = { $count ->
    [one] { $count } åben henvendelse
   *[other] { $count } åbne henvendelser
}.
queue-listed-open-search = { $count ->
    [one] { $count } åben henvendelse
   *[other] { $count } åbne henvendelser
}, der passer på søgningen.
queue-listed = { $count ->
    [one] { $count } henvendelse
   *[other] { $count } henvendelser
}.
queue-listed-search = { $count ->
    [one] { $count } henvendelse
   *[other] { $count } henvendelser
}, der passer på søgningen.
queue-caption = Henvendelser, tidligste frist først
col-left = Tilbage
col-kind = Type
col-citizen = Borger
col-caseworker = Sagsbehandler
not-assigned = Ikke tildelt
case-title = Henvendelse
back-to-queue = Til køen
open-case-title = Åbn henvendelse
open-case-lead = Du kom hertil fra et link uden for portalen. Når du åbner henvendelsen, bliver opslaget logget på borgeren, og borgeren kan se det.
open-case-button = Åbn henvendelse { $number }
case-cpr = CPR-nummer
case-cpr-logged = visningen er logget
case-cpr-reveal = Vis fuldt CPR-nummer
case-cpr-reveal-logged = Visningen bliver logget og kan ses af borgeren.
case-registration = Registrering
case-read-only = Du kan se henvendelsen, men kun sagsbehandlere i den enhed, der behandler den, kan handle på den.
case-actions = Handlinger
assign-to-me = Tildel mig
assign-colleague = Eller vælg en kollega
answer-body = Svar til borgeren
answer-log-attached = Borgerens log (oversigten fra "Hvem har set mine oplysninger?") bliver vedlagt svaret som CSV-fil.
clarification-deadline = Fristen løber videre, mens borgeren svarer.
clarification-body = Spørgsmål til borgeren
message-body = Besked til borgeren
extend-once = Fristen kan forlænges én gang, og kun inden den oprindelige frist. Borgeren ser begrundelsen.
extend-reason = Begrundelse
choose = Vælg
extend-explanation = Forklaring til borgeren
refuse-fully = Helt
refuse-partly = Delvist (svar på resten i teksten)
refuse-scope = Afvises henvendelsen helt eller delvist?
refuse-ground = Retligt grundlag
refuse-body = Begrundelse til borgeren
refuse-body-hint = Borgeren får automatisk besked om retten til at klage til Datatilsynet.
refuse-assessment = Konkret vurdering efter § 22 (intern)
refuse-assessment-hint = Kræves ved begrænsning efter databeskyttelseslovens § 22. Vises ikke for borgeren.
close-when-done = Luk henvendelsen, når der ikke skal ske mere.
note-body = Note (vises ikke for borgeren)
register-title = Registrer henvendelse
register-heading = Registrer en henvendelse fra brev, telefon eller e-mail
register-lead = Fristen regnes fra det tidspunkt, henvendelsen kom ind til kommunen, uanset om nogen havde læst den. Skriv derfor det rigtige modtagelsestidspunkt.
register-kind = Hvad beder borgeren om?
register-channel = Hvordan kom henvendelsen ind?
register-date = Modtaget dato
register-date-hint = ÅÅÅÅ-MM-DD
register-time = Modtaget klokkeslæt
register-time-hint = TT:MM
register-name = Borgerens navn
register-cpr = Borgerens CPR-nummer
register-cpr-hint = 10 cifre, fx 010203-1234
register-identity = Hvordan er identiteten kontrolleret?
register-identity-hint = Fx brev med underskrift sammenholdt med CPR, eller opkald tilbage til nummer i CPR.
register-about = Hvad drejer henvendelsen sig om?
register-what-is-wrong = Ved berigtigelse: hvad er forkert?
register-what-is-right = Ved berigtigelse: hvad er det rigtige?
register-situation = Ved indsigelse: borgerens særlige situation
register-email = Borgerens e-mail til besked om nyt (frivillig)
register-button = Registrer

## Databeskyttelsesrådgiverens side
dpo-title = Databeskyttelsesrådgiver
dpo-heading = Overblik for databeskyttelsesrådgiveren
access-control = Adgangskontrol
lifted = Spærring nr. { $id } er ophævet, og årsagen er registreret.
access-control-lead = Afviste adgangsforsøg og spærringer efter gentagne afviste forsøg (sikkerhedsbekendtgørelsens § 18).
block-choice = Nr. { $id }: { $what }
blocks-active = Aktive spærringer
blocks-none = Ingen aktive spærringer.
col-no = Nr.
col-blocked = Spærret
col-rejections = Afviste forsøg
rejections-latest = Seneste afviste adgangsforsøg
rejections-none = Ingen afviste adgangsforsøg.
col-time = Tidspunkt
col-ip = IP-adresse
col-reason = Årsag
col-page = Side
lift-heading = Ophæv en spærring
lift-lead = Ophæv en spærring, når årsagen er undersøgt. Det bliver registreret, hvem der ophævede den, og hvorfor.
lift-block = Spærring
lift-choose = Vælg spærring
lift-cause = Årsag til ophævelsen
lift-cause-hint = Fx hvad undersøgelsen af forsøgene viste. Højst 500 tegn, ingen CPR-numre.
lift-button = Ophæv spærringen
dpo-deadlines = Henvendelser og frister
dpo-overdue = { $count ->
    [one] åben henvendelse har
   *[other] åbne henvendelser har
} overskredet fristen
dpo-due-soon = { $count ->
    [one] åben henvendelse har
   *[other] åbne henvendelser har
} frist inden for { $days } dage
dpo-median = Median for dage fra modtagelse til svar (12 måneder):
dpo-extended-share = Andel med forlænget frist (modtaget de seneste 12 måneder):
dpo-csv = Hent alle henvendelser som CSV
dpo-csv-note = (uden navne og CPR-numre)
dpo-urgent = Overskredne og snart udløbne frister
dpo-urgent-none = Ingen åbne henvendelser har frist inden for { $days } dage.
dpo-by-status = Åbne henvendelser efter status
dpo-by-kind = Åbne henvendelser efter type
dpo-chart-caption = Andel besvaret inden for fristen, pr. måned for afgørelsen
dpo-chart-title = Andel besvaret inden for fristen pr. måned
dpo-chart-value = Andel inden for fristen
dpo-decided-per-month = Afgjorte henvendelser pr. måned
col-decided = Afgjort
col-on-time = Inden for fristen
dpo-per-unit = Pr. enhed
dpo-per-unit-label = Henvendelser pr. enhed
dpo-per-unit-caption = Henvendelser pr. enhed; afgjorte og modtagne gælder de seneste 12 måneder
col-open = Åbne
col-due-within = Frist inden { $days } dage
col-median-days = Median dage
deadline-extended-column = Forlænget
sources = Kildesystemer
sources-all-recent = Alle kildesystemer har leveret hændelser til loggen for nylig.
sources-silent = { $count ->
    [one] { $count } kildesystem har
   *[other] { $count } kildesystemer har
} ikke leveret hændelser længe. Loggen kan mangle brug af borgernes oplysninger: undersøg leverancen.
sources-caption = Kildesystemer og deres seneste levering, de længst tavse først
col-last-delivery = Senest leveret
col-events = Hændelser i alt
source-silent = Tavs
never = Aldrig
mail-heading = E-mail
mail-digest-not-yet = Den daglige oversigt over frister er ikke sendt endnu.
mail-digest-last = Seneste daglige oversigt over frister: { $day }.
mail-all-sent = Al e-mail er sendt.
mail-waiting = { $count } e-mails venter på at blive sendt (den ældste fra { $oldest }).
mail-failing = { $count } e-mails kunne ikke afleveres til mailserveren og forsøges igen. Årsagen står i serverens log.
who-citizen = borger
who-staff = medarbejder { $id }
who-api-key = API-nøgle til kildesystemet { $system }
who-unknown = ukendt
blocked-ip = IP-adresse { $ip }
blocked-ingestion = Indlæsning fra IP-adresse { $ip } for kildesystemet { $system }
blocked-ingestion-keyless = Indlæsning fra IP-adresse { $ip } med nøgler uden kildesystem
blocked-until = { $what } (til { $until })
blocked-citizen = en borger

## Formularernes fejlbeskeder
form-control-character = Teksten indeholder et usynligt kontroltegn, som ikke kan gemmes. Skriv eller indsæt teksten igen.
form-email-invalid = Skriv en e-mailadresse som navn@eksempel.dk, eller lad feltet være tomt.
form-question-missing = Skriv dit spørgsmål.
form-about-missing = Skriv, hvad din henvendelse drejer sig om.
form-wrong-missing = Skriv, hvilken oplysning der er forkert.
form-right-missing = Skriv, hvad der er det rigtige.
form-situation-missing = Beskriv din særlige situation. Kommunen skal kende den for at kunne vurdere indsigelsen.
form-kind-missing = Vælg, hvad borgeren beder om.
form-channel-missing = Vælg, hvordan henvendelsen kom ind.
form-cpr-invalid = Skriv et gyldigt CPR-nummer med 10 cifre, fx 010203-1234.
form-name-missing = Skriv borgerens navn.
form-identity-missing = Skriv, hvordan borgerens identitet er kontrolleret (fx brev med underskrift sammenholdt med CPR).
form-date-invalid = Skriv datoen for modtagelsen som ÅÅÅÅ-MM-DD, fx 2026-11-23.
form-time-invalid = Skriv klokkeslættet som TT:MM, fx 09:30.
form-time-skipped = Det klokkeslæt findes ikke den dag (sommertid). Vælg et andet.
form-received-future = Tidspunktet for modtagelsen kan ikke ligge i fremtiden.
form-text-missing = Skriv en tekst.
form-reason-missing = Vælg begrundelsen for forlængelsen.
form-explanation-missing = Forklar borgeren, hvorfor fristen forlænges.
form-answer-missing = Skriv svaret til borgeren.
form-scope-missing = Vælg, om henvendelsen afvises helt eller delvist.
form-ground-missing = Vælg det retlige grundlag for afvisningen.
form-refusal-body-missing = Skriv begrundelsen til borgeren (ved delvis afvisning også svaret på resten).
form-assessment-missing = En begrænsning efter § 22 kræver en konkret, skriftlig vurdering.
form-too-long = Teksten er for lang. Skriv højst { $max } tegn.
lift-cause-missing = Skriv, hvorfor spærringen ophæves, fx hvad undersøgelsen viste.
lift-cause-too-long = Skriv årsagen med højst 500 tegn.
lift-cause-control-character = Årsagen indeholder et tegn, der ikke kan gemmes. Skriv den igen.
lift-cause-cpr = Skriv årsagen uden CPR-nummer.
lift-block-missing = Vælg den spærring, der skal ophæves.
form-field-missing = Formularen mangler et felt. Hent siden igen.
form-conflict = Henvendelsen er blevet ændret, siden du åbnede siden. Se den nye status herunder, og prøv igen.
asked-row-missing = Vi kan ikke finde opslaget i din log. Gå tilbage til din log, og vælg "Spørg om dette opslag" ved linjen.
only-caseworkers = Kun sagsbehandlere i enheden, der behandler henvendelsen, kan gøre dette.
only-caseworkers-register = Kun sagsbehandlere kan behandle henvendelser.
form-assignee-missing = Vælg en sagsbehandler.
sign-in-again = Log ud og ind igen med MitID, før du sender en henvendelse.

## Eksporter
csv-date = Dato
csv-time = Tidspunkt
csv-unit = Enhed
csv-authority = Myndighed
csv-action = Handling
csv-system = System
csv-purpose = Formål
csv-legal-basis = Hjemmel
csv-count = Antal gange
csv-bulk = Masseudtræk
csv-hidden = Tidligere skjult, begrundelse
csv-yes = ja
csv-no = nej
csv-days-to-decision = Dage til afgørelse
json-description = Brug af dine personoplysninger, opgjort pr. dag, enhed, system, handling og formål.
lift-block-gone = Spærringen findes ikke eller er allerede ophævet.
forbidden-title = Ingen adgang

## Afvisninger uden en side
refused-cross-site = Handlingen blev afvist, fordi den ikke kom fra portalens egne sider. Hent siden igen, og prøv igen.
refused-address = Adressen er ikke gyldig.
refused-rate = For mange forespørgsler fra din adresse. Prøv igen om { $seconds } sekunder.

## Besked til databeskyttelsesrådgiveren om en spærring
block-notice-staff = en medarbejder
block-notice-citizen = en borger
block-notice-subject = Indblik har spærret adgangen for { $who } (spærring nr. { $id })
block-notice-body = Efter { $rejections } afviste adgangsforsøg i træk har Indblik spærret adgangen for { $who }. Spærringen har nr. { $id } og gælder, til du eller en administrator ophæver den.
block-notice-what-to-do = Undersøg forsøgene, og ophæv spærringen med en begrundelse, når årsagen er afklaret:
form-ground-not-for-kind = Databeskyttelseslovens § 22 kan kun begrænse retten til indsigt. Vælg et andet grundlag.
not-allowed-ground-for-kind = Det valgte grundlag kan ikke bruges til at afvise denne type henvendelse.

## Skjulte registreringer (databeskyttelseslovens § 22)
case-action-heading-skjulte = Vurder skjulte registreringer
case-action-button-skjulte = Gem vurderingen
notice-skjulte-vurderet = Vurderingen af de skjulte registreringer er gemt. Den vises ikke for borgeren.
history-hidden_assessed = Vurdering af skjulte registreringer
hidden-heading = Skjulte registreringer i svarets periode
hidden-lead = Borgeren har registreringer, som kildesystemet har skjult efter databeskyttelseslovens § 22. Borgeren kan ikke se dem. Her står kun, hvor mange der er, fra hvilket system, til hvornår og hvorfor, ikke hvad de er.
hidden-group = { $count ->
    [one] { $count } registrering
   *[other] { $count } registreringer
} fra { $system }, skjult { $until }: { $reason }
hidden-until-date = til { $date }
hidden-until-further = indtil videre
hidden-must-assess = Svaret kan først sendes, når du har vurderet de skjulte registreringer.
hidden-assessed = Vurderet.
hidden-decision = Hvad skal der ske med de skjulte registreringer?
hidden-keep = De holdes skjult (angiv det retlige grundlag)
hidden-disclose = Kildeenheden bedes frigive dem
hidden-text = Begrundelse
hidden-text-hint = Ved skjult: det retlige grundlag og den konkrete vurdering. Ved frigivelse: hvad kildeenheden bedes om. Vises ikke for borgeren, men for databeskyttelsesrådgiveren.
hidden-history-keep = Skjulte registreringer i svarets periode: { $count }. Vurdering: holdes skjult. { $text }
hidden-history-disclose = Skjulte registreringer i svarets periode: { $count }. Vurdering: kildeenheden bedes frigive dem. { $text }
form-hidden-decision-missing = Vælg, om registreringerne holdes skjult, eller om kildeenheden bedes frigive dem.
form-hidden-text-missing = Skriv begrundelsen for vurderingen.
not-allowed-hidden-unassessed = Borgeren har skjulte registreringer i svarets periode. Vurder dem under "Vurder skjulte registreringer", før du sender svaret.
not-allowed-hidden-none = Der er ingen skjulte registreringer at vurdere i svarets periode.

## Overførsel til en anden enhed
case-action-heading-overfoer = Overfør til en anden enhed
case-action-button-overfoer = Overfør
notice-overfoert = Henvendelsen er overført. Den er nu i den nye enheds kø, og fristen er den samme.
history-transferred = Henvendelsen er overført til en anden enhed
transfer-unit = Enhed
transfer-reason = Begrundelse
transfer-reason-hint = Borgeren kan læse begrundelsen. Fristen ændres ikke.
transfer-history = Overført fra { $from } til { $to }. { $reason }
form-transfer-unit-missing = Vælg den enhed, henvendelsen skal overføres til.
form-transfer-reason-missing = Skriv, hvorfor henvendelsen overføres.
not-allowed-transfer-unit = Vælg en anden enhed fra listen end den, der har henvendelsen nu.

## Flere typer henvendelser
kind-consent_withdrawal-label = Tilbagekaldelse af samtykke
kind-human_review-label = Menneskelig vurdering af en automatisk afgørelse
kind-other-label = Andet
kind-consent_withdrawal-title = Træk et samtykke tilbage
kind-human_review-title = Få en automatisk afgørelse vurderet af et menneske
kind-other-title = Spørg om noget andet om dine oplysninger
kind-consent_withdrawal-article = databeskyttelsesforordningens artikel 7, stk. 3
kind-human_review-article = databeskyttelsesforordningens artikel 22, stk. 3
kind-other-article = databeskyttelsesforordningens artikel 12
kind-consent_withdrawal-explanation = Har du givet kommunen samtykke til at bruge dine oplysninger, kan du altid trække det tilbage. Det gælder fra det øjeblik, du trækker det tilbage; det, der er sket før, bliver ikke ulovligt af den grund.
kind-human_review-explanation = Er en afgørelse om dig truffet alene af et it-system, uden at et menneske har vurderet den, kan du bede om, at en medarbejder vurderer sagen, og du kan fremføre dit synspunkt og bestride afgørelsen.
kind-other-explanation = Har du et andet spørgsmål eller ønske om kommunens behandling af dine oplysninger, kan du skrive det her. Kommunen svarer inden for en måned.
kind-consent_withdrawal-about-label = Hvilket samtykke vil du trække tilbage?
kind-human_review-about-label = Hvilken afgørelse drejer det sig om, og hvad mener du?
kind-other-about-label = Hvad vil du spørge om eller bede om?
kind-consent_withdrawal-about-hint = Nævn gerne, hvornår og til hvilken enhed du gav det.
kind-human_review-about-hint = Nævn gerne afgørelsens dato og sagen.
kind-other-about-hint = Nævn gerne sagen eller enheden.

## Asking the DPO
case-action-heading-spoerg-dpo = Spørg databeskyttelsesrådgiveren
case-action-button-spoerg-dpo = Send spørgsmålet
consultation-lead = Spørgsmålet og rådet står i historikken som interne noter. Borgeren ser dem ikke, og fristen løber videre.
consultation-body = Dit spørgsmål
notice-dpo-spurgt = Spørgsmålet er sendt til databeskyttelsesrådgiveren, som har fået besked.
notice-dpo-raad = Dit råd er gemt, og sagsbehandleren har fået besked.
history-dpo_consulted = Spørgsmål til databeskyttelsesrådgiveren
history-dpo_advised = Databeskyttelsesrådgiverens råd
history-advice_followed = Afgørelsen følger databeskyttelsesrådgiverens råd
history-advice_not_followed = Afgørelsen følger ikke databeskyttelsesrådgiverens råd
consultation-waiting-heading = Venter på råd fra databeskyttelsesrådgiveren
consultation-waiting-lead = { $name } spurgte { $at }:
advice-heading = Giv dit råd
advice-lead = Sagsbehandleren har spurgt dig til råds om denne henvendelse. Du kan svare én gang; svaret står i historikken som en intern note.
advice-body = Dit råd
advice-body-hint = Sagsbehandleren ser rådet på sagen. Borgeren ser det ikke.
advice-button = Send rådet
advice-followed = Følger afgørelsen databeskyttelsesrådgiverens råd?
advice-followed-yes = Ja
advice-followed-no = Nej
advice-deviation = Hvorfor ikke?
advice-deviation-hint = Skal udfyldes, hvis afgørelsen ikke følger rådet. Det er en intern note.
form-advice-followed-missing = Vælg, om afgørelsen følger databeskyttelsesrådgiverens råd.
form-advice-deviation-missing = Skriv, hvorfor afgørelsen ikke følger databeskyttelsesrådgiverens råd.
not-allowed-consultation-waiting = Databeskyttelsesrådgiveren har allerede et spørgsmål om henvendelsen, som ikke er besvaret. Vent på rådet.
not-allowed-no-consultation = Der er ikke noget spørgsmål, der venter på dit råd. Måske har du allerede svaret.
not-allowed-advice-unstated = Sig, om afgørelsen følger databeskyttelsesrådgiverens råd.
mail-consultation-asked-subject = Indblik: spørgsmål til dig om henvendelse { $number }
mail-consultation-asked = En sagsbehandler spørger dig til råds om henvendelse { $number }. Log ind som medarbejder og åbn henvendelsen her:
mail-consultation-advised-subject = Indblik: databeskyttelsesrådgiveren har svaret om henvendelse { $number }
mail-consultation-advised = Databeskyttelsesrådgiveren har svaret på dit spørgsmål om henvendelse { $number }. Log ind som medarbejder og åbn henvendelsen her:
consultations-heading = Spørgsmål, der venter på dit råd
consultations-none = Ingen sagsbehandler venter på råd.
consultations-asked = Spurgt
consultations-asked-by = Spurgt af

## An answer's documents
answer-documents = Vedhæft dokumenter (frivilligt)
answer-documents-hint = PDF, PNG eller JPEG, højst { $max } MB pr. fil og { $count } filer. Borgeren kan hente dem sammen med svaret.
form-documents-too-many = Vedhæft højst { $max } filer.
form-documents-unnamed = uden navn
form-documents-empty = Filen { $name } er tom.
form-documents-too-large = Filen { $name } er større end { $max } MB.
form-documents-too-large-in-all = Filerne er for store tilsammen. Hver fil må højst fylde { $max } MB, og du kan vedhæfte { $count }. Vælg filerne igen.
form-documents-type = Filen { $name } er ikke en PDF-, PNG- eller JPEG-fil.
form-documents-name-lies = Filen { $name } hedder { $claimed }, men dens indhold er { $actual }. Ret navnet eller vælg den rigtige fil.
form-documents-extension = Filen { $name } er en { $actual }-fil, og navnet skal ende på det (for eksempel .pdf, .png eller .jpg).
form-documents-choose-again = Vælg filerne igen: en browser sender dem ikke en gang til.

## The answer's log as staff see it
answer-log-heading = Loggen i svaret
answer-log-lead-all = Borgeren fik { $total ->
    [one] én række
   *[other] { $total } rækker
} i sin log. Du ser dem alle.
answer-log-lead-part = Du ser { $shown } af de { $total } rækker, borgeren fik i sin log: kun din enheds. Borgeren har dem alle.
answer-log-withheld-units = Ikke vist for dig: rækker fra { $units }.
answer-log-withheld-sensitive = { $count ->
    [one] Én række kommer
   *[other] { $count } rækker kommer
} fra systemer eller myndigheder, der er markeret som følsomme, og vises ikke for andre enheder.

## Letters
form-postal-address-missing = Skriv borgerens postadresse: svar på et brev sendes med posten.
form-postal-address-lines = Skriv adressen på højst 6 linjer.
form-sent-future = Datoen ligger i fremtiden. Registrér brevet, når det er sendt.
form-sent-before = Brevet kan ikke være sendt før det, det fortæller om.
register-postal-address = Borgerens postadresse
register-postal-address-hint = Skal udfyldes, når henvendelsen kom med brev. Svar og andre breve sendes hertil.
notice-brev-sendt = Det er registreret, at brevet er sendt.
history-letter_sent = Brev sendt
history-extension_lapsed = Forlængelsen af fristen gælder ikke
letter-link = Brev til borgeren
letter-sent-on = sendt { $date }
letter-not-sent = ikke registreret som sendt
letter-title = Brev: { $subject }
letter-page-title = Brev om henvendelse { $number }
letter-print-hint = Udskriv brevet med browserens udskrivning (Ctrl+P eller ⌘P) på A4. Kun brevet kommer med.
letter-print = Udskriv
letter-record-heading = Registrér, at brevet er sendt
letter-record-lead = Når brevet er sendt, skriver du datoen her. Den står i forløbet, og for en henvendelse, der kom med brev, er det den dag, borgeren fik besked om en forlængelse.
letter-sent-day = Afsendt den
letter-record-button = Registrér afsendelsen
letter-already-sent = Brevet er registreret som sendt { $date }.
letter-to = Til
letter-number = Henvendelse nr. { $number }
letter-date = Dato: { $date }
letter-regards = Med venlig hilsen
letter-attachments = Bilag: { $names }
letter-back = Tilbage til henvendelsen
letter-subject-received = Vi har modtaget din henvendelse
letter-subject-registered = Vi har modtaget din henvendelse
letter-subject-clarification_asked = Vi har brug for flere oplysninger
letter-subject-message_to_citizen = Besked om din henvendelse
letter-subject-extended = Vi har brug for mere tid
letter-subject-answered = Svar på din henvendelse
letter-subject-partly_refused = Svar og delvis afslag på din henvendelse
letter-subject-refused = Afslag på din henvendelse
letter-subject-transferred = Din henvendelse er overført
letter-subject-extension_lapsed = Fristen for vores svar
letter-receipt = Vi har modtaget din henvendelse om { $kind } den { $received }. Den har nummer { $number }; skriv det, hvis du kontakter os om den.
letter-receipt-deadline = Vi svarer senest { $due }. Har vi brug for mere tid, får du besked inden da.
letter-deadline-runs = Fristen for vores svar er stadig { $due }.
not-allowed-letter-recorded = Brevet er allerede registreret som sendt.
not-allowed-letter-entry = Der er ikke noget brev til borgeren om det, du valgte.
extension-lapsed-history = Forlængelsen gælder ikke, fordi brevet om den først blev sendt { $sent }, efter fristen { $due }. Fristen for svar er { $due }.
municipality-address-missing = (kommunens adresse er ikke sat op: indstillingen municipality_postal_address)

## Staff: look-ups are logged
staff-logging-heading = Dine opslag bliver logget
staff-logging-text = Hver gang du åbner en henvendelse, viser et CPR-nummer, henter en fil eller udskriver et brev, bliver det logget med tid, din enhed og formålet, ligesom dine opslag i kommunens fagsystemer. Borgeren kan se opslaget i sin log (din enhed, ikke dit navn) og spørge til det, og databeskyttelsesrådgiveren undersøger den slags spørgsmål i loggen. Loggen bliver også kontrolleret: regler markerer usædvanlige opslag (uden for åbningstid, mange borgere på kort tid, beskyttede borgere, lukkede sager, opslag på dig selv), som databeskyttelsesrådgiveren ser på, og du bliver jævnligt bedt om at begrunde nogle få tilfældigt udvalgte opslag over for din leder. Loggen gemmes i { $months ->
    [one] { $months } måned
   *[other] { $months } måneder
}.

## Control of the log
tagline-control = kontrol af loggen
menu-control = Kontrol af loggen
home-to-control = Til kontrollen af loggen
control-title = Kontrol af loggen – Indblik
control-heading = Kontrol af loggen
control-lead = Kommunen kontrollerer selv, hvordan medarbejderne bruger borgernes oplysninger. Borgernes adgang til loggen supplerer kontrollen; den erstatter den ikke.
control-log-link = Søg i loggen
control-log-what = de enkelte hændelser med medarbejder, sag og kildesystemets id, til at undersøge et spørgsmål eller en mistanke
control-log-title = Søg i loggen – Indblik
control-log-heading = Søg i loggen
control-log-lead = Søg i de hændelser, kildesystemerne har logget, med medarbejderens id, sagen og systemets eget id. Et CPR-nummer bliver straks til borgerens nøgle; det gemmes og vises ikke.
control-any = Alle
control-cpr = Borgerens CPR-nummer
control-cpr-hint = Valgfrit. 10 cifre, med eller uden bindestreg. Søgningen bliver logget på borgeren, og borgeren kan se den i sin log.
control-cpr-invalid = Skriv et gyldigt CPR-nummer: 10 cifre, fx 010203-1234.
control-citizen-lost = Borgeren fra den forrige søgning kunne ikke findes igen. Skriv CPR-nummeret igen.
control-citizen-kept-legend = Borger
control-citizen-kept = Søg fortsat på borgeren fra forrige søgning (CPR-nummeret vises ikke igen)
control-actor = Medarbejderens id i kildesystemet
control-actor-hint = Valgfrit. Som systemet logger det, fx bs-1234.
control-from = Fra og med
control-from-hint = Valgfrit. Som udgangspunkt fra loggens første dag.
control-to = Til og med
control-to-hint = Valgfrit. Som udgangspunkt i dag.
control-period-reversed = Slutdatoen ligger før startdatoen. Ret en af dem.
control-search-button = Søg
control-export-button = Hent som CSV
control-search-logged = Hver søgning bliver logget: på borgeren, når du søger på en borger, ellers som en søgning med dine kriterier.
control-found-heading = Hændelser
control-found = { $count ->
    [one] Der er { $count } hændelse.
   *[other] Der er { $count } hændelser.
}
control-found-more = Der er mere end { $count } hændelser; afgræns søgningen for at se dem alle.
control-found-period = Perioden er { $period }.
control-pages = Sider med hændelser
control-page = Side { $page }
control-previous = Forrige side
control-next = Næste side
control-col-time = Tidspunkt
control-col-system = System
control-col-unit = Enhed
control-col-actor = Medarbejder
control-col-actor-name = Navn i medarbejderregistret
control-col-use = Anvendelse
control-col-purpose = Formål
control-col-subject = Borger eller søgning
control-col-case = Sag
control-col-hidden = Skjult for borgeren
control-col-closed = Lukket sag
control-col-state = Tilstand
control-col-event-id = Hændelsens id
control-searched-for = Søgning: { $criterion }
control-hidden-until = Skjult for borgeren til { $until }: { $reason }
control-hidden-open = Skjult for borgeren indtil videre: { $reason }
control-case-closed = Lukket sag.
control-flags-link = Markeringer
control-flags-what = opslag, som reglerne har markeret som usædvanlige, til vurdering
flag-not-found = Markeringen findes ikke.
flags-title = Markeringer – Indblik
flags-heading = Markeringer af usædvanlige opslag
flags-lead = Reglerne nedenfor markerer opslag, der er usædvanlige. En markering er en anledning til at spørge, ikke en dom: de fleste har en god forklaring.
flags-by-status = Markeringer efter status
flags-with-status = Markeringer: { $status }
flags-none = Der er ingen markeringer med den status.
flag-col-flag = Markering
flag-col-day = Dag
flag-col-about = Om
flag-col-events = Hændelser
flag-rule-outside_hours = Uden for åbningstid
flag-rule-many_citizens = Mange borgere på kort tid
flag-rule-protected_citizen = Beskyttet borger
flag-rule-closed_case = Lukket sag
flag-rule-own_record = Opslag på sig selv
flag-rule-outside_hours-what = Et opslag uden for enhedens åbningstid (dansk tid, helligdage lukket). Som udgangspunkt mandag til fredag kl. 7-18.
flag-rule-many_citizens-what = En medarbejder slår flere forskellige borgere op i ét system inden for kort tid.
flag-burst-now = Nu: mere end { $max } borgere inden for { $within } minutter.
flag-rule-protected_citizen-what = Et opslag på en borger på listen over beskyttede (offentligt kendte, navne- og adressebeskyttede, kommunens egne ansatte) fra en enhed uden fast grund til det.
flag-rule-closed_case-what = Et opslag i en sag, som kildesystemet har markeret som lukket.
flag-rule-own_record-what = En medarbejder slår sig selv op (ifølge medarbejderregistret).
flag-rule-on = slået til
flag-rule-off = slået fra
flag-rules-heading = Regler
flag-rules-legend = Regler, der er slået til
flag-rules-dpo-only = Databeskyttelsesrådgiveren slår regler til og fra og sætter grænserne.
flag-rules-saved = Reglerne er gemt. De gælder for de hændelser, der modtages herefter.
flag-rules-save = Gem reglerne
flag-burst-max = Største antal forskellige borgere
flag-burst-max-hint = Flere end så mange borgere markeres. Et helt tal fra 1 til 10.000.
flag-burst-max-invalid = Skriv et helt tal fra 1 til 10.000.
flag-burst-within = Inden for minutter
flag-burst-within-hint = Fra det første til det sidste opslag. Et helt tal fra 1 til 1.440.
flag-burst-within-invalid = Skriv et helt tal fra 1 til 1.440.
protection-public_figure = offentligt kendt
protection-address_protection = navne- og adressebeskyttet
protection-employee = kommunens ansat
flag-status-open = Ikke vurderet
flag-status-justified = Begrundet
flag-status-explanation_asked = Sendt til enheden for en forklaring
flag-status-incident = Sikkerhedshændelse
flag-title = Markering – Indblik
flag-not-a-verdict = En markering er en anledning til at spørge, ikke en dom. Spørg enheden, før du konkluderer noget.
flag-decided-now = Din vurdering er gemt.
flag-raised = Markeret
flag-status = Status
flag-decided-by = Vurderet af
flag-note = Note
flag-note-hint = Hvad du har fundet ud af, og hvad der skal ske. Højst 2.000 tegn.
flag-note-missing = Skriv en note om vurderingen.
flag-status-missing = Vælg en vurdering.
flag-events-heading = Hændelserne bag markeringen
flag-decide-heading = Vurdering
flag-decide-legend = Markeringen er
flag-decide-button = Gem vurderingen
flag-back = Tilbage til markeringerne
control-questions-link = Borgernes spørgsmål til loggen
control-questions-what = spørgsmål om et opslag, med hændelserne bag og jeres undersøgelse
questions-title = Borgernes spørgsmål til loggen – Indblik
questions-heading = Borgernes spørgsmål til loggen
questions-lead = Når en borger spørger til et opslag i sin log, bliver det en henvendelse. Her ser I hændelserne bag opslaget og skriver, hvad I fandt. Svaret til borgeren gives i henvendelsen.
questions-none = Ingen borgere har spurgt til et opslag.
questions-row = Opslaget
questions-finding = Undersøgelse
questions-found = Skrevet
questions-not-found-yet = Mangler
questions-back = Tilbage til spørgsmålene
question-not-found = Spørgsmålet findes ikke.
question-title = Spørgsmål til loggen – Indblik
question-heading = Spørgsmål til loggen, henvendelse { $number }
question-asked = Borgerens spørgsmål
question-answer-through-request = Sagsbehandleren svarer borgeren i henvendelsen og ser jeres undersøgelse der. At du åbner spørgsmålet, bliver logget på borgeren.
question-events = Hændelserne bag opslaget
question-events-gone = Hændelserne findes ikke længere i loggen.
question-finding-heading = Undersøgelsen
question-finding-label = Hvad I fandt
question-finding-hint = Fx hvem der slog op, i hvilken sag og med hvilken begrundelse. Højst 4.000 tegn. Sagsbehandleren ser det; borgeren ser svaret.
question-finding-missing = Skriv, hvad I fandt.
question-finding-save = Gem undersøgelsen
question-finding-saved = Undersøgelsen er gemt.
log-finding-heading = Kontrollen af loggen har undersøgt opslaget
log-finding-lead = Skrevet af { $by } { $at }:
tagline-samples = dine stikprøver
menu-my-samples = Mine stikprøver
home-to-samples = Til dine stikprøver
control-samples-link = Stikprøver til gennemsyn
control-samples-what = medarbejdernes begrundelser for de opslag, der er udtrukket, til vurdering
control-plans-link = Planer for stikprøver
control-plans-what = hvilke enheder og systemer der trækkes stikprøver i, og hvornår næste gang
my-samples-title = Mine stikprøver – Indblik
my-samples-heading = Mine stikprøver
my-samples-lead = Kommunen udtrækker jævnligt nogle få af dine opslag i borgernes oplysninger og beder dig skrive, hvorfor du slog op, fx sagsnummeret. Det er en rutinekontrol, ikke en mistanke. Din leder og databeskyttelsesrådgiveren ser dine svar.
my-samples-none = Du har ingen stikprøver.
review-samples-title = Stikprøver til gennemsyn – Indblik
review-samples-heading = Stikprøver til gennemsyn
review-samples-lead = For hvert udtrukket opslag har medarbejderen skrevet en begrundelse. Vurdér, om den er i orden, eller om der skal følges op, og skriv en note.
review-samples-none = Der er ingen stikprøver at se igennem.
sample-saved = Det er gemt.
sample-heading = Stikprøve { $date }: { $unit }, { $system }
sample-every-system = alle systemer
sample-answer-by = Svar senest { $date }.
sample-late = Svarene er forsinkede.
sample-when = Tidspunkt
sample-citizen = Borger (maskeret)
sample-reason = Begrundelse
sample-no-reason = Ikke besvaret endnu.
sample-answered = Besvaret af
sample-review = Vurdering
sample-review-note = Note
sample-reviewed = Vurderet af
sample-reason-label = Hvorfor slog du op?
sample-reason-hint = Fx sagsnummeret eller opgaven. Højst 2.000 tegn. Du kan rette svaret, indtil det er vurderet.
sample-reason-missing = Skriv, hvorfor du slog op.
sample-answer-button = Gem begrundelsen
sample-review-legend = Begrundelsen er
sample-review-in_order = I orden
sample-review-follow_up = Skal følges op
sample-review-missing = Vælg en vurdering.
sample-review-note-hint = Højst 2.000 tegn.
sample-note-missing = Skriv en note.
sample-review-button = Gem vurderingen
sample-not-yours = Opslaget findes ikke blandt dem, du kan svare på eller vurdere.
sample-reminder-subject = Dine stikprøver venter på svar
sample-reminder-body = Der er { $count ->
    [one] { $count } opslag
   *[other] { $count } opslag
    } i dine stikprøver, som venter på din begrundelse. Fristen var { $due }.

    Log ind og svar her: { $link }

    Mailen indeholder ingen oplysninger om borgere.
plans-title = Planer for stikprøver – Indblik
plans-heading = Planer for stikprøver
plans-lead = En plan trækker stikprøver i én enhed (og eventuelt ét system) med tilfældige mellemrum. Datoerne ses kun af databeskyttelsesrådgiveren og efterforskerne, indtil stikprøven er trukket.
plans-none = Der er ingen planer endnu.
plans-new = Ny plan
plans-choose-unit = Vælg en enhed
plans-min-months = Mindst antal måneder mellem stikprøver
plans-max-months = Højst antal måneder mellem stikprøver
plans-per-employee = Opslag pr. medarbejder
plans-days-before-min = Opslag fra mindst så mange dage før
plans-days-before-max = Opslag fra højst så mange dage før
plans-answer-days = Dage til at svare
plans-create = Opret planen
plans-interval = Mellemrum
plans-interval-value = { $min }–{ $max } måneder
plans-draw = Udtræk
plans-draw-value = { $count } opslag pr. medarbejder fra { $from }–{ $to } dage før; svar inden { $answer } dage
plans-next = Næste stikprøve
plans-drawn = Trukket
plans-stop = Stop planen
plans-resume = Genoptag planen
plans-active = Aktiv
plans-stopped = Stoppet
plan-unit-missing = Vælg en enhed.
plan-unknown = Enheden eller systemet findes ikke i stamdata.
plan-exists = Enheden og systemet har allerede en plan.
plan-not-found = Planen findes ikke.
plan-number-invalid = Skriv et helt tal fra { $min } til { $max }.
plan-months-reversed = Det højeste antal måneder skal være mindst det laveste.
plan-days-reversed = Det højeste antal dage skal være mindst det laveste.
about-control = Kommunen kontrollerer også selv loggen: usædvanlige opslag (fx uden for åbningstid eller på mange borgere på kort tid) bliver markeret automatisk og undersøgt, og medarbejderne skal jævnligt begrunde tilfældigt udvalgte opslag over for deres leder. Mindst hvert halve år gennemgår lederne, hvem der fortsat skal have adgang, med en statistik over, hvor meget hver medarbejder har brugt systemerne. Når kontrollen slår op på dig, kan du også se det i din log.
weekday-1 = mandag
weekday-2 = tirsdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = lørdag
weekday-7 = søndag
hours-holidays-too = , også helligdage
hours-heading = Åbningstider
hours-lead = Reglen om opslag uden for åbningstid bruger enhedens egne tider eller standardtiderne. Helligdage er lukket, medmindre enheden har åbent på helligdage.
hours-col = Åbent
hours-standard = Standard: mandag til fredag 07.00–18.00, lukket på helligdage
hours-days = Åbne dage
hours-no-days = Vælg mindst én dag.
hours-opens = Åbner
hours-closes = Lukker
hours-time-hint = TT:MM, fx 07:30. Lukketid 24:00 er midnat.
hours-reversed = Lukketiden skal ligge efter åbningstiden.
hours-holidays = Åbent på helligdage
hours-save = Gem åbningstiderne
hours-reset = Brug standardtiderne
protected-heading = Beskyttede borgere
protected-lead = Opslag på disse borgere markeres, når enheden ikke har en fast grund. Borgerne gemmes kun som nøgle; CPR-nummeret gemmes og vises ikke. Desuden er { $employees } af kommunens ansatte beskyttet gennem medarbejderregistret.
protected-none = Der er ingen borgere på listen.
protected-why = Hvorfor
protected-added = Tilføjet
protected-remove = Fjern
protected-remove-one = Fjern { $who }
protected-cpr-hint = Bliver straks til borgerens nøgle.
protected-choose = Vælg hvorfor
protected-note-hint = Valgfrit, fx "byrådsmedlem". Ikke et CPR-nummer. Højst 500 tegn.
protected-add = Tilføj til listen
protect-category-missing = Vælg hvorfor borgeren er beskyttet.
protect-note-cpr = Noten må ikke indeholde et CPR-nummer.
protect-gone = Borgeren er ikke på listen.
standing-heading = Faste grunde
standing-lead = En enhed med en fast grund til at slå en slags beskyttede borgere op (fx Løn og Personale for kommunens ansatte) bliver ikke markeret for det.
standing-none = Ingen enheder har en fast grund.
standing-reason = Grunden
standing-reason-missing = Skriv grunden.
standing-add = Tilføj den faste grund
standing-remove = Fjern { $unit }s faste grund for { $category }
standing-gone = Den faste grund findes ikke.
role-caseworker = Sagsbehandler
role-dpo = Databeskyttelsesrådgiver
role-admin = Administrator
role-manager = Leder
role-investigator = Efterforsker
role-employee = Medarbejder
refused-removed-heading = Din adgang til Indblik er fjernet
refused-removed = Din adgang blev fjernet ved en gennemgang af autorisationer. Kontakt din leder eller databeskyttelsesrådgiveren, hvis du skal have adgang igen.
control-usage-link = Benyttelsesstatistik
control-usage-what = hvor meget hver medarbejder har brugt hvert system, og hvem der ikke har brugt det
control-reviews-link = Gennemgang af autorisationer
control-reviews-what = halvårlig gennemgang af, hvem der fortsat skal have adgang
usage-title = Benyttelsesstatistik – Indblik
usage-heading = Benyttelsesstatistik
usage-lead = Hvor mange opslag og andre anvendelser hver medarbejder har foretaget i hvert system i perioden, hvem der ikke har brugt systemerne, og hvordan Indbliks eget personale har brugt portalen. Statistikken hjælper med at vurdere, om adgangene stadig er nødvendige.
usage-date-hint = Som udgangspunkt det seneste halve år. Der tælles ikke længere tilbage, end loggen gemmes.
usage-every-unit = Alle enheder
usage-show = Vis statistik
usage-period = Perioden er { $period }.
usage-export = Hent statistikken som CSV
usage-counted-when = Anvendelser tælles med, når de er modtaget fra systemerne, normalt inden for et minut.
usage-actors-heading = Anvendelser pr. medarbejder og system
usage-more-lines = Siden viser de første { $shown } linjer. { $more } linjer mere er med i CSV-filen.
usage-no-uses = Ingen anvendelser i perioden.
usage-idle-heading = Medarbejdere uden anvendelser i perioden
usage-idle-lead = Personer i medarbejderregistret, som ikke har brugt systemerne i perioden. Overvej, om de fortsat skal have adgang.
usage-no-idle = Alle i medarbejderregistret har brugt systemerne i perioden.
usage-staff-heading = Indbliks eget personale
usage-staff-lead = Log ind, handlinger på henvendelser og opslag på borgere i Indblik i perioden.
usage-no-staff = Ingen medarbejdere har logget ind i Indblik endnu.
usage-col-home-unit = Enhed i medarbejderregistret
usage-col-look-ups = Opslag og søgninger
usage-col-total = I alt
usage-col-last-day = Seneste anvendelse
usage-col-roles = Roller
usage-col-sign-ins = Log ind i perioden
usage-col-last-sign-in = Seneste log ind
usage-col-case-actions = Handlinger på henvendelser
usage-col-portal-uses = Opslag på borgere i Indblik
usage-col-part = Del
usage-part-uses = Anvendelser
usage-part-idle = Uden anvendelser
usage-part-staff = Indbliks personale
usage-portal-system = Indblik
usage-not-in-directory = Ikke i registret
usage-staff-removed = Adgang fjernet
usage-staff-idle = Ingen anvendelser i perioden
usage-unit-unknown = Vælg en enhed fra listen.
usage-system-unknown = Vælg et system fra listen.
reviews-title = Gennemgang af autorisationer – Indblik
reviews-heading = Gennemgang af autorisationer
reviews-lead = Mindst hvert halve år gennemgår lederen af hver enhed, hvem der fortsat skal have adgang til Indblik og til fagsystemerne, med benyttelsesstatistikken ved siden af. Databeskyttelsesrådgiveren sætter gennemgangene i gang.
reviews-idp-notice = Indblik fjerner kun adgangen til Indblik selv: en medarbejder, der markeres til fjernelse, kan ikke længere logge ind, få henvendelser tildelt eller få påmindelser. Adgangen i kommunens brugerstyring (identitetsudbyderen) og i fagsystemerne skal kommunen selv fjerne.
reviews-list-heading = Gennemgange
reviews-none = Der er ingen gennemgange endnu.
reviews-link = { $unit }, { $date }
reviews-col-started = Startet
reviews-col-answer-by = Frist
reviews-col-decided = Vurderet
reviews-col-removed = Markeret til fjernelse
reviews-col-last = Seneste gennemgang
reviews-decided-of = { $decided } af { $people }
reviews-in-progress = I gang
reviews-completed-by = Afsluttet af { $by }
reviews-units-heading = Enheder
reviews-units-lead = En enhed skal gennemgås, når der er gået { $months } måneder siden den seneste gennemgang. Lederen får besked pr. mail, når en gennemgang startes, og en påmindelse, når fristen er overskredet.
reviews-never = Aldrig
reviews-due = Skal gennemgås
reviews-start = Start gennemgang af { $unit }
reviews-open-link = Gennemgangen af { $unit } er i gang
reviews-removed-heading = Medarbejdere med fjernet adgang
reviews-removed-none = Ingen medarbejdere har fået adgangen fjernet.
reviews-removed-by = Fjernet af { $by }
reviews-restore = Giv { $name } adgang igen
reviews-restored = Medarbejderen har fået adgang til Indblik igen.
review-restore-gone = Medarbejderen har ikke fået adgangen fjernet.
review-already-open = Enheden har allerede en gennemgang i gang (nr. { $id }).
review-not-found = Gennemgangen findes ikke, er afsluttet, eller du har ikke adgang til den.
review-title = Gennemgang af autorisationer – Indblik
review-heading = Gennemgang af autorisationer: { $unit }
review-back = Tilbage til gennemgangene
review-started = Startet af
review-period = Statistikken dækker
review-portal-heading = Medarbejdere med adgang til Indblik
review-portal-lead = Vurdér for hver medarbejder, om adgangen til Indblik fortsat er nødvendig for arbejdet.
review-portal-none = Ingen fra enheden har adgang til Indblik.
review-directory-heading = Medarbejdere i fagsystemerne
review-directory-lead = Personerne fra medarbejderregistret med deres anvendelser i hvert system. Markér dem, hvis adgang til fagsystemerne skal fjernes; kommunen fjerner den i systemerne.
review-directory-none = Medarbejderregistret har ingen fra enheden.
review-uses = Anvendelser i perioden
review-uses-line = { $system }: { $look_ups } opslag og søgninger, { $total } i alt, senest { $last }
review-decision = Vurdering
review-decision-keep = Behold adgangen
review-decision-remove = Fjern adgangen
review-decision-legend = Skal { $name } beholde adgangen?
review-decision-missing = Vælg, om adgangen skal beholdes eller fjernes.
review-undecided-one = Ikke vurderet endnu
review-note = Bemærkning
review-note-hint = Valgfri, fx at medarbejderen har skiftet opgaver.
review-decided-by = Vurderet af
review-save = Gem vurderingen af { $name }
review-saved = Vurderingen er gemt.
review-complete-heading = Afslut gennemgangen
review-complete-ready = Alle er vurderet. Når du afslutter, mister de medarbejdere, der er markeret til fjernelse, adgangen til Indblik med det samme.
review-complete-waiting = { $count ->
    [one] { $count } person mangler at blive vurderet.
   *[other] { $count } personer mangler at blive vurderet.
    }
review-complete-button = Afslut gennemgangen
review-completed = Gennemgangen er afsluttet.
review-undecided = Gennemgangen kan ikke afsluttes: { $count ->
    [one] { $count } person mangler
   *[other] { $count } personer mangler
    } at blive vurderet.
review-request-subject = Gennemgang af autorisationer i Indblik
review-request-body = Databeskyttelsesrådgiveren har startet den halvårlige gennemgang af autorisationer for { $unit }. Vurdér for hver medarbejder, om adgangen fortsat er nødvendig, senest { $due }: { $link }
review-reminder-subject = Påmindelse: gennemgang af autorisationer
review-reminder-body = Gennemgangen af autorisationer for { $unit } skulle have været afsluttet { $due }. Gør den færdig her: { $link }
review-due-subject = Enheder skal have gennemgået autorisationer
review-due-body = Disse enheder har ikke haft en gennemgang af autorisationer i { $months } måneder: { $units }. Start gennemgangene her: { $link }
control-date-invalid = Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-23.
