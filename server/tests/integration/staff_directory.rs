//! The staff directory's import against PostgreSQL: a file replaces the
//! directory whole; a file with a unit the master data lacks changes
//! nothing and names its lines; only the subject key of a CPR number is
//! stored.

use sqlx::PgPool;

use server::staff_directory::{parse, replace, ImportError};
use server::{clock, demo_data};

use crate::support::test_config;

async fn directory(pool: &PgPool) -> Vec<(String, String, String)> {
    sqlx::query_as(
        "SELECT d.actor, d.name, u.code FROM staff_directory d
         JOIN org_units u ON u.id = d.org_unit_id ORDER BY d.actor",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "server::db::MIGRATOR")]
async fn a_file_replaces_the_directory_whole_or_changes_nothing(pool: PgPool) {
    demo_data::load(&pool).await.unwrap();
    let pepper = test_config().subject_key_pepper;
    let first = "actor;name;unit;email;cpr\n\
                 m1001;Sara Sagsbehandler;BS;sara@eksempel.dk;240381-9912\n\
                 m2001;Jens Jobcenter;JC;;\n";
    let entries = parse(first.as_bytes(), &pepper).unwrap();
    assert_eq!(replace(&pool, &entries, clock::now()).await.unwrap(), 2);
    assert_eq!(
        directory(&pool).await,
        [
            ("m1001".into(), "Sara Sagsbehandler".into(), "BS".into()),
            ("m2001".into(), "Jens Jobcenter".into(), "JC".into()),
        ]
    );
    // The CPR number is kept as its key only.
    let stored: Vec<u8> =
        sqlx::query_scalar("SELECT subject_key FROM staff_directory WHERE actor = 'm1001'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(stored.len(), 32);
    assert!(!String::from_utf8_lossy(&stored).contains("240381"));

    // A unit the master data lacks: its line is named, nothing changes.
    let unknown = "actor;name;unit\nm3001;Ny Medarbejder;XYZ\nm1001;Sara;BS\n";
    let entries = parse(unknown.as_bytes(), &pepper).unwrap();
    match replace(&pool, &entries, clock::now()).await {
        Err(ImportError::Refused(errors)) => {
            assert_eq!(errors.len(), 1);
            assert_eq!(
                errors[0].to_string(),
                "line 2: unit \"XYZ\" is not in the master data"
            );
        }
        other => panic!("refused, not {other:?}"),
    }
    assert_eq!(directory(&pool).await.len(), 2);

    // A later file is the whole directory: who is not in it is gone.
    let later = "actor,name,unit\nm2001,Jens Jobcenter,JC\n";
    let entries = parse(later.as_bytes(), &pepper).unwrap();
    assert_eq!(replace(&pool, &entries, clock::now()).await.unwrap(), 1);
    assert_eq!(
        directory(&pool).await,
        [("m2001".into(), "Jens Jobcenter".into(), "JC".into())]
    );
}
