//! Part of `server demo-data`: a few requests of the demo citizens in
//! different states, so the queue, the request pages and the DPO's overview
//! have something to show in `make run`. They are made through the same
//! store functions as real ones (with the deadlines computed from their
//! receipt), and only once: when the demo citizens already have requests,
//! nothing is added.

use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

use app::caller::{Caller, Role, SignedInCitizen, StaffMember};
use app::i18n::Lang;
use app::identity::cpr::Cpr;
use app::identity::subject_key::SubjectKey;
use app::requests::forms::{RegisteredRequest, RequestText};
use app::requests::store::{self, casework, Enclosed, RequestSettings, StaffAction};
use app::requests::{Channel, Kind};

use crate::demo_events::{ANNA_CPR, BO_CPR};

fn text(kind: Kind, about: &str) -> RequestText {
    RequestText {
        kind,
        about: about.to_owned(),
        what_is_wrong: None,
        what_is_right: None,
        situation: None,
        notify_email: None,
    }
}

/// Adds the demo requests unless the demo citizens have some; returns how many.
pub async fn load(
    pool: &PgPool,
    settings: &RequestSettings,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let anna_cpr = Cpr::parse(ANNA_CPR).map_err(|error| anyhow::anyhow!("demo CPR: {error}"))?;
    let bo_cpr = Cpr::parse(BO_CPR).map_err(|error| anyhow::anyhow!("demo CPR: {error}"))?;
    let anna = SubjectKey::derive(&settings.pepper, &anna_cpr);
    let bo = SubjectKey::derive(&settings.pepper, &bo_cpr);
    let existing = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM data_requests WHERE subject_key = ANY($1)"#,
        &[anna.as_bytes().to_vec(), bo.as_bytes().to_vec()]
    )
    .fetch_one(pool)
    .await?;
    if existing > 0 {
        return Ok(0);
    }
    // The test workforce provider's Sara (her id there is the account name).
    let sara = StaffMember {
        id: "sagsbehandler".to_owned(),
        name: "Sara Sagsbehandler".to_owned(),
        roles: vec![Role::Caseworker],
        unit: "BS".to_owned(),
    };
    store::remember_staff(pool, &sara, Some("sara@eksempel.dk"), Lang::Da, now).await?;
    // As if they had signed in: the capabilities come from a caller.
    let sara = Caller::Staff(sara).case_actor()?;
    let anna_identity = Caller::Citizen(SignedInCitizen {
        key: anna,
        name: "Anna Testesen".to_owned(),
        cpr: Some(settings.seal_key.seal(&anna_cpr)?),
    })
    .filing_citizen()?;

    // Anna asked for access 20 days ago; open.
    store::file(
        pool,
        settings,
        &anna_identity,
        &text(Kind::Access, "Alle oplysninger, Jobcentret har om mig."),
        None,
        now - Duration::days(20),
        Lang::Da,
    )
    .await?;

    // Anna objected 40 days ago; answered 10 days ago.
    let objection = RequestText {
        situation: Some(
            "Jeg er i et beskyttet forløb og ønsker ikke, at flere enheder ser min adresse."
                .to_owned(),
        ),
        ..text(Kind::Objection, "Deling af min adresse mellem enhederne.")
    };
    let answered = store::file(
        pool,
        settings,
        &anna_identity,
        &objection,
        None,
        now - Duration::days(40),
        Lang::Da,
    )
    .await?;
    casework::staff_act(
        pool,
        settings,
        &sara,
        answered,
        1,
        StaffAction::Answer(
            "Vi har begrænset adgangen til din adresse til Borgerservice og Ydelsescentret.",
            Enclosed::default(),
        ),
        now - Duration::days(10),
    )
    .await?;

    // Bo wrote a letter 35 days ago asking to correct his address; overdue.
    let letter = RegisteredRequest {
        text: RequestText {
            what_is_wrong: Some("Min gamle adresse står stadig i sagen om hjemmepleje.".to_owned()),
            what_is_right: Some("Jeg bor nu på Skovvej 12, 1. th.".to_owned()),
            ..text(Kind::Rectification, "Min adresse i sagen om hjemmepleje.")
        },
        channel: Channel::Letter,
        received_at: now - Duration::days(35),
        cpr: bo_cpr,
        citizen_name: "Bo Prøvesen".to_owned(),
        identity_check: "Brev med underskrift sammenholdt med CPR".to_owned(),
        postal_address: Some("Skovvej 12, 1. th.\n1234 Eksempelby".to_owned()),
    };
    store::register(pool, settings, &sara, &letter, now).await?;
    Ok(3)
}
