//! The browser's store for the user's own texts: IndexedDB (through
//! `rexie`), since a corpus outgrows localStorage's few megabytes. Each
//! record is one text, keyed by its `id`, with its body as bytes beside its
//! fields (one value to copy, however long the text); every failure comes
//! back as a message the page can show.

use rexie::{ObjectStore, Rexie, TransactionMode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

const DATABASE: &str = "cijing";
const TEXTS: &str = "texts";

async fn open() -> Result<Rexie, String> {
    Rexie::builder(DATABASE)
        .version(1)
        .add_object_store(ObjectStore::new(TEXTS).key_path("id"))
        .build()
        .await
        .map_err(|e| format!("the browser's database cannot be opened: {e}"))
}

/// Stores `record` (its `id` field is the key) with `body` beside it,
/// replacing one with the same id.
pub async fn put<T: Serialize>(record: &T, body: &js_sys::Uint8Array) -> Result<(), String> {
    let value = serde_wasm_bindgen::to_value(record).map_err(|e| e.to_string())?;
    js_sys::Reflect::set(&value, &"body".into(), body).map_err(|_| "the text could not be kept".to_string())?;
    let db = open().await?;
    let tx = db.transaction(&[TEXTS], TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
    let store = tx.store(TEXTS).map_err(|e| e.to_string())?;
    store.put(&value, None).await.map_err(|e| format!("the text could not be kept: {e}"))?;
    tx.done().await.map_err(|e| format!("the text could not be kept: {e}"))?;
    Ok(())
}

/// Every stored record that reads as `T`, with its body (none in records
/// kept before bodies were), and a message for each that does not read.
pub async fn all<T: DeserializeOwned>() -> Result<(Vec<(T, Option<Vec<u8>>)>, Vec<String>), String> {
    let db = open().await?;
    let tx = db.transaction(&[TEXTS], TransactionMode::ReadOnly).map_err(|e| e.to_string())?;
    let store = tx.store(TEXTS).map_err(|e| e.to_string())?;
    let values = store.get_all(None, None).await.map_err(|e| format!("the kept texts cannot be read: {e}"))?;
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for value in values {
        let body = js_sys::Reflect::get(&value, &"body".into()).ok().and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok()).map(|b| b.to_vec());
        match serde_wasm_bindgen::from_value::<T>(value) {
            Ok(r) => records.push((r, body)),
            Err(e) => problems.push(format!("a kept text could not be read: {e}")),
        }
    }
    Ok((records, problems))
}

/// Removes the record with this id (nothing when there is none).
pub async fn delete(id: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db.transaction(&[TEXTS], TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
    let store = tx.store(TEXTS).map_err(|e| e.to_string())?;
    store.delete(JsValue::from_str(id)).await.map_err(|e| format!("the text could not be deleted: {e}"))?;
    tx.done().await.map_err(|e| e.to_string())?;
    Ok(())
}
