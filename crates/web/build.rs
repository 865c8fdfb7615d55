//! The page's wasm keeps its relocations: scripts/build.sh splits the code
//! of most panels out of it with wasm-split-cli, which reads them.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=cijing-web=--emit-relocs");
    }
}
