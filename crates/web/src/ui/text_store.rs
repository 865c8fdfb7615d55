//! The browser's store for the user's own texts: IndexedDB (through
//! `rexie`), since a corpus outgrows localStorage's few megabytes. Each
//! record is one text, keyed by its `id`, with its body beside its fields as
//! a `Blob` (the browser writes a blob's bytes off the main thread; a 10 MB
//! `Uint8Array` in the record took 80 ms of it to copy and compress);
//! every failure comes back as a message the page can show.

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
pub async fn put<T: Serialize>(record: &T, body: &web_sys::Blob) -> Result<(), String> {
    let value = serde_wasm_bindgen::to_value(record).map_err(|e| e.to_string())?;
    js_sys::Reflect::set(&value, &"body".into(), body)
        .map_err(|_| "the text could not be kept".to_string())?;
    let db = open().await?;
    let tx = db.transaction(&[TEXTS], TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
    let store = tx.store(TEXTS).map_err(|e| e.to_string())?;
    store.put(&value, None).await.map_err(|e| format!("the text could not be kept: {e}"))?;
    tx.done().await.map_err(|e| format!("the text could not be kept: {e}"))?;
    Ok(())
}

/// Every stored record that reads as `T`, with its body (kept as bytes
/// before bodies were blobs: made one; none in records kept before bodies
/// were), and a message for each that does not read.
pub async fn all<T: DeserializeOwned>(
) -> Result<(Vec<(T, Option<web_sys::Blob>)>, Vec<String>), String> {
    let db = open().await?;
    let tx = db.transaction(&[TEXTS], TransactionMode::ReadOnly).map_err(|e| e.to_string())?;
    let store = tx.store(TEXTS).map_err(|e| e.to_string())?;
    let values = store
        .get_all(None, None)
        .await
        .map_err(|e| format!("the kept texts cannot be read: {e}"))?;
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for value in values {
        let body = match js_sys::Reflect::get(&value, &"body".into()) {
            Ok(b) if b.is_instance_of::<web_sys::Blob>() => {
                Some(b.unchecked_into::<web_sys::Blob>())
            }
            Ok(b) if b.is_instance_of::<js_sys::Uint8Array>() => {
                web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&b)).ok()
            }
            _ => None,
        };
        match serde_wasm_bindgen::from_value::<T>(value) {
            Ok(r) => records.push((r, body)),
            Err(e) => problems.push(format!("a kept text could not be read: {e}")),
        }
    }
    Ok((records, problems))
}

/// A blob's bytes.
pub async fn bytes(blob: &web_sys::Blob) -> Result<js_sys::Uint8Array, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
        .await
        .map_err(|e| format!("the browser could not read it back: {e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// Removes the record with this id (nothing when there is none).
pub async fn delete(id: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db.transaction(&[TEXTS], TransactionMode::ReadWrite).map_err(|e| e.to_string())?;
    let store = tx.store(TEXTS).map_err(|e| e.to_string())?;
    store
        .delete(JsValue::from_str(id))
        .await
        .map_err(|e| format!("the text could not be deleted: {e}"))?;
    tx.done().await.map_err(|e| e.to_string())?;
    Ok(())
}
