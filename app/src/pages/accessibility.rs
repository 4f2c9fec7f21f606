//! "Tilgængelighedserklæring": the accessibility statement required by the
//! Danish web accessibility act (lov nr. 692 af 8. juni 2018).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::site::{MailLink, WithSite};

/// `/tilgaengelighedserklaering`.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <Title text="Tilgængelighedserklæring"/>
        <Meta name="description" content="Hvordan Indblik lever op til kravene om webtilgængelighed (WCAG 2.1 og 2.2, niveau AA), hvad der ikke er tilgængeligt, og hvordan du giver besked."/>
        <div class="row">
            <div class="col-12 col-lg-8">
                <h1>"Tilgængelighedserklæring"</h1>
                <WithSite render=|site| {
                    let who = site.map_or_else(|| "Kommunen".to_owned(), |s| s.municipality_name);
                    view! {
                        <p class="font-lead">
                            {format!(
                                "{who} ønsker, at alle kan bruge Indblik, også hvis man bruger skærmlæser, forstørrelse, tastatur i stedet for mus eller har slået JavaScript fra."
                            )}
                        </p>
                    }
                }/>
                <p>
                    "Erklæringen gælder for portalen Indblik og er udarbejdet efter lov om tilgængelighed af offentlige organers websteder og mobilapplikationer. "
                    "Standarden er WCAG 2.1 på niveau AA, som loven henviser til gennem den europæiske standard EN 301 549. "
                    "Vi tester også mod de nye krav i WCAG 2.2."
                </p>

                <h2>"Overholdelsesstatus"</h2>
                <p>
                    "Portalen er delvist i overensstemmelse med WCAG 2.1 niveau AA. "
                    "Alle sider bliver ved hver ændring af portalen testet automatisk med værktøjet axe-core i en rigtig browser, "
                    "både med og uden JavaScript, og en ændring bliver ikke taget i brug, hvis testen finder fejl. "
                    "Automatiske test finder dog ikke alle problemer, og portalen er endnu ikke gennemgået af en uafhængig ekspert. "
                    "Derfor skriver vi delvist i overensstemmelse, indtil det er sket."
                </p>

                <h2>"Sådan er portalen bygget"</h2>
                <ul>
                    <li>"Portalen bruger Det Fælles Designsystem (DKFDS), som er udviklet til offentlige løsninger med tilgængelighed for øje."</li>
                    <li>"Alle sider virker uden JavaScript."</li>
                    <li>"Der er et link til at springe direkte til sidens indhold, og alle funktioner kan bruges med tastaturet."</li>
                    <li>"Diagrammer har en tekst, der beskriver dem, og tallene står også i en tabel."</li>
                </ul>

                <h2>"Kendte problemer"</h2>
                <p>"Vi kender ikke til dele af portalen, der ikke er tilgængelige. Finder du et problem, vil vi meget gerne høre om det."</p>

                <h2>"Feedback og kontakt"</h2>
                <WithSite render=|site| site.map(|site| {
                    view! {
                        <p>
                            "Oplever du problemer med tilgængeligheden, eller har du brug for oplysningerne i en anden form, så skriv til "
                            <MailLink address=site.contact_email/>
                            ". Vi svarer normalt inden for 10 arbejdsdage."
                        </p>
                    }
                })/>

                <h2>"Klagemulighed"</h2>
                <p>
                    "Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med, at offentlige websteder er tilgængelige: "
                    <a href="https://digst.dk">"digst.dk"</a>"."
                </p>

                <h2>"Om erklæringen"</h2>
                <p>"Erklæringen er udarbejdet i november 2026 og bliver opdateret, når portalen ændres væsentligt og mindst én gang om året."</p>
            </div>
        </div>
    }
}
