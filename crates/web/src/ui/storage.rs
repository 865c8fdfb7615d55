//! The browser's storage for what the user keeps (their topics): reading
//! and writing `localStorage` with every failure turned into a message —
//! storage that is switched off or throws (private modes), a full quota —
//! so the page can say so and offer an export instead of losing work.

/// Where the browser keeps the user's topics.
pub const USER_TOPICS_KEY: &str = "cijing.user-topics";

/// The text stored under `key` (`Ok(None)` when nothing is), or why the
/// storage cannot be read.
pub fn read(key: &str) -> Result<Option<String>, String> {
    storage()?.get_item(key).map_err(|e| error_text(&e))
}

/// Stores `text` under `key` (when it differs; nothing stored counts as
/// `""`), or says why it could not.
pub fn write(key: &str, text: &str) -> Result<(), String> {
    let storage = storage()?;
    if storage.get_item(key).ok().flatten().unwrap_or_default() == text {
        return Ok(());
    }
    storage.set_item(key, text).map_err(|e| error_text(&e))
}

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no local storage here".into()),
        Err(e) => Err(error_text(&e)),
    }
}

/// A thrown DOMException or Error as "Name: message".
fn error_text(error: &wasm_bindgen::JsValue) -> String {
    let field = |name: &str| {
        js_sys::Reflect::get(error, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    match (field("name"), field("message")) {
        (name, message) if !name.is_empty() && !message.is_empty() => format!("{name}: {message}"),
        (name, message) if !name.is_empty() || !message.is_empty() => format!("{name}{message}"),
        _ => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}
