//! PDFs users add: their text layer read by `cijing-pdf.js` (pdf.js, loaded
//! the first time a PDF is added, through the dynamic `import()` the page's
//! JS face hands over), then cleaned by the worker like any other file.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// `(url) => import(url)` from the loader or embed script; `None` in
    /// the one-file page, which cannot load modules.
    static IMPORTER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// `cijing-pdf.js`, once imported.
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Keeps the function that imports a module by URL.
pub fn set_importer(importer: Option<js_sys::Function>) {
    IMPORTER.with(|i| *i.borrow_mut() = importer);
}

/// Is this file a PDF: named `.pdf`, or starting with `%PDF-`?
pub fn is_pdf(name: &str, bytes: &[u8]) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("pdf"))
        || bytes.starts_with(b"%PDF-")
}

fn message(error: JsValue) -> String {
    js_sys::Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

async fn module(name: &str) -> Result<JsValue, String> {
    if let Some(module) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(module);
    }
    let served = || {
        format!("{name}: a PDF needs the served page (dist/ on a web server, as index.html); this one-file page cannot load the PDF reader")
    };
    let importer = IMPORTER.with(|i| i.borrow().clone()).ok_or_else(served)?;
    let url = super::assets::asset_url("cijing-pdf.js");
    let promise = importer
        .call1(&JsValue::NULL, &url.into())
        .map_err(|e| format!("{name}: {}", message(e)))?;
    let module = JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(|e| format!("{name}: the PDF reader could not be loaded ({})", message(e)))?;
    MODULE.with(|m| *m.borrow_mut() = Some(module.clone()));
    Ok(module)
}

/// The text of the PDF `bytes` named `name`, page by page (see
/// `cijing-pdf.js`: at most 2,000 pages); `progress(page, pages)` as each
/// page starts to be read, which stops the reading by answering false.
/// Errors name the file.
pub async fn read_text(
    name: &str,
    bytes: &js_sys::Uint8Array,
    progress: impl Fn(u32, u32) -> bool + 'static,
) -> Result<String, String> {
    let module = module(name).await?;
    let read: js_sys::Function = js_sys::Reflect::get(&module, &"pdfText".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| format!("{name}: cijing-pdf.js has no pdfText"))?;
    let progress = Closure::<dyn Fn(u32, u32) -> bool>::new(progress);
    let promise =
        read.call3(&JsValue::NULL, &name.into(), bytes, progress.as_ref()).map_err(message)?;
    let text = JsFuture::from(js_sys::Promise::resolve(&promise)).await.map_err(message)?;
    drop(progress);
    text.as_string().ok_or_else(|| format!("{name}: the PDF reader gave no text"))
}
