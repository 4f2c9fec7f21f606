//! "Privatlivspolitik": how the portal itself processes personal data.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::pages::rights::{RightsList, DATATILSYNET_URL};
use crate::site::{MailLink, WithSite};

/// `/privatlivspolitik`.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <Title text="Privatlivspolitik"/>
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
                <p>
                    "Du logger ind med MitID. Portalen får dit navn og dit CPR-nummer fra MitID. "
                    "Navnet bruges til at vise, at du er logget ind. CPR-nummeret bruges til at finde netop dine registreringer i loggen: "
                    "portalen omdanner det til en kode, som ikke kan regnes tilbage til CPR-nummeret, og gemmer ikke selve CPR-nummeret i forbindelse med dit besøg."
                </p>
                <p>
                    "Portalen sætter én cookie, som kun indeholder et tilfældigt nummer, der holder dig logget ind. "
                    "Den er nødvendig for, at portalen virker, og bliver ikke brugt til statistik eller markedsføring. "
                    "Du bliver logget ud, når du selv logger ud, når du ikke har brugt portalen i 15 minutter, og senest efter 8 timer."
                </p>

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
                <ul>
                    <li>"Oplysningerne om dit login slettes, når du logger ud, eller senest efter 8 timer."</li>
                    <li>"Loggen over brugen af dine oplysninger gemmes som udgangspunkt i seks måneder."</li>
                    <li>"Henvendelser gemmes efter de regler for journalisering og arkivering, der gælder for kommunen."</li>
                    <li>"Sikkerhedsloggen gemmes i seks måneder."</li>
                </ul>

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
