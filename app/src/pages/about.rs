//! "Om portalen": what Indblik is, where its data come from and who runs it.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::site::{MailLink, WithSite};

/// `/om-portalen`.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <Title text="Om portalen"/>
        <Meta name="description" content="Hvad Indblik viser og ikke viser: loggen over kommunens brug af dine oplysninger, hvor den kommer fra, hvor længe den gemmes, og hvad den ikke viser."/>
        <div class="row">
            <div class="col-12 col-lg-8">
                <h1>"Om portalen"</h1>
                <p class="font-lead">
                    "Indblik viser dig, hvem i kommunen der har brugt dine personoplysninger, og lader dig bruge dine rettigheder efter databeskyttelsesforordningen."
                </p>

                <h2>"Hvor kommer oplysningerne fra?"</h2>
                <p>
                    "Offentlige myndigheder skal logge, hver gang en medarbejder bruger personoplysninger i et it-system: "
                    "hvornår, hvem, hvad der blev gjort, og hvilken person det drejede sig om. "
                    "Kommunens it-systemer sender disse registreringer til Indblik. "
                    "Portalen samler dem pr. dag, enhed, system, handling og formål, så du får et overblik i stedet for en lang liste af tekniske linjer."
                </p>
                <p>
                    "Medarbejderens navn bliver aldrig vist. Du ser den enhed, medarbejderen hører til, "
                    "og det formål, oplysningerne blev brugt til."
                </p>

                <h2>"Hvor længe kan jeg se tilbage?"</h2>
                <p>
                    "Loggen gemmes som udgangspunkt i seks måneder og derefter slettes den. "
                    "Portalen viser altid, fra hvilken dato loggen dækker. "
                    "Vil du vide mere om ældre behandling af dine oplysninger, kan du bede om indsigt."
                </p>

                <h2>"Hvem bruger portalen?"</h2>
                <ul>
                    <li>"Borgere, der logger ind med MitID og ser deres egen log og deres henvendelser."</li>
                    <li>"Kommunens sagsbehandlere, der behandler henvendelser om indsigt, berigtigelse, indsigelse og de øvrige rettigheder."</li>
                    <li>"Kommunens databeskyttelsesrådgiver, der holder øje med fristerne og med, at loggen bliver brugt rigtigt."</li>
                </ul>
                <p>
                    "Når en medarbejder åbner din henvendelse i portalen, bliver det også logget, og du kan se det i din egen log."
                </p>

                <h2>"Hvem står bag?"</h2>
                <WithSite render=|site| site.map(|site| {
                    view! {
                        <p>
                            {format!("Portalen drives af {}. ", site.municipality_name)}
                            "Har du spørgsmål til portalen, kan du skrive til "
                            <MailLink address=site.contact_email/>"."
                        </p>
                    }
                })/>
            </div>
        </div>
    }
}
