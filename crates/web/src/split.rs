//! Code split out of the page's wasm (`#[wasm_split(panels)]`, split by
//! wasm-split-cli in `scripts/build.sh`): nine panels and the JS API's
//! answers live in one module, fetched when first needed. Each split
//! function has its own loader: once that has resolved (its `preload_…`
//! function awaited), the function answers when it is first polled.

use std::future::Future;
use std::task::{Context, Poll, Waker};

/// The output of a future that is ready when first polled (a split-out
/// function whose module is loaded), else None.
pub fn ready_now<F: Future>(future: F) -> Option<F::Output> {
    let mut future = std::pin::pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}
