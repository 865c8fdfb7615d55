//! Where cijing's own files are: the directory of the loader or embed
//! script, set once at start-up, so the worker, pdf.js and links find them
//! at any sub-path.

use std::cell::RefCell;

thread_local! {
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Where cijing's files are (the directory of the loader or embed script).
pub fn set_base(url: &str) {
    BASE.with(|b| *b.borrow_mut() = url.to_string());
}

/// The URL of one of cijing's own files.
pub fn asset_url(name: &str) -> String {
    let base = BASE.with(|b| b.borrow().clone());
    if base.is_empty() {
        format!("./{name}")
    } else {
        format!("{}/{name}", base.trim_end_matches('/'))
    }
}
