//! The view of cijing (词镜), shared by every face and tested natively: the
//! one view state and its round trip to the URL ([`view_state`]), the
//! options a JS caller passes ([`js_api`]), the one registry of options
//! every face reads ([`options`]), the interface texts ([`i18n`]),
//! what the page writes and picks as plain functions ([`ui_logic`]), and
//! what exports are made of ([`export`]). It reads the engine only.

pub mod export;
pub mod i18n;
pub mod js_api;
pub mod options;
pub mod texts_file;
pub mod ui_logic;
pub mod view_state;
pub mod worker_protocol;
