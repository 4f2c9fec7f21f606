//! "Privatlivspolitik": how the portal itself processes personal data. The
//! idle minutes and every retention period come from the configuration, so
//! the page says what the code does.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::pages::rights::{RightsList, DATATILSYNET_URL};
use crate::site::{MailLink, WithSite};

/// `/privatlivspolitik`.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <Title text="Privatlivspolitik"/>
        <Meta name="description" content="Hvilke oplysninger Indblik selv behandler om dig, hvorfor, hvor længe de gemmes, og hvordan du kontakter kommunens databeskyttelsesrådgiver."/>
        <div class="row">
            <div class="col-12 col-lg-8">
                <h1>"Sådan behandler Indblik dine oplysninger"</h1>
                <p class="font-lead">
                    "Her kan du læse, hvilke oplysninger portalen selv bruger, når du logger ind og sender henvendelser, og hvorfor."
                </p>

                <h2>"Dataansvarlig"</h2>
                <WithSite render=|site| site.map(|site| {
                    view! {
                        <p>
                            {format!("{} er dataansvarlig for behandlingen af dine oplysninger i portalen. ", site.municipality_name)}
                            "Du kan kontakte kommunens databeskyttelsesrådgiver på "
                            <MailLink address=site.dpo_email/>"."
                        </p>
                    }
                })/>

                <h2>"Når du logger ind"</h2>
                <WithSite render=|site| site.map(|site| view! {
                    <p>
                        "Du logger ind med MitID. Portalen får dit navn og dit CPR-nummer fra MitID. "
                        "Navnet bruges til at vise, at du er logget ind. CPR-nummeret bruges til at finde netop dine registreringer i loggen: "
                        "portalen omdanner det til et pseudonym, en kode som kun kan dannes med en hemmelig nøgle, som kun kommunens it-drift har. "
                        "Loggen og dine henvendelser kender dig ved koden. "
                        "Mens du er logget ind, ligger dit CPR-nummer krypteret i din session på serveren, så du kan sende henvendelser; det slettes, når sessionen slutter."
                    </p>
                    <p>
                        "Portalen sætter én cookie, som kun indeholder et tilfældigt nummer, der holder dig logget ind, og som slettes, når du lukker browseren. "
                        "Den er nødvendig for, at portalen virker, og bliver ikke brugt til statistik eller markedsføring. "
                        "Vælger du selv sprog (\"In English\" øverst på siden), husker en cookie dit valg i et år; den indeholder kun sprogkoden. "
                        {format!(
                            "Du bliver logget ud, når du selv logger ud, når du ikke har brugt portalen i {} minutter, og senest efter 8 timer.",
                            site.session_idle_minutes
                        )}
                    </p>
                })/>

                <h2>"Når du sender en henvendelse"</h2>
                <p>
                    "Sender du en henvendelse, fx en anmodning om indsigt, gemmer portalen det, du skriver, og beskederne mellem dig og kommunen. "
                    "For at sagsbehandleren kan finde dine oplysninger i kommunens systemer, gemmes dit CPR-nummer krypteret sammen med henvendelsen. "
                    "Hvis du giver din e-mailadresse, bruger vi den kun til at fortælle, at der er nyt i din sag. Mailen indeholder ingen personoplysninger."
                </p>

                <h2>"Sikkerhedslog"</h2>
                <p>
                    "For at beskytte dine oplysninger registrerer portalen tidspunkt og IP-adresse ved afviste login-forsøg og ved forsøg på at åbne sider, man ikke har adgang til. "
                    "Efter gentagne afviste forsøg bliver yderligere forsøg blokeret. "
                    "Når en medarbejder bruger dine oplysninger i portalen, fx åbner din henvendelse, bliver det logget og vist i din egen log."
                </p>

                <h2>"Formål og retsgrundlag"</h2>
                <ul>
                    <li>
                        "Vi behandler oplysningerne for at kunne give dig indsigt i loggen og behandle dine henvendelser. "
                        "Det er en retlig forpligtelse efter databeskyttelsesforordningens artikel 12-22, jf. artikel 6, stk. 1, litra c."
                    </li>
                    <li>
                        "Sikkerhedsloggen er nødvendig for at beskytte oplysningerne, jf. artikel 32 og artikel 6, stk. 1, litra c og e."
                    </li>
                    <li>
                        "CPR-nummeret behandles for at kunne identificere dig entydigt, jf. databeskyttelseslovens § 11, stk. 1."
                    </li>
                </ul>

                <h2>"Hvem får oplysningerne?"</h2>
                <p>
                    "Kun medarbejdere i kommunen, der behandler din henvendelse, og kommunens databeskyttelsesrådgiver. "
                    "Kommunen kan bruge leverandører til drift af portalen og til MitID-login; de behandler kun oplysningerne efter kommunens instruks. "
                    "Oplysningerne bliver ikke overført til lande uden for EU/EØS."
                </p>

                <h2>"Hvor længe gemmer vi oplysningerne?"</h2>
                <WithSite render=|site| site.map(|site| {
                    let retention = site.retention;
                    view! {
                        <ul>
                            <li>"Din session (og dit krypterede CPR-nummer i den) slettes, når du logger ud, ellers når den udløber, senest efter 8 timer."</li>
                            <li>{format!(
                                "At du har logget ind (tidspunkt og IP-adresse) gemmes i {} måneder.",
                                retention.sign_ins_months
                            )}</li>
                            <li>{format!(
                                "Loggen over brugen af dine oplysninger gemmes i {} måneder.",
                                site.log_retention_months
                            )}</li>
                            <li>"Henvendelser gemmes efter de regler for journalisering og arkivering, der gælder for kommunen."</li>
                            <li>{format!(
                                "Sikkerhedsloggen (afviste forsøg og spærringer, der er ophævet) gemmes i {} måneder.",
                                retention.security_log_months
                            )}</li>
                            <li>{format!(
                                "Portalens kopi af en e-mail, der er sendt til dig, gemmes i {} dage.",
                                retention.sent_mail_days
                            )}</li>
                        </ul>
                    }
                })/>

                <h2>"Dine rettigheder"</h2>
                <RightsList/>
                <p>
                    "Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, "
                    <a href=DATATILSYNET_URL>"datatilsynet.dk"</a>"."
                </p>
            </div>
        </div>
    }
}
