//! Integration tests: the real router against a real PostgreSQL. Each
//! `#[sqlx::test]` gets its own fresh database on the server named by
//! `DATABASE_URL` (`make test` starts one). One binary, one module per area.

mod health;
mod pages;
#[cfg(test)] // marks the helpers as test code for clippy, like the tests themselves
mod support;
