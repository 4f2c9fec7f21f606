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
