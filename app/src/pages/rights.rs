//! The citizen's data-protection rights, explained in plain Danish. Shown on the
//! landing page and in the privacy policy.

use leptos::prelude::*;

/// Link to the Danish Data Protection Agency, where citizens may complain.
pub const DATATILSYNET_URL: &str = "https://www.datatilsynet.dk";

/// A list of the rights a citizen has towards the municipality (GDPR art. 15–21),
/// the answering deadline, and the right to complain.
#[component]
pub fn RightsList() -> impl IntoView {
    view! {
        <ul>
            <li>
                <strong>"Ret til indsigt"</strong>
                " – du kan få at vide, hvilke oplysninger kommunen behandler om dig, hvorfor, og hvem der har fået dem."
            </li>
            <li>
                <strong>"Ret til berigtigelse"</strong>
                " – du kan bede om at få rettet oplysninger, der er forkerte."
            </li>
            <li>
                <strong>"Ret til sletning"</strong>
                " – i nogle tilfælde kan du bede om at få oplysninger slettet, fx når kommunen ikke længere har brug for dem."
            </li>
            <li>
                <strong>"Ret til begrænsning"</strong>
                " – du kan bede kommunen om midlertidigt kun at opbevare oplysningerne, fx mens det undersøges, om de er rigtige."
            </li>
            <li>
                <strong>"Ret til indsigelse"</strong>
                " – du kan gøre indsigelse mod, at kommunen bruger dine oplysninger, hvis din særlige situation taler for det."
            </li>
        </ul>
        <p>
            "Kommunen skal svare dig senest en måned efter, at den har modtaget din henvendelse. "
            "Er sagen særlig kompliceret, eller har du sendt mange henvendelser, kan fristen forlænges med op til to måneder. "
            "Så får du besked om forlængelsen og begrundelsen inden for den første måned."
        </p>
        <p>
            "Er du uenig i, hvordan kommunen behandler dine oplysninger, kan du klage til "
            <a href=DATATILSYNET_URL>"Datatilsynet"</a>"."
        </p>
    }
}
