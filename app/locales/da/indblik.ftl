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
only-in-danish = Denne side findes kun på dansk.

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
a11y-known = Portalen findes endnu ikke på engelsk i sin helhed: sider, der kun findes på dansk, er markeret som danske, så skærmlæsere læser dem rigtigt, og siger det på engelsk. Vi kender ikke til andre dele af portalen, der ikke er tilgængelige. Finder du et problem, vil vi meget gerne høre om det.
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
privacy-request = Sender du en henvendelse, fx en anmodning om indsigt, gemmer portalen det, du skriver, og beskederne mellem dig og kommunen. For at sagsbehandleren kan finde dine oplysninger i kommunens systemer, gemmes dit CPR-nummer krypteret sammen med henvendelsen. Hvis du giver din e-mailadresse, bruger vi den kun til at fortælle, at der er nyt i din sag. Mailen indeholder ingen personoplysninger.
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
