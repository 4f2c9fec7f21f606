//! One module per page. Each page is a component rendered inside the frame of
//! [`crate::shell::App`].

pub mod about;
pub mod accessibility;
pub mod authorisations;
pub mod casework;
pub mod control;
pub mod control_flags;
pub mod dpo;
pub mod home;
pub mod letter;
pub mod my_log;
pub mod privacy;
pub mod request_parts;
pub mod requests;
pub mod rights;
pub mod samples;
pub mod sign_in;
pub mod signed_out;
pub mod usage;
