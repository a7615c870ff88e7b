//! Embeds the browser assets (`target/site`, which `scripts/build` writes) into the
//! `patron` binary, each compressed once here with gzip and brotli, so a server needs the
//! binary, a data folder and its key, nothing else (`static_files.rs` serves them).
//!
//! The assets' version is a hash of their bytes: pages load them under `/v/VERSION/`, which
//! may be cached for a year, while the URLs shops embed (`/embed.js`) keep no version and
//! are revalidated. `embed.js` names the version of the bundles it loads (`/v/dev/` in the
//! source, rewritten here). With no `target/site` (a test build before `scripts/build`),
//! nothing is embedded and the server reads the directory given to it instead.

use std::io::Write;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let site =
        std::env::var_os("PATRON_EMBED_SITE").map(PathBuf::from).unwrap_or_else(|| manifest.join("../target/site"));
    println!("cargo:rerun-if-env-changed=PATRON_EMBED_SITE");
    // A directory here is scanned for any change below it.
    println!("cargo:rerun-if-changed={}", site.display());
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let mut files = Vec::new();
    // Debug builds (scripts/dev) serve the directory: compressing there costs a minute.
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    if release && site.is_dir() {
        walk(&site, &site, &mut files);
    }
    files.sort();
    // The version: every file but those that name it.
    let mut hasher = sha2_hasher();
    for (path, bytes) in &files {
        if !names_version(path) {
            hasher.update(path.as_bytes());
            hasher.update(&(bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        }
    }
    let version = if files.is_empty() { "dev".to_owned() } else { hex(&hasher.finish())[..12].to_owned() };
    let mut code =
        format!("/// The assets' version (a hash of their bytes).\npub const VERSION: &str = {version:?};\n");
    code.push_str("/// Every embedded file: path below the site root, bytes, gzip and brotli (when smaller).\npub static FILES: &[Embedded] = &[\n");
    for (i, (path, bytes)) in files.iter().enumerate() {
        let bytes = if names_version(path) {
            String::from_utf8_lossy(bytes).replace("/v/dev/", &format!("/v/{version}/")).into_bytes()
        } else {
            bytes.clone()
        };
        let raw = out.join(format!("asset-{i}"));
        std::fs::write(&raw, &bytes).expect("OUT_DIR is writable");
        let gzip = compressed(&out, i, "gz", &bytes, gzip(&bytes));
        let brotli = compressed(&out, i, "br", &bytes, brotli(&bytes));
        let tag = hex(&{
            let mut h = sha2_hasher();
            h.update(&bytes);
            h.finish()
        })[..16]
            .to_owned();
        code.push_str(&format!(
            "    Embedded {{ path: {path:?}, tag: {tag:?}, raw: include_bytes!({raw:?}), gzip: {gzip}, brotli: {brotli} }},\n",
            raw = raw.display().to_string(),
        ));
    }
    code.push_str("];\n");
    std::fs::write(out.join("assets.rs"), code).expect("OUT_DIR is writable");
}

/// Files that name the version, so it cannot hash them: the loader shops embed.
fn names_version(path: &str) -> bool {
    path == "embed.js"
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, files);
        } else if let Ok(bytes) = std::fs::read(&path) {
            let rel = path.strip_prefix(root).expect("below the root").to_string_lossy().replace('\\', "/");
            files.push((rel, bytes));
        }
    }
}

/// `Some(include_bytes!(...))` when the compressed form is smaller, else `None`.
fn compressed(out: &Path, i: usize, ext: &str, raw: &[u8], packed: Vec<u8>) -> String {
    if packed.len() >= raw.len() {
        return "None".to_owned();
    }
    let file = out.join(format!("asset-{i}.{ext}"));
    std::fs::write(&file, packed).expect("OUT_DIR is writable");
    format!("Some(include_bytes!({:?}))", file.display().to_string())
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("writing to memory");
    e.finish().expect("writing to memory")
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut packed = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut packed, &params).expect("compressing in memory");
    packed
}

struct Hasher(sha2::Sha256);

fn sha2_hasher() -> Hasher {
    use sha2::Digest;
    Hasher(sha2::Sha256::new())
}

impl Hasher {
    fn update(&mut self, bytes: &[u8]) {
        sha2::Digest::update(&mut self.0, bytes);
    }
    fn finish(self) -> Vec<u8> {
        sha2::Digest::finalize(self.0).to_vec()
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
