//! `server demo-data`: fills the database with a fictitious municipality's
//! master data (authorities, units, source systems, purposes), so the portal
//! can be tried and demonstrated. Running it again updates the same rows.

use sqlx::PgPool;

/// (code, name, kind, CVR number: the demo's is fictitious)
const AUTHORITIES: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "eksempel-kommune",
        "Eksempel Kommune",
        "municipality",
        Some("12345678"),
    ),
    (
        "boern-og-unge-udvalget",
        "Børn og Unge-udvalget",
        "independent",
        None,
    ),
    // Keeps the CPR register, which the municipality's units look people
    // up in: such a look-up is a transfer in the Data Tracker protocol.
    ("cpr-kontoret", "CPR-kontoret", "external", None),
    // Runs borger.dk, which may show citizens their log from here (the
    // Data Tracker protocol's aggregator; docs/interop.md).
    (
        "digitaliseringsstyrelsen",
        "Digitaliseringsstyrelsen",
        "external",
        None,
    ),
];

/// (system code, code of the authority that keeps it): the CPR register,
/// which the municipality does not keep, and the portal itself, which it
/// does, so that a use of the portal by another authority (borger.dk's
/// calls) is the municipality answering that authority.
const KEEPERS: &[(&str, &str)] = &[("cpr", "cpr-kontoret"), ("indblik", "eksempel-kommune")];

/// (code, citizen-facing name, authority code)
const UNITS: &[(&str, &str, &str)] = &[
    ("BS", "Borgerservice", "eksempel-kommune"),
    ("JC", "Jobcenter", "eksempel-kommune"),
    ("YC", "Ydelsescenter", "eksempel-kommune"),
    ("FAM", "Familieafdelingen", "eksempel-kommune"),
    ("SOM", "Sundhed og Omsorg", "eksempel-kommune"),
    ("BYG", "Byggeri", "eksempel-kommune"),
    ("OEK", "Økonomi", "eksempel-kommune"),
    ("JUR", "Jura og Databeskyttelse", "eksempel-kommune"),
    ("IT", "IT og Informationssikkerhed", "eksempel-kommune"),
    (
        "BUU",
        "Sekretariatet for Børn og Unge-udvalget",
        "boern-og-unge-udvalget",
    ),
    ("BORGERDK", "borger.dk", "digitaliseringsstyrelsen"),
];

/// (code, citizen-facing name, one-line description, may hide events)
const SYSTEMS: &[(&str, &str, &str, bool)] = &[
    (
        "cpr",
        "CPR-registret",
        "Det Centrale Personregister med navn, adresse og familieforhold.",
        false,
    ),
    (
        "esdh",
        "Sags- og dokumentsystemet",
        "Kommunens journal over sager, breve og dokumenter.",
        true,
    ),
    (
        "social",
        "Det sociale sagssystem",
        "Sager om børn, familier og voksne med særlige behov.",
        true,
    ),
    (
        "omsorg",
        "Omsorgsjournalen",
        "Journal for hjemmepleje, sygepleje og genoptræning.",
        false,
    ),
    (
        "ydelse",
        "Ydelsessystemet",
        "Beregning og udbetaling af kontanthjælp og andre ydelser.",
        false,
    ),
    (
        "byg",
        "Byggesagssystemet",
        "Ansøgninger om byggetilladelser og tilsyn.",
        false,
    ),
    (
        "oekonomi",
        "Økonomisystemet",
        "Opkrævninger, betalinger og restancer.",
        false,
    ),
    (
        "indblik",
        "Indblik",
        "Denne portal, når en medarbejder behandler din henvendelse.",
        false,
    ),
];

/// Systems and authorities whose rows in an access answer's log other
/// units' staff neither see nor hear named (`sensitive` in the master data).
const SENSITIVE_SYSTEMS: &[&str] = &["social"];
const SENSITIVE_AUTHORITIES: &[&str] = &["boern-og-unge-udvalget"];

/// (code, citizen-facing description, legal basis)
const PURPOSES: &[(&str, &str, &str)] = &[
    ("kontanthjaelp", "Behandling af ansøgning om kontanthjælp", "Lov om aktiv socialpolitik; databeskyttelsesforordningen art. 6, stk. 1, litra e"),
    ("beskaeftigelse", "Opfølgning på din jobsøgning og dine samtaler", "Lov om en aktiv beskæftigelsesindsats; databeskyttelsesforordningen art. 6, stk. 1, litra e"),
    ("flytning", "Registrering af flytning og adresse", "CPR-loven; databeskyttelsesforordningen art. 6, stk. 1, litra c"),
    ("boernesag", "Undersøgelse af et barns forhold", "Barnets lov; databeskyttelsesforordningen art. 6, stk. 1, litra e, og art. 9, stk. 2, litra b"),
    ("hjemmepleje", "Hjemmepleje og sygepleje", "Serviceloven § 83 og sundhedsloven § 138; databeskyttelsesforordningen art. 9, stk. 2, litra h"),
    ("byggesag", "Behandling af byggeansøgning", "Byggeloven; databeskyttelsesforordningen art. 6, stk. 1, litra e"),
    ("opkraevning", "Opkrævning af skyldige beløb", "Opkrævningsloven; databeskyttelsesforordningen art. 6, stk. 1, litra c"),
    ("rettigheder", "Behandling af din henvendelse om dine rettigheder", "Databeskyttelsesforordningen art. 12-22, jf. art. 6, stk. 1, litra c"),
    ("samlet-visning", "Visning af din log på borger.dk sammen med andre myndigheders", "Databeskyttelsesforordningen art. 15, jf. art. 12, stk. 2"),
    ("logkontrol", "Kontrol af, hvem der har brugt dine oplysninger", "Databeskyttelsesforordningen art. 5, stk. 1, litra f, og art. 32; sikkerhedsbekendtgørelsen §§ 17-19"),
];

/// What [`load`] wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    pub authorities: usize,
    pub units: usize,
    pub systems: usize,
    pub purposes: usize,
}

/// Writes the demo master data in one transaction, inserting or updating by code.
pub async fn load(pool: &PgPool) -> anyhow::Result<Loaded> {
    let mut tx = pool.begin().await?;
    for (code, name, kind, cvr) in AUTHORITIES {
        sqlx::query!(
            "INSERT INTO authorities (code, name, kind, sensitive, cvr) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (code) DO UPDATE
             SET name = EXCLUDED.name, kind = EXCLUDED.kind, sensitive = EXCLUDED.sensitive,
                 cvr = EXCLUDED.cvr",
            code,
            name,
            kind,
            SENSITIVE_AUTHORITIES.contains(code),
            *cvr
        )
        .execute(&mut *tx)
        .await?;
    }
    for (code, name, authority) in UNITS {
        sqlx::query!(
            "INSERT INTO org_units (code, name, authority_id)
             SELECT $1, $2, id FROM authorities WHERE code = $3
             ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, authority_id = EXCLUDED.authority_id",
            code,
            name,
            authority
        )
        .execute(&mut *tx)
        .await?;
    }
    for (code, name, description, may_hide) in SYSTEMS {
        sqlx::query!(
            "INSERT INTO source_systems (code, name, description, may_hide, sensitive)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (code) DO UPDATE
             SET name = EXCLUDED.name, description = EXCLUDED.description,
                 may_hide = EXCLUDED.may_hide, sensitive = EXCLUDED.sensitive",
            code,
            name,
            description,
            may_hide,
            SENSITIVE_SYSTEMS.contains(code)
        )
        .execute(&mut *tx)
        .await?;
    }
    for (system, keeper) in KEEPERS {
        sqlx::query!(
            "UPDATE source_systems
             SET keeper_authority_id = (SELECT id FROM authorities WHERE code = $2)
             WHERE code = $1",
            system,
            keeper
        )
        .execute(&mut *tx)
        .await?;
    }
    for (code, description, legal_basis) in PURPOSES {
        sqlx::query!(
            "INSERT INTO purposes (code, description, legal_basis) VALUES ($1, $2, $3)
             ON CONFLICT (code) DO UPDATE
             SET description = EXCLUDED.description, legal_basis = EXCLUDED.legal_basis",
            code,
            description,
            legal_basis
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Loaded {
        authorities: AUTHORITIES.len(),
        units: UNITS.len(),
        systems: SYSTEMS.len(),
        purposes: PURPOSES.len(),
    })
}
