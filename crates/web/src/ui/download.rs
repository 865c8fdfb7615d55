//! Saving exports from the page: text files through a Blob link, PNG by
//! drawing a chart's SVG onto a canvas.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `content` as a file named `name`.
pub fn save_text(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    click_link(&url, name);
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn click_link(href: &str, name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = document.create_element("a") else {
        return;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(href);
    a.set_download(name);
    // Hidden by its attribute: an inline style breaks a strict CSP.
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}

/// The `width` and `height` attributes of an SVG document.
fn svg_size(svg: &str) -> (f64, f64) {
    let attr = |name: &str| {
        let start = svg.find(&format!("{name}=\""))? + name.len() + 2;
        let end = svg[start..].find('"')? + start;
        svg[start..end].parse::<f64>().ok()
    };
    (attr("width").unwrap_or(800.0), attr("height").unwrap_or(600.0))
}

/// Offers a chart as a PNG (drawn at twice its size for sharp text). The
/// SVG is drawn through an image from a `data:` URL, which a page whose
/// Content-Security-Policy lacks `img-src data:` refuses: `blocked` is then
/// called, so the page can say which policy PNG export needs.
pub fn save_png(name: &str, svg: &str, blocked: impl FnOnce() + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (w, h) = svg_size(svg);
    let Ok(img) = document.create_element("img") else {
        return;
    };
    let img: web_sys::HtmlImageElement = img.unchecked_into();
    let name = name.to_string();
    let img_for_load = img.clone();
    let onload = Closure::once_into_js(move || {
        let Ok(canvas) = document.create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width((w * 2.0) as u32);
        canvas.set_height((h * 2.0) as u32);
        let Ok(Some(ctx)) = canvas.get_context("2d") else {
            return;
        };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, w * 2.0, h * 2.0);
        let _ = ctx.scale(2.0, 2.0);
        let _ = ctx.draw_image_with_html_image_element(&img_for_load, 0.0, 0.0);
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            click_link(&url, &name);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    let onerror = Closure::once_into_js(blocked);
    img.set_onerror(Some(onerror.unchecked_ref()));
    let encoded: String = js_sys::encode_uri_component(svg).into();
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}
