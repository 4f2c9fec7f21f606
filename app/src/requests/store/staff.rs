//! [ssr] The staff directory as the portal learns it: each staff member's
//! name, unit, roles, e-mail address and language, refreshed at every
//! sign-in, and the
//! caseworkers of a unit a request can be assigned to.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

use super::StoreError;
use crate::caller::{Role, StaffMember};
use crate::i18n::Lang;
use crate::requests::views::Colleague;

/// Refreshes what the portal knows about a staff member at sign-in.
pub async fn remember_staff(
    pool: &PgPool,
    member: &StaffMember,
    email: Option<&str>,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let roles: Vec<String> = member
        .roles
        .iter()
        .map(|role| role.code().to_owned())
        .collect();
    sqlx::query!(
        "INSERT INTO staff_members (id, name, unit_code, roles, email, last_sign_in_at, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, unit_code = EXCLUDED.unit_code,
             roles = EXCLUDED.roles, email = COALESCE(EXCLUDED.email, staff_members.email),
             last_sign_in_at = EXCLUDED.last_sign_in_at, language = EXCLUDED.language",
        member.id,
        member.name,
        member.unit,
        &roles,
        email,
        now,
        lang.code()
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// The caseworkers of unit `unit_code` who have signed in, by name; not
/// those an authorisation review removed.
pub(super) async fn colleagues(
    db: &mut PgConnection,
    unit_code: &str,
) -> Result<Vec<Colleague>, StoreError> {
    Ok(sqlx::query_as!(
        Colleague,
        "SELECT id, name FROM staff_members
         WHERE unit_code = $1 AND $2 = ANY(roles) AND deactivated_at IS NULL
         ORDER BY name, id",
        unit_code,
        Role::Caseworker.code()
    )
    .fetch_all(db)
    .await?)
}
